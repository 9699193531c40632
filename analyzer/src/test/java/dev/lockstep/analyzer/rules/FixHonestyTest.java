package dev.lockstep.analyzer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.analyzer.notebook.NotebookReader;
import dev.lockstep.analyzer.python.PythonParser;
import dev.lockstep.analyzer.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fixes are honest: on every positive fixture, applying a rule's fixes gives code that parses,
 * and the rule no longer reports the fixed places (fixes converge). Only rules whose remedy
 * is FIXED may offer fixes.
 */
class FixHonestyTest {

    @TestFactory
    Stream<DynamicTest> appliedFixesParseAndConverge() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(RepoPaths.testNotebooks().resolve("rules"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String id = dir.getFileName().toString();
                Rule rule = BuiltInRules.all().stream().filter(r -> r.metadata().id().equals(id)).findFirst().orElse(null);
                if (rule == null) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path notebook : files.filter(f -> f.getFileName().toString().startsWith("positive")
                            && f.toString().endsWith(".ipynb")).sorted().toList()) {
                        tests.add(DynamicTest.dynamicTest(id + " " + notebook.getFileName(), () -> check(rule, notebook)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void check(Rule rule, Path path) throws Exception {
        Notebook notebook = new NotebookReader().read(path, path.toString());
        AnalyzedNotebook analyzed = new NotebookAnalyzer().analyze(notebook);
        RuleContext context = new RuleContext(analyzed, rule.metadata());
        rule.check(context);
        Map<Integer, List<Fix.Edit>> edits = new HashMap<>();
        int fixed = 0;
        for (Finding finding : context.findings()) {
            if (finding.fix() == null) {
                continue;
            }
            assertThat(rule.metadata().remedy()).as("%s offers a fix, so its remedy must be FIXED", rule.metadata().id())
                    .isEqualTo(Remedy.FIXED);
            edits.computeIfAbsent(finding.location().cell() - 1, k -> new ArrayList<>()).addAll(finding.fix().edits());
            fixed++;
        }
        if (fixed == 0) {
            return;
        }
        List<Cell> cells = new ArrayList<>();
        for (Cell cell : notebook.cells()) {
            List<Fix.Edit> cellEdits = edits.get(cell.index());
            if (cellEdits == null) {
                cells.add(cell);
                continue;
            }
            String code = analyzed.cell(cell.index()).translated().python();
            String patched = apply(code, cellEdits);
            assertThat(new PythonParser().parse(patched).problems()).as("fixed cell %d parses:\n%s", cell.number(), patched)
                    .isEmpty();
            cells.add(new Cell(cell.index(), cell.id(), cell.type(), patched, cell.executionCount(), cell.tags(), cell.outputs()));
        }
        Notebook patched = new Notebook(notebook.path(), notebook.nbformat(), notebook.nbformatMinor(), notebook.metadata(),
                cells, notebook.sha256());
        RuleContext again = new RuleContext(new NotebookAnalyzer().analyze(patched), rule.metadata());
        rule.check(again);
        long stillFixable = again.findings().stream().filter(f -> f.fix() != null).count();
        assertThat(stillFixable).as("%s findings with fixes after applying them", rule.metadata().id()).isZero();
        assertThat(again.findings().size()).as("%s findings after fixing %d", rule.metadata().id(), fixed)
                .isLessThanOrEqualTo(context.findings().size() - fixed);
    }

    private static String apply(String code, List<Fix.Edit> edits) {
        List<Fix.Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Fix.Edit::start).reversed());
        StringBuilder b = new StringBuilder(code);
        for (Fix.Edit e : sorted) {
            b.replace(e.start(), e.end(), e.replacement());
        }
        return b.toString();
    }
}
