package dev.lockstep.analyzer.config;

import java.nio.file.Path;

/**
 * A configuration that cannot be used: a bad {@code lockstep.toml} (the message names the file,
 * the line and the key: {@code lockstep.toml:7: severity.LS206: unknown severity 'fatal' ...}),
 * or a bad {@code --select}/{@code --ignore} option. Scans stop with exit 2 on it.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;
    private final String key;

    private ConfigException(String message, Path file, int line, String key) {
        super(message);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    /** A problem at a key of a configuration file. */
    static ConfigException at(Path file, int line, String key, String problem) {
        String where = file + ":" + line + ": " + (key == null || key.isEmpty() ? "" : key + ": ");
        return new ConfigException(where + problem, file, line, key);
    }

    /** A problem with a file as a whole (missing, unreadable). */
    static ConfigException file(Path file, String problem) {
        return new ConfigException(file + ": " + problem, file, 0, null);
    }

    /** A problem with a command-line option. */
    static ConfigException option(String option, String problem) {
        return new ConfigException(option + ": " + problem, null, 0, option);
    }

    /** The configuration file, or null for a command-line option. */
    public Path file() {
        return file;
    }

    /** The 1-based line in the file, or 0 when the problem has no line. */
    public int line() {
        return line;
    }

    /** The key as written in TOML ({@code rules.custom[0].id}) or the option, or null. */
    public String key() {
        return key;
    }
}
