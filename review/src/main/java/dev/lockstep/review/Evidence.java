package dev.lockstep.review;

import java.util.Objects;

/**
 * One fact that decides (or informs) a contract item, and where to look.
 *
 * @param text     one line for people
 * @param decides  whether this fact makes the item fail (false: supporting or context)
 * @param file     the file it comes from, as shown to the user (lockstep.yaml, runs/ID/record.json), or null
 * @param finding  0-based index into the review's findings, or -1
 * @param blocker  0-based index into the extraction's blockers, or -1
 */
public record Evidence(String text, boolean decides, String file, int finding, int blocker) {

    public Evidence {
        Objects.requireNonNull(text, "text");
    }

    public static Evidence fact(String text, String file) {
        return new Evidence(text, false, file, -1, -1);
    }

    public static Evidence failing(String text, String file) {
        return new Evidence(text, true, file, -1, -1);
    }
}
