package dev.lockstep.extractor.plan;

/**
 * A literal lifted into {@code lockstep.yaml}'s {@code params}.
 *
 * @param name   the parameter's name (a Python identifier)
 * @param value  the value as Java: Long, Double, Boolean or String
 * @param cell   1-based cell it came from
 * @param line   1-based line in that cell
 * @param source the literal as written
 */
public record Param(String name, Object value, int cell, int line, String source) {

    /** The declared type: int, float, bool or str. */
    public String type() {
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        return "str";
    }
}
