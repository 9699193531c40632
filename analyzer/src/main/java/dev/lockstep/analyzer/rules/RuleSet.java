package dev.lockstep.analyzer.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules a scan runs, each with its effective metadata (severity overrides applied). */
public final class RuleSet {
    private final List<ConfiguredRule> rules;

    private RuleSet(List<ConfiguredRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every built-in rule with its default severity. */
    public static RuleSet defaults() {
        return of(BuiltInRules.all(), null, Set.of(), Map.of());
    }

    /**
     * A selection of rules.
     *
     * @param available every rule that could run
     * @param select    ids or id prefixes to run ({@code LS3} selects the family); null for all
     * @param ignore    ids or prefixes not to run (wins over select)
     * @param severity  severity per id
     */
    public static RuleSet of(Collection<? extends Rule> available, Collection<String> select, Collection<String> ignore,
            Map<String, Severity> severity) {
        List<ConfiguredRule> chosen = new ArrayList<>();
        for (Rule rule : available) {
            RuleMetadata metadata = rule.metadata();
            if (select != null && select.stream().noneMatch(s -> matches(metadata.id(), s))) {
                continue;
            }
            if (ignore.stream().anyMatch(s -> matches(metadata.id(), s))) {
                continue;
            }
            Severity override = severity.get(metadata.id());
            chosen.add(new ConfiguredRule(rule, override == null ? metadata : metadata.withSeverity(override)));
        }
        return new RuleSet(chosen);
    }

    /**
     * Every rule of several sets, each id once with the metadata of the first set that has it,
     * in first-seen order (a batch scanned under several configurations lists its rules once).
     */
    public static RuleSet union(Collection<RuleSet> sets) {
        Map<String, ConfiguredRule> byId = new java.util.LinkedHashMap<>();
        for (RuleSet set : sets) {
            for (ConfiguredRule rule : set.rules) {
                byId.putIfAbsent(rule.metadata().id(), rule);
            }
        }
        return new RuleSet(new ArrayList<>(byId.values()));
    }

    private static boolean matches(String id, String selector) {
        return id.equals(selector) || (selector.length() < id.length() && id.startsWith(selector));
    }

    public List<ConfiguredRule> rules() {
        return rules;
    }

    /** A rule and its effective metadata. */
    public record ConfiguredRule(Rule rule, RuleMetadata metadata) {
    }
}
