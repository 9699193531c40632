package dev.lockstep.analyzer.facts.dependencies;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * A package install in a notebook and where it is written: every {@code !pip install},
 * {@code %pip install}, {@code !python -m pip install}, {@code !uv pip install},
 * {@code %conda install} (also inside {@code %%bash} cells, {@code && } chains, and literal
 * {@code os.system}/{@code subprocess} commands), in document order. The extractor turns
 * {@link #command()}'s requirements into {@code requirements.txt} lines.
 *
 * @param cell     the cell that installs
 * @param position the escape, cell-body line or call that holds the command
 * @param line     the whole shell line as written (it may hold other commands too)
 * @param command  the install itself
 */
public record InstallSite(AnalyzedCell cell, Position position, String line, InstallCommand command) {

    /** Every install in the notebook, in document order; asked through {@code notebook.facts().installs()}. */
    public static List<InstallSite> of(AnalyzedNotebook notebook) {
        List<InstallSite> sites = new ArrayList<>();
        for (ShellLines.Line line : notebook.facts().shellLines()) {
            for (InstallCommand command : InstallCommand.parseAll(line.text())) {
                sites.add(new InstallSite(line.cell(), line.position(), line.text(), command));
            }
        }
        return List.copyOf(sites);
    }
}
