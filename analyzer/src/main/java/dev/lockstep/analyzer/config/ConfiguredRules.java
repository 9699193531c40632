package dev.lockstep.analyzer.config;

import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleDocs;
import dev.lockstep.analyzer.rules.RuleMetadata;
import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.rules.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule that exists under a configuration, as {@code lockstep rules} lists and
 * {@code lockstep explain} looks them up: built-in rules in id order, then the team's rules,
 * each with its effective severity and whether the configuration runs it.
 */
public final class ConfiguredRules {
    private final List<Entry> entries;

    /**
     * One rule.
     *
     * @param rule     the rule
     * @param metadata its metadata with the configuration's severity
     * @param enabled  whether the configuration's select/ignore run it
     */
    public record Entry(Rule rule, RuleMetadata metadata, boolean enabled) {

        /** The rule's documentation page. */
        public String page() {
            String body = rule instanceof CustomCallRule custom ? custom.documentation()
                    : RuleDocs.body(metadata.id()).orElse(null);
            return RuleDocs.page(metadata, body);
        }
    }

    private ConfiguredRules(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ConfiguredRules of(LockstepConfig config) {
        List<Rule> available = config.availableRules();
        RuleSet running = config.ruleSet(RuleSelection.NONE);
        Map<String, Severity> severities = config.severities(available);
        List<Entry> entries = new ArrayList<>();
        for (Rule rule : available) {
            RuleMetadata metadata = rule.metadata();
            Severity override = severities.get(metadata.id());
            boolean enabled = running.rules().stream().anyMatch(r -> r.metadata().id().equals(metadata.id()));
            entries.add(new Entry(rule, override == null ? metadata : metadata.withSeverity(override), enabled));
        }
        return new ConfiguredRules(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The rule with this id (any case) or name. */
    public Optional<Entry> find(String idOrName) {
        String query = idOrName.strip();
        return entries.stream()
                .filter(e -> e.metadata().id().equalsIgnoreCase(query) || e.metadata().name().equals(query))
                .findFirst();
    }

    /** What to say when {@link #find} finds nothing: the closest ids and names, if any. */
    public String unknownRuleMessage(String idOrName) {
        String query = idOrName.strip();
        List<String> candidates = new ArrayList<>();
        for (Entry e : entries) {
            candidates.add(e.metadata().id());
            candidates.add(e.metadata().name());
        }
        List<String> family = entries.stream().map(e -> e.metadata().id())
                .filter(id -> id.startsWith(query.toUpperCase(Locale.ROOT)) && id.length() > query.length()).toList();
        String hint;
        if (!query.isEmpty() && !family.isEmpty()) {
            hint = " (a family prefix: its rules are " + String.join(", ", family.subList(0, Math.min(6, family.size())))
                    + (family.size() > 6 ? ", ..." : "") + ")";
        } else {
            hint = Suggestions.didYouMean(query, candidates);
        }
        return "unknown rule '" + query + "'" + hint + "; 'lockstep rules' lists them all";
    }
}
