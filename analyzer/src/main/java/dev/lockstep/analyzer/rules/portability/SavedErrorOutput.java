package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.notebook.Output;
import dev.lockstep.analyzer.notebook.OutputKind;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/**
 * LS503: a code cell saved with an error output (nbformat 3 {@code pyerr} included). Cells
 * tagged {@code raises-exception} (the tag Jupyter Book, nbsphinx and nbval use for cells that
 * fail on purpose) are not reported. The finding points at the cell; the message names the error.
 */
@RuleInfo(id = "LS503", name = "saved-error-output", category = Category.PORTABILITY,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "A cell saved with an error output: the recorded run failed there")
public final class SavedErrorOutput implements Rule {

    /** The cell tag that marks an expected exception. */
    static final String EXPECTED_ERROR_TAG = "raises-exception";

    @Override
    public void check(RuleContext context) {
        for (AnalyzedCell cell : context.notebook().cells()) {
            if (!cell.cell().isCode() || cell.cell().tags().contains(EXPECTED_ERROR_TAG)) {
                continue;
            }
            for (Output output : cell.cell().outputs()) {
                if (output.kind() == OutputKind.ERROR) {
                    context.reportCell(cell, message(output));
                    break; // one finding per cell: a cell stops at its first error
                }
            }
        }
    }

    /** Names the error but never quotes its value: error messages can carry secrets and paths. */
    private static String message(Output error) {
        String ename = error.errorName() == null ? "" : error.errorName().replaceAll("[^\\w.]", "");
        String name = ename.isEmpty() ? "an error" : ename.length() > 60 ? ename.substring(0, 60) : ename;
        if (name.equals("KeyboardInterrupt")) {
            return "saved output shows the run was interrupted here (KeyboardInterrupt): the saved results come from a "
                    + "session that did not finish this cell; re-run the notebook top to bottom";
        }
        return "saved output shows the recorded run failed here (" + name + "): the saved results come from a session "
                + "that did not run this cell to the end; fix it and re-run the notebook top to bottom";
    }
}
