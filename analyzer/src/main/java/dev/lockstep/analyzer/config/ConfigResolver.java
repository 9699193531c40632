package dev.lockstep.analyzer.config;

import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleMetadata;
import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.analyzer.rules.Suggestions;
import dev.lockstep.analyzer.scan.ScanSettings;
import dev.lockstep.analyzer.scan.ScanSettingsSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the configuration each notebook is scanned with, and the scan settings it gives.
 *
 * <p>With a file given ({@code --config FILE}) that file applies to every notebook. Otherwise
 * the nearest {@code lockstep.toml} applies: in the notebook's folder, else its parent, and so
 * on up to the first folder that holds a {@code .git} entry (the repository root, searched
 * itself but never passed) or the file-system root. A file outside the repository (in a home
 * folder, say) therefore never changes a repository's scan. No file: built-in defaults.
 *
 * <p>Each folder is looked up once and each file read once (cached), so a scan of many
 * notebooks reads each configuration a single time. Thread-safe; answers never change.
 */
public final class ConfigResolver implements ScanSettingsSource {
    private static final Optional<Path> NO_FILE = Optional.empty();

    private final Path fixedFile;
    private final RuleSelection options;
    private final ConfigReader reader = new ConfigReader();
    private final Map<Path, Optional<Path>> fileByFolder = new HashMap<>();
    private final Map<Optional<Path>, LockstepConfig> configByFile = new LinkedHashMap<>();
    private final Map<Optional<Path>, ScanSettings> settingsByFile = new LinkedHashMap<>();

    private ConfigResolver(Path fixedFile, RuleSelection options) {
        this.fixedFile = fixedFile;
        this.options = options;
    }

    /** Looks for the nearest lockstep.toml of each notebook. */
    public static ConfigResolver discovering(RuleSelection options) {
        return new ConfigResolver(null, options);
    }

    /** Uses one file for every notebook ({@code --config FILE}). */
    public static ConfigResolver using(Path file, RuleSelection options) {
        return new ConfigResolver(file, options);
    }

    /**
     * Resolves the configuration of every notebook up front and checks the command-line
     * selection against the rules they define, so a bad file or option stops the scan before
     * anything is printed.
     *
     * @throws ConfigException for the first bad file (in notebook order) or option
     */
    public synchronized void prepare(Collection<Path> notebooks) {
        for (Path notebook : notebooks) {
            settingsFor(notebook);
        }
        if (notebooks.isEmpty()) {
            settings(fixedFile != null ? Optional.of(fixedFile) : NO_FILE);
        }
        List<RuleMetadata> known = new ArrayList<>();
        for (LockstepConfig config : configByFile.values()) {
            for (Rule rule : config.availableRules()) {
                known.add(rule.metadata());
            }
        }
        checkOption("--select", options.select() == null ? List.of() : options.select(), known);
        checkOption("--ignore", options.ignore(), known);
    }

    private static void checkOption(String option, List<String> selectors, List<RuleMetadata> known) {
        for (String selector : selectors) {
            if (!LockstepConfig.selectsAny(selector, known)) {
                TreeSet<String> ids = new TreeSet<>();
                known.forEach(r -> ids.add(r.id()));
                throw ConfigException.option(option, "no rule has the id '" + selector + "'"
                        + Suggestions.didYouMean(selector, ids));
            }
        }
    }

    /** The configuration file that applies to a notebook, if any. */
    public synchronized Optional<Path> configFileFor(Path notebook) {
        if (fixedFile != null) {
            return Optional.of(fixedFile);
        }
        Path folder = notebook.toAbsolutePath().normalize().getParent();
        List<Path> visited = new ArrayList<>();
        Optional<Path> found = NO_FILE;
        for (Path dir = folder; dir != null; dir = dir.getParent()) {
            Optional<Path> cached = fileByFolder.get(dir);
            if (cached != null) {
                found = cached;
                break;
            }
            visited.add(dir);
            Path candidate = dir.resolve(ConfigReader.FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                found = Optional.of(candidate);
                break;
            }
            if (Files.exists(dir.resolve(".git"))) {
                break; // the repository root: what lies above it is not the project's
            }
        }
        for (Path dir : visited) {
            fileByFolder.put(dir, found);
        }
        return found;
    }

    /** The configuration a notebook is scanned with. */
    public synchronized LockstepConfig configFor(Path notebook) {
        return config(configFileFor(notebook));
    }

    @Override
    public synchronized ScanSettings settingsFor(Path notebook) {
        return settings(configFileFor(notebook));
    }

    /**
     * Every rule that the notebooks resolved so far run with, each id once (the first
     * configuration resolved decides its severity): what SARIF lists as the tool's rules.
     */
    @Override
    public synchronized RuleSet rules() {
        if (settingsByFile.isEmpty()) {
            settings(fixedFile != null ? Optional.of(fixedFile) : NO_FILE);
        }
        return RuleSet.union(settingsByFile.values().stream().map(ScanSettings::rules).toList());
    }

    private LockstepConfig config(Optional<Path> file) {
        LockstepConfig config = configByFile.get(file);
        if (config == null) {
            config = file.isPresent() ? reader.read(file.get()) : LockstepConfig.NONE;
            configByFile.put(file, config);
        }
        return config;
    }

    private ScanSettings settings(Optional<Path> file) {
        ScanSettings settings = settingsByFile.get(file);
        if (settings == null) {
            settings = config(file).scanSettings(options);
            settingsByFile.put(file, settings);
        }
        return settings;
    }
}
