package dev.lockstep.cli;

/**
 * How wide text output may be: the terminal's width when the launcher found one (it passes
 * {@code -Dlockstep.columns} when stdout is a terminal), else {@value #DEFAULT} columns, so
 * piped output does not depend on the window or environment it came from.
 */
final class TerminalWidth {

    static final int DEFAULT = 100;
    static final String PROPERTY = "lockstep.columns";
    private static final int MIN = 60;
    private static final int MAX = 200;

    private TerminalWidth() {
    }

    static int get() {
        Integer columns = parse(System.getProperty(PROPERTY));
        return columns == null ? DEFAULT : Math.max(MIN, Math.min(MAX, columns));
    }

    private static Integer parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
