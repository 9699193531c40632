package dev.lockstep.jobformat;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Typed reads of YAML values that report a {@link SpecProblem} (key and line) instead of
 * throwing, and return null so the loader can go on and find the next problem.
 */
final class SpecFields {

  static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");
  static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  static final Pattern MODULE_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*(\\.[\\p{L}_][\\p{L}\\p{N}_]*)*");
  static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private final SpecProblems problems;

  SpecFields(SpecProblems problems) {
    this.problems = problems;
  }

  static String key(String parent, String child) {
    return parent.isEmpty() ? child : parent + "." + child;
  }

  void problem(int line, String key, String message) {
    problems.add(line, key, message);
  }

  boolean hasProblems() {
    return problems.any();
  }

  /** Reports every key of {@code mapping} not in {@code allowed}: typos must not be silent. */
  void rejectUnknownKeys(YamlNode.Mapping mapping, String parent, List<String> allowed) {
    for (YamlNode.Entry entry : mapping.entries()) {
      String name = entry.key().name();
      if (!allowed.contains(name)) {
        String hint = KeySuggestion.closest(name, allowed).map(s -> "did you mean \"" + s + "\"? ").orElse("");
        problem(entry.key().line(), key(parent, name),
            "unknown key; " + hint + "expected one of: " + String.join(", ", allowed));
      }
    }
  }

  /** The value under {@code name}, or null (reported) when a required key is missing. */
  YamlNode required(YamlNode.Mapping mapping, String parent, String name) {
    YamlNode value = mapping.get(name);
    if (value == null) {
      problem(mapping.line(), key(parent, name), "required key is missing");
    }
    return value;
  }

  YamlNode.Mapping mapping(YamlNode node, String key) {
    if (node instanceof YamlNode.Mapping mapping) {
      return mapping;
    }
    expected(node, key, "a mapping");
    return null;
  }

  YamlNode.Sequence sequence(YamlNode node, String key) {
    if (node instanceof YamlNode.Sequence sequence) {
      return sequence;
    }
    expected(node, key, "a list");
    return null;
  }

  /** A YAML string. Numbers and booleans are refused with a hint to quote them. */
  String string(YamlNode node, String key) {
    if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.ScalarKind.STRING) {
      return scalar.text();
    }
    if (node instanceof YamlNode.Scalar scalar && scalar.kind() != YamlNode.ScalarKind.NULL) {
      problem(node.line(), key,
          "expected a string, got " + scalar.describe() + " (quote it: \"" + scalar.text() + "\")");
      return null;
    }
    expected(node, key, "a string");
    return null;
  }

  Long integer(YamlNode node, String key) {
    if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.ScalarKind.INTEGER) {
      if (scalar.value() instanceof BigInteger) {
        problem(node.line(), key, "integer " + scalar.text() + " is out of range (64-bit)");
        return null;
      }
      return (Long) scalar.value();
    }
    expected(node, key, "an integer");
    return null;
  }

  /** An integer or float, finite. */
  Double number(YamlNode node, String key) {
    if (node instanceof YamlNode.Scalar scalar
        && (scalar.kind() == YamlNode.ScalarKind.INTEGER || scalar.kind() == YamlNode.ScalarKind.FLOAT)) {
      double value = ((Number) scalar.value()).doubleValue();
      if (Double.isFinite(value)) {
        return value;
      }
      problem(node.line(), key, "expected a finite number, got " + scalar.describe());
      return null;
    }
    expected(node, key, "a number");
    return null;
  }

  /** A name matching {@code pattern}, reported as "{what} must be ..." otherwise. */
  boolean checkName(String name, Pattern pattern, int line, String key, String rule) {
    if (pattern.matcher(name).matches()) {
      return true;
    }
    problem(line, key, "\"" + name + "\" is not " + rule);
    return false;
  }

  void expected(YamlNode node, String key, String what) {
    problem(node.line(), key, "expected " + what + ", got " + node.describe());
  }
}
