package dev.lockstep.analyzer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.notebook.NotebookReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings never carry a credential: code frames and messages are redacted whichever rule reports. */
class RuleContextRedactionTest {

    @RuleInfo(id = "LSX900", name = "test-rule", category = Category.CUSTOM, severity = Severity.INFO,
            remedy = Remedy.REPORTED, summary = "test")
    static final class AnyRule implements Rule {
        @Override
        public void check(RuleContext context) {
        }
    }

    @Test
    void codeFramesAndMessagesAreRedacted(@TempDir Path dir) throws Exception {
        String token = "hf_FakeTokenForLockstepRuleFixturesQz";
        Path file = dir.resolve("n.ipynb");
        Files.writeString(file, """
                {"cells": [{"cell_type": "code", "execution_count": 1, "id": "a", "metadata": {}, "outputs": [],
                  "source": ["login(token=\\"%s\\")"]}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """.formatted(token), StandardCharsets.UTF_8);
        AnalyzedNotebook notebook = new NotebookAnalyzer().analyze(new NotebookReader().read(file, "n.ipynb"));
        RuleContext context = new RuleContext(notebook, new AnyRule().metadata());
        AnalyzedCell cell = notebook.cell(0);
        context.reportCell(cell, "saw " + token);
        Finding finding = context.findings().get(0);
        assertThat(finding.sourceLine()).isEqualTo("login(token=\"hf_Fa…\")").doesNotContain(token);
        assertThat(finding.message()).isEqualTo("saw hf_Fa…");
    }

    @Test
    void aFindingWithAFixIsRedactedToo(@TempDir Path dir) throws Exception {
        String token = "hf_FakeTokenForLockstepRuleFixturesQz";
        Path file = dir.resolve("n.ipynb");
        Files.writeString(file, """
                {"cells": [{"cell_type": "code", "execution_count": 1, "id": "a", "metadata": {}, "outputs": [],
                  "source": ["login(token=\\"%s\\")"]}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """.formatted(token), StandardCharsets.UTF_8);
        AnalyzedNotebook notebook = new NotebookAnalyzer().analyze(new NotebookReader().read(file, "n.ipynb"));
        RuleContext context = new RuleContext(notebook, new AnyRule().metadata());
        AnalyzedCell cell = notebook.cell(0);
        context.report(cell, cell.root(), "saw " + token, new Fix("read it from the environment", java.util.List.of()));
        Finding finding = context.findings().get(0);
        assertThat(finding.sourceLine()).isEqualTo("login(token=\"hf_Fa…\")").doesNotContain(token);
        assertThat(finding.message()).isEqualTo("saw hf_Fa…");
        assertThat(finding.fix()).isNotNull();
    }
}
