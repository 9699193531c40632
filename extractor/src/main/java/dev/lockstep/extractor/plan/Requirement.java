package dev.lockstep.extractor.plan;

/**
 * A distribution the job needs.
 *
 * @param distribution the PyPI name ({@code scikit-learn})
 * @param version      the pinned version, or null when the notebook pins none
 * @param importName   the module the code imports ({@code sklearn}), or null for install-only requirements
 */
public record Requirement(String distribution, String version, String importName) {

    public boolean pinned() {
        return version != null;
    }

    /** The requirements.txt line. */
    public String line() {
        return pinned() ? distribution + "==" + version : distribution;
    }
}
