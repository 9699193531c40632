package dev.lockstep.analyzer.notebook;

/** nbformat 4 output types; nbformat 3 {@code pyout}/{@code pyerr} are upgraded on read. */
public enum OutputKind {
    STREAM("stream"),
    DISPLAY_DATA("display_data"),
    EXECUTE_RESULT("execute_result"),
    ERROR("error");

    private final String jsonName;

    OutputKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
