package dev.lockstep.analyzer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue is honest: unique ids and names, complete docs, kebab-case names. */
class RuleCatalogueTest {

    @Test
    void idsAndNamesAreUnique() {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Rule rule : BuiltInRules.all()) {
            assertThat(ids.add(rule.metadata().id())).as("repeated id %s", rule.metadata().id()).isTrue();
            assertThat(names.add(rule.metadata().name())).as("repeated name %s", rule.metadata().name()).isTrue();
        }
    }

    @Test
    void everyRuleHasEveryDocumentationSection() {
        for (Rule rule : BuiltInRules.all()) {
            String id = rule.metadata().id();
            String body = RuleDocs.body(id).orElse(null);
            assertThat(body).as("documentation resource /dev/lockstep/rules/%s.md", id).isNotNull();
            List<String> missing = RuleDocs.missingSections(body);
            assertThat(missing).as("sections missing from %s.md", id).isEmpty();
        }
    }

    @Test
    void namesAreKebabCaseAndIdsMatchTheirCategory() {
        for (Rule rule : BuiltInRules.all()) {
            RuleMetadata m = rule.metadata();
            assertThat(m.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(m.id()).startsWith(m.category().prefix());
            assertThat(m.summary()).doesNotContain("\n");
        }
    }

    @Test
    void everyRuleClassIsRegistered() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        java.nio.file.Path rulesDir = classes.resolve("dev/lockstep/analyzer/rules");
        Set<String> registered = new HashSet<>();
        for (Rule rule : BuiltInRules.all()) {
            registered.add(rule.getClass().getName());
        }
        List<String> unregistered = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(rulesDir)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                Class<?> type = Class.forName(name);
                if (Rule.class.isAssignableFrom(type) && type.isAnnotationPresent(RuleInfo.class) && !registered.contains(name)) {
                    unregistered.add(name);
                }
            }
        }
        assertThat(unregistered).as("rule classes missing from the family lists").isEmpty();
    }

    @Test
    void rulesAreRegisteredInIdOrder() {
        List<String> ids = BuiltInRules.all().stream().map(r -> r.metadata().id()).toList();
        assertThat(ids).isSorted();
    }
}
