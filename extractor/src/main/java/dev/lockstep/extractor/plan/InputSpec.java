package dev.lockstep.extractor.plan;

/**
 * A file the job reads.
 *
 * @param name      the input's name in lockstep.yaml
 * @param path      where it is: relative to the job directory, absolute, or a URL when remote
 * @param sha256    its hash when bound, else null (a blocker until bound)
 * @param original  the path as the notebook wrote it
 * @param cell      1-based cell where it is read
 * @param line      1-based line in that cell
 * @param remote    whether the notebook reads it from a URL
 */
public record InputSpec(String name, String path, String sha256, String original, int cell, int line, boolean remote) {

    public boolean bound() {
        return sha256 != null;
    }
}
