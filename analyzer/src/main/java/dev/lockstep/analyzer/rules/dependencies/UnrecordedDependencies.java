package dev.lockstep.analyzer.rules.dependencies;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.facts.dependencies.PythonPackages;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * LS408: a notebook that imports third-party packages while no version of any is recorded
 * anywhere: no install line (LS401 judges those, pinned or not), no requirements, environment
 * or lock file beside the notebook or in a folder above it (up to the repository root), and no
 * saved {@code pip freeze} / {@code %watermark} / {@code session_info} output. This is the common
 * case for notebooks that install nothing: before this rule, they got no pinning finding at all.
 */
@RuleInfo(id = "LS408", name = "unrecorded-dependencies", category = Category.DEPENDENCIES,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "Third-party imports with no dependency versions recorded anywhere (no pins, no requirements or environment file, no pip freeze output)")
public final class UnrecordedDependencies implements Rule {

    /** Files that record an environment, by exact name. */
    private static final Set<String> ENVIRONMENT_FILES = Set.of("requirements.txt", "environment.yml",
            "environment.yaml", "pyproject.toml", "Pipfile", "Pipfile.lock", "poetry.lock", "uv.lock", "setup.py",
            "setup.cfg", "conda-lock.yml", "pixi.toml", "pixi.lock", "constraints.txt");
    /** How many folders above the notebook are looked at when no repository root is met. */
    private static final int MAX_PARENTS = 6;
    /** How many imports the message names. */
    private static final int SHOWN = 4;

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        Set<String> thirdParty = new TreeSet<>();
        for (String module : notebook.imports().importedModules()) {
            String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
            if (PythonPackages.classify(top) == PythonPackages.Kind.THIRD_PARTY) {
                thirdParty.add(top);
            }
        }
        Path file = notebook.notebook().file(); // null when not read from a file: nothing to look beside
        if (thirdParty.isEmpty() || recordedInNotebook(notebook) || file == null || recordedBeside(file)) {
            return;
        }
        List<String> names = new ArrayList<>(thirdParty);
        String shown = String.join(", ", names.subList(0, Math.min(SHOWN, names.size())))
                + (names.size() > SHOWN ? " and " + (names.size() - SHOWN) + " more" : "");
        context.reportNotebook("imports " + shown + " but records no version of any of them (no == pin, no "
                + "requirements, environment or lock file beside the notebook, no pip freeze output): the notebook "
                + "runs against whatever is installed; add a requirements.txt with the versions it was run with");
    }

    private static boolean recordedInNotebook(AnalyzedNotebook notebook) {
        for (AnalyzedCell cell : notebook.cells()) {
            if (!cell.cell().isCode()) {
                continue;
            }
            String source = cell.cell().source();
            if (source.contains("%watermark") || source.contains("session_info") || source.contains("pip freeze")
                    || source.contains("pip list") || source.contains("conda env export")) {
                return true;
            }
            for (Magic magic : cell.magics()) {
                if (magic.isPipInstall() || magic.name().equals("conda") || magic.name().equals("mamba")
                        || magic.arguments().contains("pip install")) {
                    return true; // an install line: pinned, or LS401's to report
                }
            }
        }
        return false;
    }

    /** An environment file in the notebook's folder or a folder above it, up to a repository root. */
    private static boolean recordedBeside(Path notebookFile) {
        Path file = notebookFile.toAbsolutePath().normalize();
        String stem = file.getFileName() == null ? "" : file.getFileName().toString().replaceFirst("\\.ipynb$", "");
        Path folder = file.getParent();
        for (int i = 0; folder != null && i <= MAX_PARENTS; i++, folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(stem + ".requirements.txt"))) {
                return true;
            }
            for (String name : ENVIRONMENT_FILES) {
                if (Files.isRegularFile(folder.resolve(name))) {
                    return true;
                }
            }
            try (var entries = Files.list(folder)) {
                if (entries.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT))
                        .anyMatch(n -> n.startsWith("requirements") && n.endsWith(".txt"))) {
                    return true;
                }
            } catch (java.io.IOException | RuntimeException e) {
                return false;
            }
            if (Files.exists(folder.resolve(".git"))) {
                break; // the repository root: files above it belong to something else
            }
        }
        return false;
    }
}
