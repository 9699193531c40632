package dev.lockstep.analyzer.config;

import dev.lockstep.analyzer.rules.BuiltInRules;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleMetadata;
import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.scan.ScanSettings;
import dev.lockstep.analyzer.suppression.SuppressionFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A team's configuration, as read from one {@code lockstep.toml} (already validated).
 *
 * @param file        the file it came from, or null for the built-in defaults
 * @param select      ids or family prefixes to run, or null for every rule
 * @param ignore      ids or family prefixes not to run (wins over select)
 * @param severity    severity by id or family prefix, in file order (the most specific key wins)
 * @param customRules the team's own rules, in file order
 * @param io          the team's own I/O APIs ({@code [[io]]}), added to the facts layer's catalogue
 */
public record LockstepConfig(Path file, List<String> select, List<String> ignore, Map<String, Severity> severity,
        List<CustomCallRule> customRules, List<dev.lockstep.analyzer.facts.io.IoApi> io) {

    /** No file: every built-in rule at its default severity. */
    public static final LockstepConfig NONE = new LockstepConfig(null, null, List.of(), Map.of(), List.of());

    /** A configuration that adds no I/O APIs. */
    public LockstepConfig(Path file, List<String> select, List<String> ignore, Map<String, Severity> severity,
            List<CustomCallRule> customRules) {
        this(file, select, ignore, severity, customRules, List.of());
    }

    public LockstepConfig {
        select = select == null ? null : List.copyOf(select);
        ignore = List.copyOf(ignore);
        severity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(severity));
        customRules = List.copyOf(customRules);
        io = List.copyOf(io);
    }

    /** Every rule that exists under this configuration: the built-in ones, then the team's. */
    public List<Rule> availableRules() {
        List<Rule> rules = new ArrayList<>(BuiltInRules.all());
        rules.addAll(customRules);
        return List.copyOf(rules);
    }

    /** The rules to run, with the command line's selection on top of this file's. */
    public RuleSet ruleSet(RuleSelection options) {
        List<Rule> available = availableRules();
        List<String> chosen = options.select() != null ? options.select() : select;
        List<String> ignored = new ArrayList<>(ignore);
        ignored.addAll(options.ignore());
        return RuleSet.of(available, chosen, ignored, severities(available));
    }

    /** How to scan a notebook under this configuration: its rules, and suppressions applied. */
    public ScanSettings scanSettings(RuleSelection options) {
        RuleSet rules = ruleSet(options);
        return new ScanSettings(rules, new SuppressionFilter(rules, availableRules()), catalogue());
    }

    /** The I/O catalogue analyses run with under this configuration: the built-in one plus {@code [[io]]}. */
    public dev.lockstep.analyzer.facts.io.IoCatalogue catalogue() {
        return dev.lockstep.analyzer.facts.io.IoCatalogue.standard().with(io);
    }

    /** The effective severity override for each rule that has one: the most specific matching key wins. */
    Map<String, Severity> severities(Collection<Rule> rules) {
        Map<String, Severity> result = new LinkedHashMap<>();
        for (Rule rule : rules) {
            String id = rule.metadata().id();
            String best = null;
            for (String key : severity.keySet()) {
                if (matches(id, key) && (best == null || key.length() > best.length())) {
                    best = key;
                }
            }
            if (best != null) {
                result.put(id, severity.get(best));
            }
        }
        return result;
    }

    /** Whether a selector (an id, or a prefix of ids such as {@code LS2}) names a rule id, as RuleSet reads it. */
    static boolean matches(String id, String selector) {
        return id.equals(selector) || (selector.length() < id.length() && id.startsWith(selector));
    }

    /** Whether a selector names at least one of the rules. */
    static boolean selectsAny(String selector, Collection<RuleMetadata> rules) {
        return rules.stream().anyMatch(r -> matches(r.id(), selector));
    }
}
