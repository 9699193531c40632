package dev.lockstep.extractor.plan;

/**
 * A file or folder the job writes.
 *
 * @param name      the output's name in lockstep.yaml
 * @param path      relative path, resolved per run under the run's folder
 * @param compare   {@code bytes}, or a tolerance as {@code atol}/{@code rtol}
 * @param original  the path as the notebook wrote it
 * @param cell      1-based cell where it is written
 * @param line      1-based line in that cell
 */
public record OutputSpec(String name, String path, Comparison compare, String original, int cell, int line) {

    /** How verify compares two runs' copies of an output. */
    public record Comparison(Double atol, Double rtol) {
        public static final Comparison BYTES = new Comparison(null, null);

        public boolean isBytes() {
            return atol == null && rtol == null;
        }
    }
}
