package dev.lockstep.runtime.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.jobformat.ComparePolicy;
import java.util.Iterator;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares two JSON documents leaf by leaf: numbers within tolerance, every other leaf equal,
 * and the same keys and array lengths. Positions are JSON paths ({@code $.history[2].loss}).
 * Python's NaN and Infinity (which its json module writes) are read as numbers.
 */
final class JsonComparator {

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private JsonComparator() {}

  static NumericDifferences compare(JsonNode baseline, JsonNode candidate, ComparePolicy.Tolerance tolerance) {
    NumericDifferences differences = new NumericDifferences(new DifferenceTracker(tolerance));
    walk("$", baseline, candidate, differences);
    return differences;
  }

  private static void walk(String path, JsonNode base, JsonNode cand, NumericDifferences differences) {
    if (base.isNumber() && cand.isNumber()) {
      differences.values().add(cand.doubleValue(), base.doubleValue(), index -> path, 0);
    } else if (base.isObject() && cand.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      base.fieldNames().forEachRemaining(keys::add);
      cand.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        String child = childPath(path, key);
        if (!base.has(key)) {
          differences.structural(child + " only in the candidate run");
        } else if (!cand.has(key)) {
          differences.structural(child + " missing from the candidate run");
        } else {
          walk(child, base.get(key), cand.get(key), differences);
        }
      }
    } else if (base.isArray() && cand.isArray()) {
      if (base.size() != cand.size()) {
        differences.structural(path + ": " + cand.size() + " items vs " + base.size());
        return;
      }
      Iterator<JsonNode> b = base.elements();
      Iterator<JsonNode> c = cand.elements();
      for (int i = 0; b.hasNext(); i++) {
        walk(path + "[" + i + "]", b.next(), c.next(), differences);
      }
    } else if (!base.equals(cand)) {
      differences.structural(path + ": " + brief(cand) + " vs " + brief(base));
    }
  }

  private static String childPath(String path, String key) {
    return PLAIN_KEY.matcher(key).matches() ? path + "." + key : path + "[" + quote(key) + "]";
  }

  private static String quote(String key) {
    return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String brief(JsonNode node) {
    String text = node.toString();
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
