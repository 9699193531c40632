package dev.lockstep.analyzer.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, in one place on the rule class. The long documentation lives in the
 * resource {@code /dev/lockstep/rules/<id>.md}; generated docs combine the two.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Stable id, e.g. {@code LS201}. */
    String id();

    /** Kebab-case name, e.g. {@code absolute-path}. */
    String name();

    Category category();

    Severity severity();

    /** One line: what it detects. */
    String summary();

    /** What extract does about it. */
    Remedy remedy();
}
