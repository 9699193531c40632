package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.facts.magics.MagicCatalogue;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.List;

/**
 * LS501: {@code !cmd}, {@code x = !cmd}, {@code %sx}/{@code %system} and IPython's shell aliases
 * ({@code %ls}, {@code %mkdir}...), and {@code %%bash}/{@code %%sh}/{@code %%script} cells.
 * Package installs ({@code !pip install}, {@code %pip}, a {@code %%bash} cell of installs only)
 * are LS401's: extract turns them into requirements. The commands are an inventory: one
 * summary finding per notebook names how many there are, and the report lists every one.
 */
@RuleInfo(id = "LS501", name = "shell-command", category = Category.PORTABILITY,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "!cmd / %%bash other than pip installs")
public final class ShellCommand implements Rule {

    private static final int SHOWN = 40;

    @Override
    public void check(RuleContext context) {
        SiteInventory.summarise(context, ShellCommand::sites, Finding::message,
                (n, named) -> (n == 1 ? "1 shell command" : n + " shell commands") + " (" + named + ") " + (n == 1 ? "depends" : "depend") + " on the "
                        + "tools and files of the machine the notebook runs on: do " + (n == 1 ? "it" : "them")
                        + " in Python (pathlib, shutil, subprocess) or document " + (n == 1 ? "it as a setup step" : "them as setup steps") + " (the report's inventory lists every one)");
    }

    /** Every shell command but package installs, reported to a collecting context with its text as the message. */
    private static void sites(RuleContext context) {
        for (AnalyzedCell cell : context.notebook().pythonCells()) {
            for (Magic magic : cell.magics()) {
                if (MagicCatalogue.treatment(magic) != MagicCatalogue.Treatment.SHELL || magic.isPipInstall()) {
                    continue;
                }
                if (magic.kind() == MagicKind.CELL_MAGIC) {
                    if (!onlyPackageInstalls(magic.body())) {
                        context.report(cell, magic, "%%" + shorten(magic.commandLine()) + " cell");
                    }
                    continue;
                }
                String escape = magic.kind() == MagicKind.SHELL ? "!" : "%";
                context.report(cell, magic, escape + shorten(magic.commandLine()));
            }
        }
    }

    /** Whether every command line of a shell cell installs packages (comments and blank lines aside). */
    private static boolean onlyPackageInstalls(String body) {
        boolean any = false;
        for (String line : body.split("\n")) {
            String command = line.strip();
            if (command.isEmpty() || command.startsWith("#")) {
                continue;
            }
            String[] words = command.split("\\s+", 2);
            Magic asEscape = new Magic(MagicKind.SHELL, words[0], words.length > 1 ? words[1] : "", 1, 1, 1, 1, null, "",
                    false, List.of());
            if (!asEscape.isPipInstall()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static String shorten(String command) {
        String oneLine = command.strip().replaceAll("\\s+", " ");
        return oneLine.length() > SHOWN ? oneLine.substring(0, SHOWN - 3) + "..." : oneLine;
    }
}
