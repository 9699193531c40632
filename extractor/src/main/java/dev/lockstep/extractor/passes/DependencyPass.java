package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.rules.dependencies.InstallSite;
import dev.lockstep.analyzer.rules.dependencies.PythonPackages;
import dev.lockstep.extractor.code.SyntheticNotebook;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pass 8: {@code pipeline/requirements.txt} from what the kept code imports (import name to
 * distribution name: {@code sklearn} to {@code scikit-learn}, {@code cv2} to
 * {@code opencv-python}) and from the notebook's install lines, with the versions the notebook
 * pins. An unpinned requirement is a blocker: which version produced the saved results is
 * unknown.
 */
public final class DependencyPass implements Pass {

    @Override
    public String name() {
        return "dependencies";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        // What the notebook installs, with pins, from every cell: install cells are usually left out.
        Map<String, dev.lockstep.analyzer.rules.dependencies.Requirement> installed = new LinkedHashMap<>();
        Map<String, Integer> installedAt = new LinkedHashMap<>();
        for (InstallSite site : InstallSite.of(plan.source())) {
            for (var requirement : site.command().requirements()) {
                if (requirement.name() == null) {
                    continue;
                }
                String key = PythonPackages.normalize(requirement.name());
                var previous = installed.get(key);
                if (previous == null || (!previous.isPinned() && requirement.isPinned())) {
                    installed.put(key, requirement);
                    installedAt.put(key, site.cell().number());
                }
            }
        }
        SyntheticNotebook synthetic = SyntheticNotebook.of(plan.source().notebook(), plan.keptCells());
        Map<String, Requirement> requirements = new TreeMap<>();
        Map<String, Integer> firstCell = new TreeMap<>();
        for (String module : synthetic.analyzed().imports().importedModules()) {
            if (module.isEmpty() || module.startsWith(".")) {
                continue;
            }
            var distribution = PythonPackages.distributionFor(module);
            if (PythonPackages.isStandardLibrary(module) || PythonPackages.isPlatformModule(module)) {
                continue;
            }
            String name = distribution.orElse(module);
            String key = PythonPackages.normalize(name);
            var install = installed.get(key);
            String version = install == null ? null : install.pinnedVersion().orElse(null);
            requirements.put(key, new Requirement(install != null && install.name() != null ? install.name() : name,
                    version, module));
            firstCell.put(key, firstImportCell(synthetic, module));
        }
        for (Map.Entry<String, dev.lockstep.analyzer.rules.dependencies.Requirement> entry : installed.entrySet()) {
            if (!requirements.containsKey(entry.getKey())) {
                var install = entry.getValue();
                requirements.put(entry.getKey(), new Requirement(install.name(), install.pinnedVersion().orElse(null), null));
                firstCell.put(entry.getKey(), installedAt.get(entry.getKey()));
            }
        }
        ExtractionPlan.Builder next = plan.toBuilder().requirements(new ArrayList<>(requirements.values()));
        for (Map.Entry<String, Requirement> entry : requirements.entrySet()) {
            Requirement requirement = entry.getValue();
            if (!requirement.pinned()) {
                Integer cell = firstCell.get(entry.getKey());
                next.blocker(new Blocker("LS401", cell == null ? 0 : cell, 0,
                        "requirement '" + requirement.distribution() + "' has no pinned version",
                        "pin the version the results were made with (e.g. !pip install " + requirement.distribution()
                                + "==X.Y.Z in the notebook) and extract again"));
            }
        }
        return next.build();
    }

    private static int firstImportCell(SyntheticNotebook synthetic, String module) {
        for (var cell : synthetic.analyzed().pythonCells()) {
            for (var binding : cell.semantics().imports()) {
                if (binding.topLevelModule().equals(module)) {
                    return synthetic.planned(cell).number();
                }
            }
        }
        return 0;
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
