package dev.lockstep.analyzer.rules;

/**
 * One check. A rule looks at an analysed notebook and reports findings through the context;
 * it never prints, never applies a fix, and keeps no state between notebooks.
 */
public interface Rule {

    void check(RuleContext context);

    /** This rule's metadata, from its {@link RuleInfo} annotation. */
    default RuleMetadata metadata() {
        return RuleMetadata.of(getClass());
    }
}
