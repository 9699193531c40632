package dev.lockstep.analyzer.facts.dependencies;

/** The tool an install command runs. */
public enum Installer {
    /** {@code pip install}, {@code python -m pip install}, {@code %pip install}. */
    PIP("pip install"),
    /** {@code uv pip install}: pip's requirement syntax. */
    UV("uv pip install"),
    /** {@code conda install}, {@code mamba install}, {@code micromamba install}, {@code %conda install}: match specs. */
    CONDA("conda install");

    private final String command;

    Installer(String command) {
        this.command = command;
    }

    /** How messages name the command. */
    public String command() {
        return command;
    }
}
