package dev.lockstep.analyzer.rules.paths;

import java.util.regex.Pattern;

/** Recognises paths that exist only on one machine. */
public final class LocalPaths {
    private LocalPaths() {
    }

    /**
     * Roots under which people keep their own data and code, on laptops, servers, clusters and
     * hosted notebooks. A path under one of these names one machine's file system.
     */
    private static final Pattern USER_DATA_ROOT = Pattern.compile(
            "^/(home|Users|root|mnt|media|content|kaggle|data|datasets|scratch|gpfs|lustre|nfs|workspace|srv|storage"
                    + "|Volumes|net|dbfs|projects|shared|efs|fsx|opt/ml|mydata|export|exports|space)(/|$)");

    /** {@code C:\...}, {@code D:/...}, and UNC shares {@code \\server\share}. */
    private static final Pattern WINDOWS = Pattern.compile("^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/\\s]+[\\\\/])");

    /** Absolute paths into the operating system, not into anyone's data. */
    private static final Pattern SYSTEM = Pattern.compile(
            "^/(dev|proc|sys|etc|usr|bin|sbin|lib|lib64|boot|run|tmp|var/tmp|var/run|var/log|opt/conda|opt/homebrew)(/|$)");

    /** Paths under Google Drive mounted into Colab: LS207 reports those. */
    private static final Pattern COLAB_DRIVE = Pattern.compile("^/content/(drive|gdrive)(/|$)");

    /** An absolute path a reviewer would flag wherever it appears: under a user-data root, or Windows. */
    public static boolean isUserDataPath(String text) {
        String t = text.strip();
        return (USER_DATA_ROOT.matcher(t).find() && !COLAB_DRIVE.matcher(t).find() && !t.contains("\n"))
                || WINDOWS.matcher(t).find();
    }

    /** Any absolute path that is not into the operating system (for strings passed to file functions). */
    public static boolean isAbsoluteNonSystemPath(String text) {
        String t = text.strip();
        if (isUserDataPath(t)) {
            return true;
        }
        return t.startsWith("/") && t.length() > 1 && !t.startsWith("//") && !t.contains(" ") && !t.contains("\n")
                && !SYSTEM.matcher(t).find() && !COLAB_DRIVE.matcher(t).find() && t.indexOf('/', 1) > 0;
    }

    /** Whether the path is under Colab's mounted Google Drive. */
    public static boolean isColabDrivePath(String text) {
        return COLAB_DRIVE.matcher(text.strip()).find();
    }
}
