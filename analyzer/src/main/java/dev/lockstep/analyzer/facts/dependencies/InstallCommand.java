package dev.lockstep.analyzer.facts.dependencies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One package install found in a shell line: {@code pip install ...}, {@code python -m pip
 * install ...}, {@code uv pip install ...}, {@code conda|mamba|micromamba install ...}, with the
 * requirements it names and the options that matter for pinning.
 *
 * @param installer        which installer runs
 * @param command          the command's words joined by spaces (quotes removed)
 * @param requirements     the packages named on the command line, in order ({@code -e} ones included)
 * @param requirementFiles files passed with {@code -r}/{@code --requirement} (conda: {@code --file}):
 *                         their contents are not in the notebook and cannot be checked
 * @param constraintFiles  files passed with {@code -c}/{@code --constraint} (uv: {@code --override}):
 *                         they may pin every requirement of the command
 * @param upgrade          {@code -U}/{@code --upgrade} (conda: {@code --update-all}/{@code --update-deps})
 * @param excludeNewer     uv's {@code --exclude-newer DATE}, which fixes resolution in time; else null
 */
public record InstallCommand(Installer installer, String command, List<Requirement> requirements,
        List<String> requirementFiles, List<String> constraintFiles, boolean upgrade, String excludeNewer) {

    private static final Set<String> PIP_GLOBAL_OPTIONS_WITH_VALUE = Set.of("--log", "--proxy", "--retries",
            "--timeout", "--exists-action", "--trusted-host", "--cert", "--client-cert", "--cache-dir", "--python",
            "--use-feature", "--use-deprecated", "--keyring-provider");

    private static final Set<String> PIP_INSTALL_OPTIONS_WITH_VALUE = Set.of("-t", "--target", "-i", "--index-url",
            "--extra-index-url", "-f", "--find-links", "--prefix", "--root", "--src", "--upgrade-strategy",
            "--platform", "--python-version", "--implementation", "--abi", "--no-binary", "--only-binary",
            "--global-option", "--install-option", "--config-settings", "-C", "--progress-bar", "--report",
            "--root-user-action", "--build-option", "--resolution", "--index-strategy", "--index", "--default-index",
            "-p", "--python-platform", "--extra-index", "--prerelease", "--link-mode", "--compile-bytecode-level",
            "--refresh-package", "--reinstall-package", "--no-build-isolation-package", "--torch-backend",
            "--target-dir", "--group", "--extra");

    /** pip (and uv) short options that take a value: -r, -c, -e, -t, -i, -f, -C, -p. */
    private static final String PIP_SHORT_OPTIONS_WITH_VALUE = "rcetifCp";

    private static final Set<String> CONDA_OPTIONS_WITH_VALUE = Set.of("-c", "--channel", "-n", "--name", "-p",
            "--prefix", "--solver", "--repodata-fn", "--subdir", "--platform", "--experimental", "--satisfied-skip-solve");

    public InstallCommand {
        requirements = List.copyOf(requirements);
        requirementFiles = List.copyOf(requirementFiles);
        constraintFiles = List.copyOf(constraintFiles);
    }

    /**
     * Every install in a shell command line, in order: {@code !cd lib && pip install -e . && pip
     * install torch} holds two. The line is what follows IPython's {@code !} (or a line magic's
     * {@code %}, name included: {@code pip install ...}), or a line of a {@code %%bash} cell.
     */
    public static List<InstallCommand> parseAll(String commandLine) {
        List<InstallCommand> installs = new ArrayList<>();
        for (List<ShellSyntax.Word> command : ShellSyntax.commands(commandLine)) {
            InstallCommand install = parse(ShellSyntax.program(command));
            if (install != null) {
                installs.add(install);
            }
        }
        return installs;
    }

    /** The install a simple command runs, or null when it is not an install. */
    static InstallCommand parse(List<ShellSyntax.Word> words) {
        if (words.isEmpty()) {
            return null;
        }
        ShellSyntax.Word first = words.get(0);
        String program = ShellSyntax.lastComponent(first.text());
        if (!first.dynamic() && program.matches("pip(\\d+(\\.\\d+)?)?(\\.exe)?")) {
            return pipInstall(words, 1, Installer.PIP);
        }
        if (!first.dynamic() && program.equals("uv")) {
            return words.size() > 2 && words.get(1).is("pip") ? pipInstall(words, 2, Installer.UV) : null;
        }
        if (!first.dynamic() && program.matches("(conda|mamba|micromamba)(\\.exe)?")) {
            return condaInstall(words);
        }
        if (first.dynamic() || program.matches("python(\\d+(\\.\\d+)?)?(\\.exe)?|py")) {
            int i = 1;
            while (i < words.size() && words.get(i).text().startsWith("-") && !words.get(i).is("-m")) {
                i += words.get(i).is("-X") || words.get(i).is("-W") ? 2 : 1;
            }
            if (i + 1 < words.size() && words.get(i).is("-m") && words.get(i + 1).is("pip")) {
                return pipInstall(words, i + 2, Installer.PIP);
            }
        }
        return null;
    }

    private static InstallCommand pipInstall(List<ShellSyntax.Word> words, int start, Installer installer) {
        int i = start;
        while (i < words.size() && words.get(i).text().startsWith("-")) {
            String option = words.get(i).text();
            i += PIP_GLOBAL_OPTIONS_WITH_VALUE.contains(option) ? 2 : 1;
        }
        if (i >= words.size() || !words.get(i).is("install")) {
            return null;
        }
        i++;
        List<Requirement> requirements = new ArrayList<>();
        List<String> requirementFiles = new ArrayList<>();
        List<String> constraintFiles = new ArrayList<>();
        boolean upgrade = false;
        String excludeNewer = null;
        boolean optionsEnded = false;
        while (i < words.size()) {
            ShellSyntax.Word word = words.get(i);
            String text = word.text();
            if (optionsEnded || !text.startsWith("-")) {
                requirements.add(Requirement.pip(text, false, word.dynamic(), installer));
                i++;
                continue;
            }
            String option = text;
            String attached = null;
            int equals = text.indexOf('=');
            if (text.startsWith("--") && equals > 0) {
                option = text.substring(0, equals);
                attached = text.substring(equals + 1);
            } else if (!text.startsWith("--") && text.length() > 2) {
                // a cluster of short options (-qU, -qr FILE, -rFILE): flags, then at most one
                // option whose value is the rest of the word or else the next word
                option = null;
                for (int k = 1; k < text.length() && option == null; k++) {
                    char c = text.charAt(k);
                    if (PIP_SHORT_OPTIONS_WITH_VALUE.indexOf(c) >= 0) {
                        option = "-" + c;
                        attached = k + 1 < text.length() ? text.substring(k + 1) : null;
                    } else if (c == 'U') {
                        upgrade = true;
                    }
                }
                if (option == null) {
                    i++;
                    continue;
                }
            }
            String value = attached;
            boolean takesValue = Set.of("-r", "--requirement", "-c", "--constraint", "--override", "--overrides", "-e",
                    "--editable", "--exclude-newer").contains(option) || PIP_INSTALL_OPTIONS_WITH_VALUE.contains(option);
            ShellSyntax.Word valueWord = null;
            if (takesValue && value == null) {
                if (i + 1 < words.size()) {
                    valueWord = words.get(i + 1);
                    value = valueWord.text();
                }
                i += 2;
            } else {
                i++;
            }
            switch (option) {
                case "--" -> optionsEnded = true;
                case "-r", "--requirement" -> {
                    if (value != null) {
                        requirementFiles.add(value);
                    }
                }
                case "-c", "--constraint", "--override", "--overrides" -> {
                    if (value != null) {
                        constraintFiles.add(value);
                    }
                }
                case "-e", "--editable" -> {
                    if (value != null) {
                        requirements.add(Requirement.pip(value, true, valueWord != null && valueWord.dynamic(), installer));
                    }
                }
                case "-U", "--upgrade" -> upgrade = true;
                case "--exclude-newer" -> excludeNewer = value;
                default -> {
                    // options that do not change what gets installed
                }
            }
        }
        return new InstallCommand(installer, join(words), requirements, requirementFiles, constraintFiles, upgrade,
                excludeNewer);
    }

    private static InstallCommand condaInstall(List<ShellSyntax.Word> words) {
        int i = 1;
        while (i < words.size() && words.get(i).text().startsWith("-")) {
            i++;
        }
        if (i >= words.size() || !words.get(i).is("install")) {
            return null;
        }
        i++;
        List<Requirement> requirements = new ArrayList<>();
        List<String> requirementFiles = new ArrayList<>();
        boolean upgrade = false;
        while (i < words.size()) {
            ShellSyntax.Word word = words.get(i);
            String text = word.text();
            if (!text.startsWith("-")) {
                requirements.add(Requirement.conda(text, word.dynamic()));
                i++;
                continue;
            }
            int equals = text.indexOf('=');
            String option = text.startsWith("--") && equals > 0 ? text.substring(0, equals) : text;
            boolean attached = !option.equals(text);
            if (!text.startsWith("--") && text.length() > 2) {
                // a cluster of short options (-yc conda-forge, -cconda-forge): a value-taking
                // letter takes the rest of the word, or else the next word
                int k = 1;
                while (k < text.length() && "cnp".indexOf(text.charAt(k)) < 0) {
                    k++;
                }
                i += k >= text.length() - 1 && k < text.length() ? 2 : 1;
                continue;
            }
            if (option.equals("--file")) {
                String value = attached ? text.substring(equals + 1) : i + 1 < words.size() ? words.get(i + 1).text() : null;
                if (value != null) {
                    requirementFiles.add(value);
                }
                i += attached ? 1 : 2;
                continue;
            }
            if (option.equals("--update-all") || option.equals("--update-deps") || option.equals("--all")) {
                upgrade = true;
            }
            i += CONDA_OPTIONS_WITH_VALUE.contains(option) && !attached ? 2 : 1;
        }
        return new InstallCommand(Installer.CONDA, join(words), requirements, requirementFiles, List.of(), upgrade, null);
    }

    private static String join(List<ShellSyntax.Word> words) {
        StringBuilder b = new StringBuilder();
        for (ShellSyntax.Word w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w.text());
        }
        return b.toString();
    }

    /** The requirements that float: no exact version, a range, a branch, an unversioned archive. */
    public List<Requirement> unpinned() {
        return requirements.stream().filter(r -> r.status() == Requirement.PinStatus.UNPINNED).toList();
    }
}
