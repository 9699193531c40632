package dev.lockstep.extractor.emit;

import dev.lockstep.extractor.plan.ExtractionPlan;
import java.nio.file.Path;

/**
 * Keeps the extracting machine's absolute paths out of the job README: a job is handed to
 * others, and {@code /home/maria/projects/...} means nothing on their machine (and says more than
 * it should). Paths under the notebook's folder become relative to it, paths under the job
 * become relative to the job, and any other absolute path is shortened to its last part
 * ({@code .../train.csv}).
 */
final class LocalPaths {
    private LocalPaths() {
    }

    static String scrub(String text, ExtractionPlan plan) {
        if (text == null) {
            return null;
        }
        String result = text;
        Path job = plan.options().jobDirectory();
        if (job != null) {
            result = replacePrefix(result, job.toAbsolutePath().normalize().toString(), "");
        }
        Path notebook = plan.options().notebookDirectory();
        if (notebook != null) {
            result = replacePrefix(result, notebook.toAbsolutePath().normalize().toString(), "");
        }
        return OTHER_ABSOLUTE.matcher(result).replaceAll(".../$1");
    }

    /** An absolute path of two or more parts, not inside a URL. */
    private static final java.util.regex.Pattern OTHER_ABSOLUTE =
            java.util.regex.Pattern.compile("(?<![\\w.~:/])/(?:[\\w.@+-]+/)+([\\w.@+-]+)");

    /** "/a/b/c.txt" with prefix "/a/b" becomes "c.txt"; the prefix alone becomes "."; "/a/bc" is left alone. */
    private static String replacePrefix(String text, String prefix, String replacement) {
        if (prefix.equals("/")) {
            return text;
        }
        return text.replace(prefix + "/", replacement).replaceAll(java.util.regex.Pattern.quote(prefix) + "(?![\\w./-])", ".");
    }

    /** A lockstep.yaml input path that stays inside the job: relative, not climbing out. */
    static boolean insideJob(String path) {
        return !(path.startsWith("/") || path.matches("[A-Za-z]:.*") || path.equals("..") || path.startsWith("../")
                || path.startsWith("~") || path.contains("://"));
    }
}
