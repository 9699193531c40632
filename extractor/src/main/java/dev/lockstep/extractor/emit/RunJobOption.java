package dev.lockstep.extractor.emit;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One typed option of a job's RunJob.java: a lifted parameter ({@code --learning-rate 0.003})
 * or an input ({@code --train-data PATH}).
 *
 * @param name         the name in lockstep.yaml's {@code params} or {@code inputs} (a Python identifier)
 * @param kind         parameter or input
 * @param type         {@code int}, {@code float}, {@code bool} or {@code str} for a parameter;
 *                     {@code path} for an input
 * @param defaultValue the value as written in lockstep.yaml (for an input, its path); null for an
 *                     input bound to no file
 * @param description  one line for {@code --help}, or null
 */
public record RunJobOption(String name, Kind kind, String type, String defaultValue, String description) {

    /** Where the option goes: {@code --param NAME=VALUE} or {@code --input NAME=PATH}. */
    public enum Kind {
        PARAM, INPUT
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> PARAM_TYPES = Set.of("int", "float", "bool", "str");

    public RunJobOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Python identifier: " + name);
        }
        if (kind == Kind.PARAM && !PARAM_TYPES.contains(type)) {
            throw new IllegalArgumentException("parameter " + name + ": type must be int, float, bool or str, not " + type);
        }
        if (kind == Kind.INPUT && !type.equals("path")) {
            throw new IllegalArgumentException("input " + name + ": type must be path, not " + type);
        }
        if (kind == Kind.PARAM && defaultValue == null) {
            throw new IllegalArgumentException("parameter " + name + " needs its lockstep.yaml value");
        }
    }

    public static RunJobOption param(String name, String type, String value, String description) {
        return new RunJobOption(name, Kind.PARAM, type, value, description);
    }

    public static RunJobOption input(String name, String path, String description) {
        return new RunJobOption(name, Kind.INPUT, "path", path, description);
    }
}
