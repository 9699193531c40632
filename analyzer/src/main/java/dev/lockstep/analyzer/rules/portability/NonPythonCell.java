package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.facts.magics.MagicCatalogue;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.notebook.NotebookMetadata;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/**
 * LS506: code that is not Python: cells run through a language magic ({@code %%R},
 * {@code %%sql}, {@code %%javascript}, {@code %%html}, {@code %%perl}, {@code %%script ruby}...)
 * or an extension's cell magic extract cannot run, line magics of language bridges
 * ({@code %R}, {@code %sql}), and notebooks whose kernel runs another language (one finding for
 * the notebook). Display-only cells ({@code %%markdown}, {@code %%latex}, {@code %%svg}) are
 * dropped by extract and not reported.
 */
@RuleInfo(id = "LS506", name = "non-python-cell", category = Category.PORTABILITY,
        severity = Severity.ERROR, remedy = Remedy.BLOCKER,
        summary = "%%R, %%javascript, %%sql..., or a non-Python kernel")
public final class NonPythonCell implements Rule {

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        if (!notebook.isPythonKernel()) {
            context.reportNotebook(kernelDescription(notebook.notebook().metadata()) + ", not Python: Lockstep analyses "
                    + "and extracts Python notebooks only, so its code was not checked");
            return;
        }
        for (AnalyzedCell cell : notebook.pythonCells()) {
            for (Magic magic : cell.magics()) {
                if (MagicCatalogue.treatment(magic) != MagicCatalogue.Treatment.NON_PYTHON) {
                    continue;
                }
                String language = MagicCatalogue.language(magic);
                if (magic.kind() == MagicKind.CELL_MAGIC) {
                    String header = magic.name().equals("script") ? "script " + language : magic.name();
                    context.report(cell, magic, "%%" + header + " runs this cell in " + language + ", not Python: "
                            + "a Python job cannot run it; port it to Python, or run it as a separate step and declare "
                            + "its result as an input");
                } else {
                    context.report(cell, magic, "%" + magic.name() + " runs " + language + " code, not Python: a Python "
                            + "job cannot run it; port it to Python, or run it as a separate step and declare its "
                            + "result as an input");
                }
            }
        }
    }

    private static String kernelDescription(NotebookMetadata metadata) {
        String language = metadata.language();
        String kernel = metadata.kernelName();
        boolean named = kernel != null && !kernel.isBlank();
        if (language != null && !language.isBlank()) {
            return "the kernel runs " + language + (named ? " (kernel '" + kernel + "')" : "");
        }
        return "the kernel '" + kernel + "' runs another language";
    }
}
