package dev.lockstep.analyzer.ipython;

import java.util.List;
import java.util.Objects;

/**
 * One IPython escape found in a cell, with its position in the cell's own source.
 *
 * @param kind            which escape
 * @param name            the magic's name ({@code pip}, {@code time}, {@code matplotlib}); for shell
 *                        commands, the program ({@code pip}, {@code wget}); for help, the object
 * @param arguments       everything after the name, trimmed (for shell: the rest of the command)
 * @param line            1-based line in the cell where the escape starts
 * @param column          1-based column of the escape character ({@code %}, {@code !}, {@code ?})
 * @param endLine         1-based line of the escape's last character (continuations included)
 * @param endColumn       1-based column just past the escape's last character
 * @param assignedTo      the target of {@code x = !cmd} / {@code x = %magic}, else null
 * @param body            for cell magics, the cell body after the first line; else empty
 * @param bodyIsPython    for cell magics, whether the body is Python that runs in the kernel
 * @param referencedNames names interpolated into a shell command ({@code {x}}, {@code $x})
 */
public record Magic(
        MagicKind kind,
        String name,
        String arguments,
        int line,
        int column,
        int endLine,
        int endColumn,
        String assignedTo,
        String body,
        boolean bodyIsPython,
        List<String> referencedNames) {

    public Magic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "" : arguments;
        body = body == null ? "" : body;
        referencedNames = List.copyOf(referencedNames);
    }

    /** The full command or magic line as written after the escape character(s). */
    public String commandLine() {
        return arguments.isEmpty() ? name : name + " " + arguments;
    }

    /** True for {@code !pip ...}, {@code %pip ...} and {@code !python -m pip ...} style installs. */
    public boolean isPipInstall() {
        if (kind == MagicKind.LINE_MAGIC && (name.equals("pip") || name.equals("conda") || name.equals("mamba"))) {
            return arguments.startsWith("install");
        }
        if (kind == MagicKind.SHELL) {
            String command = commandLine();
            // "{sys.executable} -m pip" is the documented way to install into the kernel's own interpreter
            return command.matches("(?s)^(sudo\\s+)?(pip3?|(python3?|\\{sys\\.executable})\\s+-m\\s+pip|conda|mamba|uv\\s+pip)"
                    + "\\s+install\\b.*");
        }
        return false;
    }
}
