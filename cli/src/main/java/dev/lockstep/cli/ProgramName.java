package dev.lockstep.cli;

/**
 * The command as the user typed it, for usage lines and hints: {@code lockstep} when installed
 * on PATH, {@code ./lockstep} in a source checkout. The launchers pass it in the system property
 * {@value #PROPERTY}; without it (tests, {@code java -jar}) it is {@code lockstep}.
 */
public final class ProgramName {

    /** The system property the launchers set. */
    public static final String PROPERTY = "lockstep.program";

    private ProgramName() {
    }

    public static String get() {
        String name = System.getProperty(PROPERTY);
        return name == null || name.isBlank() ? "lockstep" : name.strip();
    }
}
