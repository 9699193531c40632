package dev.lockstep.analyzer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated: the checked-in file must be exactly what the generator writes. */
class RulesDocumentTest {

    @Test
    void theCheckedInRulesDocumentIsUpToDate() throws IOException {
        Path document = RepoPaths.root().resolve(RulesDocument.PATH);
        String generated = RulesDocument.render();
        if (RepoPaths.updateGoldens()) {
            Files.writeString(document, generated, StandardCharsets.UTF_8);
        }
        assertThat(document).as("%s (generate it with: %s)", RulesDocument.PATH, RulesDocument.REGENERATE).exists();
        assertThat(Files.readString(document, StandardCharsets.UTF_8))
                .as("%s is out of date with the rules' metadata and docs; regenerate it with%n  %s%nand commit the result",
                        RulesDocument.PATH, RulesDocument.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void theDocumentIndexesThenDocumentsEveryRuleInIdOrder() {
        String doc = RulesDocument.render();
        int previous = -1;
        for (Rule rule : BuiltInRules.all()) {
            RuleMetadata m = rule.metadata();
            assertThat(doc).contains("| [" + m.id() + "](#" + m.id().toLowerCase(java.util.Locale.ROOT) + ") | " + m.name() + " |");
            int page = doc.indexOf("\n## " + m.id() + " " + m.name() + "\n");
            assertThat(page).as("page of %s", m.id()).isGreaterThan(previous);
            previous = page;
        }
        assertThat(doc).contains("\n### What it does\n").doesNotContain("\n# LS");
    }

    @Test
    void headingsInsideCodeFencesStayAsTheyAre() {
        assertThat(RulesDocument.demoteHeadings("# T\n## S\n```python\n# a comment\n```\ntext"))
                .isEqualTo("## T\n### S\n```python\n# a comment\n```\ntext");
    }
}
