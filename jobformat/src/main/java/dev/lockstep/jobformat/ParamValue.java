package dev.lockstep.jobformat;

import java.util.Objects;

/**
 * A parameter's value with its declared type. {@code value} is a Long, Double, Boolean or
 * String, matching {@code type}; it is written to config.json and the record as that JSON type.
 */
public record ParamValue(ParamType type, Object value) {

  public ParamValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Class<?> expected =
        switch (type) {
          case INT -> Long.class;
          case FLOAT -> Double.class;
          case BOOL -> Boolean.class;
          case STRING -> String.class;
        };
    if (!expected.isInstance(value)) {
      throw new IllegalArgumentException(type + " parameter needs a " + expected.getSimpleName() + ": " + value);
    }
  }

  /** This parameter's type with a new value parsed from command-line text. */
  public ParamValue withText(String text) {
    return new ParamValue(type, type.parse(text));
  }
}
