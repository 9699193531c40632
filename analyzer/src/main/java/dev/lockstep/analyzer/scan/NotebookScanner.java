package dev.lockstep.analyzer.scan;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.analyzer.notebook.NotebookFormatException;
import dev.lockstep.analyzer.notebook.NotebookReader;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.NotebookChecker;
import java.nio.file.Path;
import java.util.List;

/** Scans one notebook file: read, analyse, check. Never throws for bad input. Thread-safe. */
public final class NotebookScanner {
    private final NotebookReader reader = new NotebookReader();
    private final NotebookAnalyzer analyzer = new NotebookAnalyzer();
    private final FindingFilter filter;
    private final NotebookChecker checker;

    private final dev.lockstep.analyzer.facts.io.IoCatalogue catalogue;

    public NotebookScanner(NotebookChecker checker, FindingFilter filter) {
        this(checker, filter, dev.lockstep.analyzer.facts.io.IoCatalogue.standard());
    }

    public NotebookScanner(NotebookChecker checker, FindingFilter filter, dev.lockstep.analyzer.facts.io.IoCatalogue catalogue) {
        this.checker = checker;
        this.filter = filter;
        this.catalogue = catalogue;
    }

    public FileReport scan(Path file, String displayPath) {
        Notebook notebook;
        try {
            notebook = reader.read(file, displayPath);
        } catch (NotebookFormatException e) {
            return FileReport.failed(displayPath, e.getMessage());
        }
        try {
            AnalyzedNotebook analyzed = analyzer.analyze(notebook);
            analyzed.useCatalogue(catalogue);
            NotebookChecker.Checked checked = checker.checkAll(analyzed);
            List<Finding> findings = filter.apply(analyzed, checked.findings());
            return new FileReport(displayPath, notebook.sha256(), findings, null, checked.inventory());
        } catch (NotebookChecker.RuleFailure e) {
            return FileReport.failed(displayPath, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return FileReport.failed(displayPath, "internal error while analysing: " + e);
        }
    }
}
