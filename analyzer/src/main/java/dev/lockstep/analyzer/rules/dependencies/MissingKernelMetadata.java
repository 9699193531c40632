package dev.lockstep.analyzer.rules.dependencies;

import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.analyzer.notebook.NotebookMetadata;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/**
 * LS405: a notebook that does not record which kernel ran it ({@code metadata.kernelspec}) or
 * which language version ({@code metadata.language_info.version}). Notebooks without code cells
 * need no kernel and are left alone.
 */
@RuleInfo(id = "LS405", name = "missing-kernel-metadata", category = Category.DEPENDENCIES,
        severity = Severity.INFO, remedy = Remedy.REPORTED,
        summary = "No kernelspec / language_info.version recorded")
public final class MissingKernelMetadata implements Rule {

    @Override
    public void check(RuleContext context) {
        Notebook notebook = context.notebook().notebook();
        if (notebook.codeCells().isEmpty()) {
            return;
        }
        NotebookMetadata metadata = notebook.metadata();
        boolean kernelspec = !blank(metadata.kernelName()) || !blank(metadata.kernelLanguage());
        boolean version = !blank(metadata.languageVersion());
        if (!kernelspec && !version) {
            context.reportNotebook("the notebook records neither a kernelspec nor language_info.version: which "
                    + "interpreter and version ran it is unknown; save it from Jupyter with its kernel selected");
        } else if (!version) {
            context.reportNotebook("language_info records no version: the Python version the notebook ran on is "
                    + "unknown; run and save it in Jupyter (which records language_info.version) or add the version");
        } else if (!kernelspec) {
            context.reportNotebook("the notebook records no kernelspec: which kernel ran it is unknown; save it from "
                    + "Jupyter with its kernel selected");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
