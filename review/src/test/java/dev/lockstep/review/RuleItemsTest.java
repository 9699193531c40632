package dev.lockstep.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.rules.BuiltInRules;
import dev.lockstep.analyzer.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleItemsTest {

    @Test
    void everyRegisteredRuleHasARow() {
        Set<String> missing = new TreeSet<>();
        for (Rule rule : BuiltInRules.all()) {
            if (RuleItems.standard().row(rule.metadata().id()).isEmpty()) {
                missing.add(rule.metadata().id());
            }
        }
        assertThat(missing).as("rules missing from rule-items.tsv").isEmpty();
    }

    @Test
    void everyBlockerIdExtractUsesHasARow() throws IOException {
        Set<String> ids = new TreeSet<>();
        Pattern id = Pattern.compile("\"(EX\\d{3})\"");
        try (Stream<Path> files = Files.walk(TestNotebooks.repoRoot().resolve("extractor/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = id.matcher(Files.readString(file));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        assertThat(ids).isNotEmpty();
        assertThat(ids).allSatisfy(x -> assertThat(RuleItems.standard().row(x)).as(x).isPresent());
    }

    @Test
    void everyRowNamesAKnownRuleOrBlocker() {
        Set<String> known = new TreeSet<>();
        BuiltInRules.all().forEach(r -> known.add(r.metadata().id()));
        assertThat(RuleItems.standard().rows().keySet())
                .allSatisfy(x -> assertThat(known.contains(x) || x.matches("EX\\d{3}")).as(x).isTrue());
    }

    @Test
    void itemsReadAsTheContractNumbersThem() {
        assertThat(RuleItems.standard().row("LS402").orElseThrow().item()).isEqualTo(ContractItem.REVISIONS);
        assertThat(RuleItems.standard().row("LS601").orElseThrow().item()).isEqualTo(ContractItem.UNATTENDED);
        assertThat(RuleItems.standard().row("LS509").orElseThrow().job()).isEqualTo(RuleItems.Role.NOTES);
        assertThat(RuleItems.standard().row("EX001").orElseThrow().item()).isEqualTo(ContractItem.REPRODUCED);
    }
}
