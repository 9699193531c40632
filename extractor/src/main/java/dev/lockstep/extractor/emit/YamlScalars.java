package dev.lockstep.extractor.emit;

import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes the scalars and flow collections of lockstep.yaml. Strings are always double-quoted
 * with JSON escapes (valid YAML, and readable by the job's own small loader); numbers keep a
 * form every YAML reader types the same way.
 */
final class YamlScalars {
    private YamlScalars() {
    }

    static String string(String value) {
        if (value == null) {
            return "~";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A param value: int, float (always with a decimal point), bool or string. */
    static String value(Object value) {
        if (value instanceof Long l) {
            return Long.toString(l);
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return ".nan";
            }
            if (d.isInfinite()) {
                return d > 0 ? ".inf" : "-.inf";
            }
            String text = Double.toString(d); // always has a '.', e.g. 0.003, 1.0E-6
            // YAML 1.1 readers want a signed exponent: 1.0e+7, 1.0e-6.
            return text.replace("E-", "e-").replace("E", "e+");
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return string(String.valueOf(value));
    }

    static String flowMap(Map<String, String> entries) {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        entries.forEach((k, v) -> joiner.add(k + ": " + string(v)));
        return joiner.toString();
    }

    static String flowList(Collection<String> values, boolean quote) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        values.forEach(v -> joiner.add(quote ? string(v) : v));
        return joiner.toString();
    }
}
