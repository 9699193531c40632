package dev.lockstep.analyzer.rules;

import java.util.Objects;

/**
 * A rule's metadata as a value.
 *
 * @param id       stable id ({@code LS201}, or a team rule's own id)
 * @param name     kebab-case name
 * @param category the family
 * @param severity default severity
 * @param summary  one line
 * @param remedy   what extract does about it
 */
public record RuleMetadata(String id, String name, Category category, Severity severity, String summary, Remedy remedy) {

    public RuleMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(remedy, "remedy");
    }

    public static RuleMetadata of(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
        }
        return new RuleMetadata(info.id(), info.name(), info.category(), info.severity(), info.summary(), info.remedy());
    }

    public RuleMetadata withSeverity(Severity newSeverity) {
        return new RuleMetadata(id, name, category, newSeverity, summary, remedy);
    }

    public boolean isFixable() {
        return remedy.isFixable();
    }
}
