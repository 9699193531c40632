package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.facts.dependencies.PythonPackages;
import dev.lockstep.analyzer.semantics.ImportBinding;
import dev.lockstep.extractor.ExtractException;
import dev.lockstep.extractor.code.SyntheticNotebook;
import dev.lockstep.extractor.plan.ExtractionPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local modules the kept code imports (the facts layer's local imports, and imports found on
 * disk), and where they are: asked by the dependency pass (which ships them and keeps them out of
 * requirements.txt) and by the module-inputs pass (which declares the files they read), so both
 * agree on which modules travel with the job.
 */
final class ShippedModules {

    private ShippedModules() {
    }

    /**
     * Each local top-level module, by name, with the module file or package folder found for it
     * beside the notebook or on a folder its code adds to {@code sys.path}; null when not found.
     */
    static Map<String, Path> of(ExtractionPlan plan) {
        List<Path> folders = searchFolders(plan);
        Map<String, Path> local = new TreeMap<>();
        for (String module : plan.source().facts().localModules().modules()) {
            if (!module.isEmpty()) {
                local.put(module, find(folders, module));
            }
        }
        SyntheticNotebook synthetic = SyntheticNotebook.of(plan.source(), plan.keptCells());
        for (var cell : synthetic.analyzed().pythonCells()) {
            for (ImportBinding binding : cell.semantics().imports()) {
                String top = binding.topLevelModule();
                if (!binding.qualifiedName().startsWith(".") && !PythonPackages.isStandardLibrary(binding.qualifiedName())) {
                    Path found = find(folders, top);
                    if (found != null) {
                        local.put(top, found); // a module or package the notebook finds on disk is shipped, never a PyPI requirement
                    }
                }
            }
        }
        return local;
    }

    /** The Python files a found module ships as, by path in the job ({@code pipeline/helpers.py}, {@code pipeline/pkg/core.py}). */
    static Map<String, Path> files(String module, Path found) {
        Map<String, Path> files = new TreeMap<>();
        if (found.toString().endsWith(".py")) {
            files.put("pipeline/" + module + ".py", found);
            return files;
        }
        try (var walk = Files.walk(found)) {
            for (Path source : walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".py")).sorted().toList()) {
                files.put("pipeline/" + module + "/" + found.relativize(source).toString().replace('\\', '/'), source);
            }
        } catch (IOException e) {
            throw new ExtractException("cannot read local package " + found + ": " + e.getMessage(), e);
        }
        return files;
    }

    /**
     * Where the notebook's imports are found: its own folder, then the folders its code adds to
     * {@code sys.path} ({@code sys.path.append("../..")}, resolved from the notebook's folder).
     */
    private static List<Path> searchFolders(ExtractionPlan plan) {
        Path directory = plan.options().notebookDirectory();
        List<Path> folders = new ArrayList<>();
        if (directory == null) {
            return folders;
        }
        folders.add(directory);
        var notebook = plan.source();
        for (var call : notebook.calls()) {
            if (!call.is("sys.path.append", "sys.path.insert") || call.positional().isEmpty()) {
                continue;
            }
            String value = notebook.facts().values().of(call.cell(), call.positional().get(call.positional().size() - 1)).string();
            if (value == null || value.startsWith("~")) {
                continue;
            }
            try {
                Path folder = directory.resolve(value).normalize();
                if (Files.isDirectory(folder) && !folders.contains(folder)) {
                    folders.add(folder);
                }
            } catch (java.nio.file.InvalidPathException e) {
                // not a path on this system
            }
        }
        return folders;
    }

    /** A module file {@code name.py}, or a package folder {@code name/} holding Python files (with or without __init__.py). */
    private static Path find(List<Path> folders, String module) {
        if (module.isEmpty() || !module.matches("[A-Za-z_]\\w*")) {
            return null;
        }
        for (Path folder : folders) {
            Path file = folder.resolve(module + ".py");
            if (Files.isRegularFile(file)) {
                return file;
            }
            Path pkg = folder.resolve(module);
            if (Files.isDirectory(pkg)) {
                try (var list = Files.list(pkg)) {
                    if (list.anyMatch(p -> p.toString().endsWith(".py") || Files.isRegularFile(p.resolve("__init__.py")))) {
                        return pkg;
                    }
                } catch (IOException e) {
                    // unreadable: not a package we can ship
                }
            }
        }
        return null;
    }
}
