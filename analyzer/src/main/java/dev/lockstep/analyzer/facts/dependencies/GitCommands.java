package dev.lockstep.analyzer.facts.dependencies;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code git clone}s a notebook runs and what each ends up checked out at. A clone is
 * followed through later commands that move its working tree: {@code git checkout REF},
 * {@code git -C DIR checkout REF}, {@code cd DIR && git checkout REF}, {@code %cd DIR} then
 * {@code !git checkout REF}, {@code git switch --detach REF}, {@code git reset --hard REF},
 * {@code git fetch origin COMMIT}. A command that names no directory applies to the clone
 * made last before it (lenient on purpose: a pin that is there should not be missed).
 */
public final class GitCommands {

    /**
     * One clone and the best revision it is checked out at, after every later command.
     *
     * @param line      where the clone is written
     * @param url       the repository as written
     * @param directory the directory it clones into (explicit, or git's default from the URL)
     * @param branch    {@code --branch}/{@code -b}, else null
     * @param pin       what the checkout is fixed to: {@link RevisionKind#MISSING} for the default branch
     * @param pinRef    the revision text behind {@code pin} (the branch when nothing better), or null
     */
    public record Clone(ShellLines.Line line, String url, String directory, String branch, RevisionKind pin, String pinRef) {
        /** Whether the working tree is fixed: a commit, a release tag, or a revision analysis cannot see. */
        public boolean isPinned() {
            return pin == RevisionKind.FULL_COMMIT || pin == RevisionKind.SHORT_HASH || pin == RevisionKind.TAG
                    || pin == RevisionKind.UNKNOWN;
        }

        Clone withPin(RevisionKind newPin, String ref) {
            return rank(newPin) > rank(pin) ? new Clone(line, url, directory, branch, newPin, ref) : this;
        }

        private static int rank(RevisionKind r) {
            return switch (r) {
                case FULL_COMMIT -> 5;
                case SHORT_HASH -> 4;
                case TAG -> 3;
                case UNKNOWN -> 2;
                case BRANCH -> 1;
                case MISSING -> 0;
            };
        }
    }

    private static final Set<String> CLONE_OPTIONS_WITH_VALUE = Set.of("-b", "--branch", "-o", "--origin", "-c",
            "--config", "--depth", "--reference", "--reference-if-able", "--separate-git-dir", "-u", "--upload-pack",
            "--template", "-j", "--jobs", "--shallow-since", "--shallow-exclude", "--filter", "--server-option",
            "--bundle-uri", "--revision");

    private final List<Clone> clones;

    private GitCommands(List<Clone> clones) {
        this.clones = List.copyOf(clones);
    }

    /** The clones of a notebook, in document order, each with its final pin. */
    public List<Clone> clones() {
        return clones;
    }

    public static GitCommands of(AnalyzedNotebook notebook) {
        List<Clone> clones = new ArrayList<>();
        String kernelDirectory = null; // from %cd, which changes the kernel's own directory
        for (ShellLines.Line line : notebook.facts().shellLines()) {
            String lineDirectory = null; // from "cd DIR &&": lives only as long as the line's shell
            for (List<ShellSyntax.Word> command : ShellSyntax.commands(line.text())) {
                List<ShellSyntax.Word> words = ShellSyntax.program(command);
                if (words.isEmpty()) {
                    continue;
                }
                if (words.get(0).is("cd")) {
                    ShellSyntax.Word target = null;
                    for (ShellSyntax.Word w : words.subList(1, words.size())) {
                        if (!w.text().startsWith("-")) {
                            target = w;
                            break;
                        }
                    }
                    String to = target == null || target.dynamic() ? null : ShellSyntax.lastComponent(target.text());
                    lineDirectory = to;
                    if (line.persistent()) {
                        kernelDirectory = to;
                    }
                    continue;
                }
                if (!words.get(0).is("git")) {
                    continue;
                }
                int i = 1;
                String gitDirectory = null;
                while (i < words.size() && words.get(i).text().startsWith("-")) {
                    String option = words.get(i).text();
                    if (option.equals("-C") && i + 1 < words.size()) {
                        gitDirectory = words.get(i + 1).dynamic() ? null : ShellSyntax.lastComponent(words.get(i + 1).text());
                        i += 2;
                    } else if (option.equals("-c")) {
                        i += 2;
                    } else if (option.startsWith("--work-tree=")) {
                        gitDirectory = ShellSyntax.lastComponent(option.substring("--work-tree=".length()));
                        i++;
                    } else {
                        i++;
                    }
                }
                if (i >= words.size()) {
                    continue;
                }
                String subcommand = words.get(i).text();
                List<ShellSyntax.Word> args = words.subList(i + 1, words.size());
                if (subcommand.equals("clone")) {
                    Clone clone = clone(line, args);
                    if (clone != null) {
                        clones.add(clone);
                    }
                    continue;
                }
                ShellSyntax.Word ref = switch (subcommand) {
                    case "checkout" -> checkoutRef(args);
                    case "switch" -> switchRef(args);
                    case "reset" -> firstPositional(args);
                    case "fetch" -> fetchedCommit(args);
                    default -> null;
                };
                if (ref == null) {
                    continue;
                }
                String directory = gitDirectory != null ? gitDirectory : lineDirectory != null ? lineDirectory
                        : kernelDirectory;
                apply(clones, directory, ref.dynamic() ? RevisionKind.UNKNOWN : RevisionKind.of(ref.text()), ref.text());
            }
        }
        return new GitCommands(clones);
    }

    /** Applies a checkout to the clone it most likely moves: the last one in that directory, else the last one. */
    private static void apply(List<Clone> clones, String directory, RevisionKind revision, String ref) {
        if (clones.isEmpty()) {
            return;
        }
        int target = clones.size() - 1;
        if (directory != null) {
            for (int k = clones.size() - 1; k >= 0; k--) {
                if (directory.equals(ShellSyntax.lastComponent(clones.get(k).directory()))) {
                    target = k;
                    break;
                }
            }
        }
        clones.set(target, clones.get(target).withPin(revision, ref));
    }

    private static Clone clone(ShellLines.Line line, List<ShellSyntax.Word> args) {
        List<ShellSyntax.Word> positional = new ArrayList<>();
        String branch = null;
        boolean branchDynamic = false;
        String revision = null;
        boolean revisionDynamic = false;
        int i = 0;
        while (i < args.size()) {
            ShellSyntax.Word word = args.get(i);
            String text = word.text();
            if (!text.startsWith("-") || text.equals("-")) {
                positional.add(word);
                i++;
                continue;
            }
            String option = text;
            String value = null;
            boolean dynamic = word.dynamic();
            int equals = text.indexOf('=');
            if (text.startsWith("--") && equals > 0) {
                option = text.substring(0, equals);
                value = text.substring(equals + 1);
                i++;
            } else if (CLONE_OPTIONS_WITH_VALUE.contains(option) && i + 1 < args.size()) {
                value = args.get(i + 1).text();
                dynamic = args.get(i + 1).dynamic();
                i += 2;
            } else {
                i++;
            }
            if (option.equals("-b") || option.equals("--branch")) {
                branch = value;
                branchDynamic = dynamic;
            } else if (option.equals("--revision")) {
                revision = value;
                revisionDynamic = dynamic;
            }
        }
        if (positional.isEmpty()) {
            return null;
        }
        String url = positional.get(0).text();
        String directory = positional.size() > 1 ? positional.get(1).text() : defaultDirectory(url);
        Clone clone = new Clone(line, url, directory, branch, RevisionKind.MISSING, null);
        if (branch != null) {
            clone = clone.withPin(branchDynamic ? RevisionKind.UNKNOWN : RevisionKind.of(branch), branch);
        }
        if (revision != null) {
            clone = clone.withPin(revisionDynamic ? RevisionKind.UNKNOWN : RevisionKind.of(revision), revision);
        }
        return clone;
    }

    /** The directory git clones into when none is given: the URL's last component without {@code .git}. */
    static String defaultDirectory(String url) {
        String base = ShellSyntax.lastComponent(url);
        int colon = base.lastIndexOf(':');
        if (colon >= 0) {
            base = base.substring(colon + 1);
        }
        return base.endsWith(".git") ? base.substring(0, base.length() - 4) : base;
    }

    /** {@code git checkout [-b new] REF}; null for file checkouts ({@code -- paths}) and new branches from HEAD. */
    private static ShellSyntax.Word checkoutRef(List<ShellSyntax.Word> args) {
        List<ShellSyntax.Word> positional = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            ShellSyntax.Word word = args.get(i);
            String text = word.text();
            if (text.equals("--")) {
                return null; // restores files, does not move HEAD (or names paths: not a pin)
            }
            if (text.equals("-b") || text.equals("-B") || text.equals("--orphan")) {
                i += 2; // a new branch name; what follows, if anything, is its start point
                continue;
            }
            if (text.startsWith("-")) {
                i++;
                continue;
            }
            positional.add(word);
            i++;
        }
        if (positional.size() != 1) {
            return null; // none: stays where it is; several: a ref and paths
        }
        ShellSyntax.Word ref = positional.get(0);
        return ref.is(".") || ref.is("-") ? null : ref;
    }

    /** {@code git switch --detach REF} or {@code git switch -c new START}. */
    private static ShellSyntax.Word switchRef(List<ShellSyntax.Word> args) {
        List<ShellSyntax.Word> positional = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String text = args.get(i).text();
            if (text.equals("-c") || text.equals("-C") || text.equals("--create") || text.equals("--force-create")) {
                i += 2;
                continue;
            }
            if (!text.startsWith("-")) {
                positional.add(args.get(i));
            }
            i++;
        }
        return positional.size() == 1 ? positional.get(0) : null;
    }

    private static ShellSyntax.Word firstPositional(List<ShellSyntax.Word> args) {
        for (ShellSyntax.Word word : args) {
            if (!word.text().startsWith("-")) {
                return word;
            }
        }
        return null;
    }

    /** {@code git fetch [remote] COMMIT}: a fetch by commit hash pins what is checked out next. */
    private static ShellSyntax.Word fetchedCommit(List<ShellSyntax.Word> args) {
        for (ShellSyntax.Word word : args) {
            RevisionKind r = RevisionKind.of(word.text());
            if (!word.dynamic() && (r == RevisionKind.FULL_COMMIT || r == RevisionKind.SHORT_HASH)) {
                return word;
            }
        }
        return null;
    }
}
