package dev.lockstep.analyzer.facts.values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * What an expression evaluates to, as far as the analyzer can tell without running it. A
 * string may be known only in part ({@link Str#complete()} false: its text is a known prefix),
 * which is still enough to say where a file lands ({@code "/home/me/out/" + name}).
 */
public sealed interface Value {

    Unknown UNKNOWN = new Unknown();

    /** A value analysis cannot tell. */
    record Unknown() implements Value {
    }

    /** {@code None}. */
    record None() implements Value {
    }

    record Bool(boolean value) implements Value {
    }

    /** An int of any size ({@code ~5} is {@code -6}, {@code 1_000} is {@code 1000}). */
    record Int(BigInteger value) implements Value {
    }

    record Float(double value) implements Value {
    }

    /** A bytes literal, one char per byte (0..255). */
    record Bytes(String latin1) implements Value {
    }

    /** A tuple or list of values. */
    record Sequence(List<Value> items, boolean list) implements Value {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * A string (or a pathlib path, {@code path} true, held as its string form).
     *
     * @param text     the value, or its known prefix when {@code complete} is false
     * @param complete whether {@code text} is the whole value
     * @param path     whether the value is a {@code pathlib} path
     * @param root     the string literal the value starts with, when one does; a pass can move
     *                 every path built from it by rewriting that one literal
     */
    record Str(String text, boolean complete, boolean path, Root root) implements Value {
        public Str withPath(boolean isPath) {
            return new Str(text, complete, isPath, root);
        }

        /** The part of the value after its root literal's contribution ("" when it is the literal itself). */
        public String suffixAfterRoot() {
            return root == null ? null : text.substring(root.text().length());
        }
    }

    /** Whether the whole value is known. */
    default boolean known() {
        if (this instanceof Unknown) {
            return false;
        }
        if (this instanceof Str s) {
            return s.complete();
        }
        if (this instanceof Sequence s) {
            return s.items().stream().allMatch(Value::known);
        }
        return true;
    }

    /** Whether the value is {@code True} itself (not merely truthy: {@code shuffle=1} is not). */
    default boolean isTrue() {
        return this instanceof Bool b && b.value();
    }

    /** Whether the value is {@code False} itself (not merely falsy: {@code pretrained=0} is not). */
    default boolean isFalse() {
        return this instanceof Bool b && !b.value();
    }

    default boolean isNone() {
        return this instanceof None;
    }

    /** The number when the value is a known int or float, else null ({@code True} is not a number here). */
    default Double number() {
        if (this instanceof Int i) {
            return i.value().doubleValue();
        }
        return this instanceof Float f ? f.value() : null;
    }

    /** The text when the whole value is a known plain string (not a path), else null. */
    default String plainString() {
        return this instanceof Str s && s.complete() && !s.path() ? s.text() : null;
    }

    /** The string when the whole value is a known string or path, else null. */
    default String string() {
        return this instanceof Str s && s.complete() ? s.text() : null;
    }

    /**
     * As a plain Java value for configuration: Long, Double, Boolean or String; null when the
     * value is unknown, partial, too large for a long, or of another type.
     */
    default Object toJava() {
        if (this instanceof Int i) {
            return i.value().bitLength() < 64 ? i.value().longValue() : null;
        }
        if (this instanceof Float f) {
            return Double.isFinite(f.value()) ? f.value() : null;
        }
        if (this instanceof Bool b) {
            return b.value();
        }
        if (this instanceof Str s) {
            return s.complete() && !s.path() ? s.text() : null;
        }
        return null;
    }

    /** Python's {@code str()} of the value, or null when unknown (a partial string gives its prefix only via {@link Str}). */
    static String pythonStr(Value value) {
        if (value instanceof Str s) {
            return s.complete() ? s.text() : null;
        }
        if (value instanceof Int i) {
            return i.value().toString();
        }
        if (value instanceof Bool b) {
            return b.value() ? "True" : "False";
        }
        if (value instanceof None) {
            return "None";
        }
        if (value instanceof Float f) {
            return floatRepr(f.value());
        }
        return null;
    }

    /** Python's repr of a float: shortest round-trip digits, plain between 1e-4 and 1e16, else scientific. */
    static String floatRepr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e16) {
            String plain = d.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                + Math.abs(exponent);
    }
}
