package dev.lockstep.jobformat;

import java.util.List;

/**
 * A YAML value together with the line it starts on. Jackson's tree model drops locations, and
 * every config error must name its line, so the loader reads YAML into this small tree instead.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  /** 1-based line of the value's first character. */
  int line();

  /** Words for "got ..." in error messages: the value for scalars, the kind for collections. */
  String describe();

  /** A key as written, with the line the key itself is on (unknown-key errors point there). */
  record Key(String name, int line) {}

  record Entry(Key key, YamlNode value) {}

  /** Entries in file order; keys are unique (the reader rejects duplicates). */
  record Mapping(int line, List<Entry> entries) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    public YamlNode get(String key) {
      for (Entry entry : entries) {
        if (entry.key().name().equals(key)) {
          return entry.value();
        }
      }
      return null;
    }

    public boolean has(String key) {
      return get(key) != null;
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Sequence(int line, List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar as YAML resolved it. {@code text} is the source text (for messages and for
   * values such as hashes whose digits YAML might read as a number); {@code value} is the
   * resolved Java value: String, Long, BigInteger, Double, Boolean, or null.
   */
  record Scalar(int line, ScalarKind kind, String text, Object value) implements YamlNode {
    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> '"' + text + '"';
        case NULL -> "null";
        default -> text;
      };
    }
  }

  enum ScalarKind {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }
}
