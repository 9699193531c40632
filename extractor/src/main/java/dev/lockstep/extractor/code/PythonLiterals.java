package dev.lockstep.extractor.code;

import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.StringLiterals;

/** Reads the value of a Python literal node as a Java value: Long, Double, Boolean or String. */
public final class PythonLiterals {
    private PythonLiterals() {
    }

    /** The literal's value, or null when the node is not a plain literal. */
    public static Object value(SyntaxNode node) {
        if (node == null) {
            return null;
        }
        switch (node.type()) {
            case "integer" -> {
                return parseInteger(node.text());
            }
            case "float" -> {
                return parseFloat(node.text());
            }
            case "true" -> {
                return Boolean.TRUE;
            }
            case "false" -> {
                return Boolean.FALSE;
            }
            case "string", "concatenated_string" -> {
                return StringLiterals.value(node);
            }
            case "unary_operator" -> {
                SyntaxNode operand = node.child("argument");
                Object inner = value(operand);
                boolean minus = node.text().strip().startsWith("-");
                if (inner instanceof Long l) {
                    return minus ? -l : l;
                }
                if (inner instanceof Double d) {
                    return minus ? -d : d;
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static Long parseInteger(String text) {
        String t = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("0x")) {
                return Long.parseLong(t.substring(2), 16);
            }
            if (t.startsWith("0o")) {
                return Long.parseLong(t.substring(2), 8);
            }
            if (t.startsWith("0b")) {
                return Long.parseLong(t.substring(2), 2);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseFloat(String text) {
        String t = text.replace("_", "");
        if (t.endsWith("j") || t.endsWith("J")) {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
