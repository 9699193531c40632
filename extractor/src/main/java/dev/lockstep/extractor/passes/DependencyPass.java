package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.facts.dependencies.InstallCommand;
import dev.lockstep.analyzer.facts.dependencies.InstallSite;
import dev.lockstep.analyzer.facts.dependencies.PythonPackages;
import dev.lockstep.analyzer.semantics.ImportBinding;
import dev.lockstep.extractor.ExtractException;
import dev.lockstep.extractor.code.SyntheticNotebook;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pass 10: {@code pipeline/requirements.txt} from what the kept code imports (import name to
 * distribution name: {@code sklearn} to {@code scikit-learn}, {@code cv2} to
 * {@code opencv-python}) and from the notebook's install lines, with the versions the notebook
 * pins, or failing that, the project's requirements file ({@code --requirements FILE}, else
 * {@code <notebook>.requirements.txt} or {@code requirements.txt} beside the notebook). Local
 * modules (LS406) and hosted-only ones (LS207) are not distributions. An unpinned requirement is
 * a blocker: which version produced the saved results is unknown.
 */
public final class DependencyPass implements Pass {

    @Override
    public String name() {
        return "dependencies";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        ExtractionPlan.Builder next = plan.toBuilder();
        Map<String, dev.lockstep.analyzer.facts.dependencies.Requirement> installed = new LinkedHashMap<>();
        Map<String, Integer> installedAt = new LinkedHashMap<>();
        for (InstallSite site : plan.source().facts().installs()) {
            for (var requirement : site.command().requirements()) {
                remember(installed, installedAt, requirement, site.cell().number());
            }
        }
        Path file = requirementsFile(plan);
        Map<String, dev.lockstep.analyzer.facts.dependencies.Requirement> pinnedByFile = file == null ? Map.of() : read(file);
        if (file != null) {
            next.change(new Change(name(), 0, 0, "read version pins from " + file));
        }
        SyntheticNotebook synthetic = SyntheticNotebook.of(plan.source(), plan.keptCells());
        Map<String, Path> local = ShippedModules.of(plan);
        shipLocalModules(next, local);
        Map<String, Requirement> requirements = new TreeMap<>();
        Map<String, Integer> firstCell = new TreeMap<>();
        for (var cell : synthetic.analyzed().pythonCells()) {
            for (ImportBinding binding : cell.semantics().imports()) {
                String module = binding.qualifiedName();
                String top = binding.topLevelModule();
                if (module.startsWith(".") || local.containsKey(top) || PythonPackages.isStandardLibrary(module)
                        || PythonPackages.isPlatformModule(module)) {
                    continue;
                }
                String distribution = PythonPackages.distributionFor(module).orElse(top);
                String key = PythonPackages.normalize(distribution);
                if (requirements.containsKey(key)) {
                    continue;
                }
                var install = installed.get(key);
                var pin = pinnedByFile.get(key);
                String version = install != null && install.isPinned() ? install.pinnedVersion().orElse(null)
                        : pin == null ? null : pin.pinnedVersion().orElse(null);
                requirements.put(key, new Requirement(install != null && install.name() != null ? install.name() : distribution,
                        version, top));
                firstCell.put(key, synthetic.planned(cell).number());
            }
        }
        for (Map.Entry<String, dev.lockstep.analyzer.facts.dependencies.Requirement> entry : installed.entrySet()) {
            if (!requirements.containsKey(entry.getKey())) {
                var install = entry.getValue();
                var pin = pinnedByFile.get(entry.getKey());
                String version = install.isPinned() ? install.pinnedVersion().orElse(null)
                        : pin == null ? null : pin.pinnedVersion().orElse(null);
                requirements.put(entry.getKey(), new Requirement(install.name(), version, null));
                firstCell.put(entry.getKey(), installedAt.get(entry.getKey()));
            }
        }
        next.requirements(new ArrayList<>(requirements.values()));
        for (Map.Entry<String, Requirement> entry : requirements.entrySet()) {
            Requirement requirement = entry.getValue();
            if (!requirement.pinned()) {
                Integer cell = firstCell.get(entry.getKey());
                next.blocker(new Blocker("LS401", cell == null ? 0 : cell, 0,
                        "requirement '" + requirement.distribution() + "' has no pinned version",
                        "pin the version the results were made with: " + requirement.distribution()
                                + "==X.Y.Z in the notebook's install line or in a requirements file (--requirements FILE)"));
            }
        }
        return next.build();
    }

    /**
     * Local modules the notebook imports go into the job beside main.py when they are beside the
     * notebook (a module file, or a package folder); otherwise the job cannot import them: a blocker.
     */
    private void shipLocalModules(ExtractionPlan.Builder next, Map<String, Path> local) {
        for (Map.Entry<String, Path> entry : local.entrySet()) {
            String module = entry.getKey();
            Path found = entry.getValue();
            if (found != null) {
                ShippedModules.files(module, found).forEach(next::ship);
                next.change(new Change(name(), 0, 0, found.toString().endsWith(".py")
                        ? "shipped local module " + module + ".py with the job" : "shipped local package " + module + "/ with the job"));
            } else {
                next.blocker(new Blocker("LS406", 0, 0, "the notebook imports the local module '" + module
                        + "', which is not beside the notebook", "put " + module + ".py (or the " + module
                        + "/ package) next to the notebook and extract again, or replace the import"));
            }
        }
    }

    private static void remember(Map<String, dev.lockstep.analyzer.facts.dependencies.Requirement> installed,
            Map<String, Integer> installedAt, dev.lockstep.analyzer.facts.dependencies.Requirement requirement, int cell) {
        if (requirement.name() == null) {
            return;
        }
        String key = PythonPackages.normalize(requirement.name());
        var previous = installed.get(key);
        if (previous == null || (!previous.isPinned() && requirement.isPinned())) {
            installed.put(key, requirement);
            installedAt.put(key, cell);
        }
    }

    /** The requirements file to read pins from: the one asked for, else one beside the notebook. */
    private static Path requirementsFile(ExtractionPlan plan) {
        Path asked = plan.options().requirementsFile();
        if (asked != null) {
            if (!Files.isRegularFile(asked)) {
                throw new ExtractException("--requirements " + asked + ": no such file");
            }
            return asked;
        }
        Path directory = plan.options().notebookDirectory();
        if (directory == null) {
            return null;
        }
        String stem = plan.notebookName().replaceAll("\\.ipynb$", "");
        for (Path candidate : List.of(directory.resolve(stem + ".requirements.txt"), directory.resolve("requirements.txt"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Reads a pip requirements file (one requirement per line, comments and options ignored). */
    private static Map<String, dev.lockstep.analyzer.facts.dependencies.Requirement> read(Path file) {
        Map<String, dev.lockstep.analyzer.facts.dependencies.Requirement> pins = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String text = line.replaceAll("\\s+#.*$", "").strip();
                if (text.isEmpty() || text.startsWith("#") || text.startsWith("-")) {
                    continue;
                }
                for (InstallCommand command : InstallCommand.parseAll("pip install " + text)) {
                    for (var requirement : command.requirements()) {
                        if (requirement.name() != null) {
                            pins.put(PythonPackages.normalize(requirement.name()), requirement);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new ExtractException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return pins;
    }

    /** The top-level modules the job imports that an interpreter must provide (for lockstep.yaml's python.imports). */
    public static List<String> interpreterImports(ExtractionPlan plan) {
        List<String> modules = new ArrayList<>();
        for (Requirement requirement : plan.requirements()) {
            if (requirement.importName() != null) {
                modules.add(requirement.importName());
            }
        }
        return modules.stream().sorted().distinct().toList();
    }
}
