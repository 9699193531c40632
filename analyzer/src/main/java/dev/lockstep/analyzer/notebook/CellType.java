package dev.lockstep.analyzer.notebook;

/** The kind of a notebook cell; nbformat 3 heading cells are upgraded to markdown on read. */
public enum CellType {
    CODE("code"),
    MARKDOWN("markdown"),
    RAW("raw");

    private final String jsonName;

    CellType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name nbformat uses in {@code cell_type}. */
    public String jsonName() {
        return jsonName;
    }
}
