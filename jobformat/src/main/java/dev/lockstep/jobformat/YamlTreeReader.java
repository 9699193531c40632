package dev.lockstep.jobformat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one YAML document into a {@link YamlNode} tree, keeping each value's line. Duplicate
 * keys are errors: YAML parsers usually keep the last one silently, which hides typos.
 */
final class YamlTreeReader {

  private static final YAMLFactory YAML = new YAMLFactory();

  private final String fileLabel;

  YamlTreeReader(String fileLabel) {
    this.fileLabel = fileLabel;
  }

  /** Parses {@code text}; syntax problems become a {@link SpecProblem} with the line. */
  YamlNode read(String text) throws InvalidJobSpecException {
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw single(1, "", "the file is empty");
      }
      YamlNode root = readValue(parser);
      if (parser.nextToken() != null) {
        throw single(line(parser), "", "more than one YAML document; a job has exactly one");
      }
      return root;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw single(line, "", "invalid YAML: " + yamlProblem(e));
    } catch (IOException e) {
      throw single(1, "", "cannot read: " + e.getMessage());
    }
  }

  private YamlNode readValue(JsonParser parser) throws IOException, InvalidJobSpecException {
    JsonToken token = parser.currentToken();
    int line = line(parser);
    switch (token) {
      case START_OBJECT:
        return readMapping(parser, line);
      case START_ARRAY:
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(parser));
        }
        return new YamlNode.Sequence(line, items);
      case VALUE_STRING:
        return new YamlNode.Scalar(line, YamlNode.ScalarKind.STRING, parser.getText(), parser.getText());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new YamlNode.Scalar(
            line, YamlNode.ScalarKind.BOOLEAN, parser.getText(), token == JsonToken.VALUE_TRUE);
      case VALUE_NULL:
        return new YamlNode.Scalar(line, YamlNode.ScalarKind.NULL, parser.getText(), null);
      case VALUE_NUMBER_INT:
        return new YamlNode.Scalar(line, YamlNode.ScalarKind.INTEGER, parser.getText(), integer(parser));
      case VALUE_NUMBER_FLOAT:
        return new YamlNode.Scalar(line, YamlNode.ScalarKind.FLOAT, parser.getText(), floating(parser));
      default:
        throw single(line, "", "unsupported YAML content (" + token + ")");
    }
  }

  private YamlNode readMapping(JsonParser parser, int line) throws IOException, InvalidJobSpecException {
    List<YamlNode.Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      YamlNode.Key key = new YamlNode.Key(parser.currentName(), line(parser));
      if (!seen.add(key.name())) {
        throw single(key.line(), key.name(), "duplicate key (YAML would silently keep only the last one)");
      }
      parser.nextToken();
      entries.add(new YamlNode.Entry(key, readValue(parser)));
    }
    return new YamlNode.Mapping(line, entries);
  }

  /** Long where it fits; BigInteger otherwise, so range checks can say "out of range". */
  private static Object integer(JsonParser parser) throws IOException {
    Number number = parser.getNumberValue();
    return number instanceof BigInteger big ? big : (Object) number.longValue();
  }

  /** YAML's .nan/.inf are not Java number syntax; they come back as the matching Double. */
  private static Object floating(JsonParser parser) throws IOException {
    String text = parser.getText().toLowerCase(Locale.ROOT);
    switch (text) {
      case ".nan":
        return Double.NaN;
      case ".inf":
      case "+.inf":
        return Double.POSITIVE_INFINITY;
      case "-.inf":
        return Double.NEGATIVE_INFINITY;
      default:
        return parser.getDoubleValue();
    }
  }

  private static int line(JsonParser parser) {
    return Math.max(1, parser.currentTokenLocation().getLineNr());
  }

  /** SnakeYAML's messages repeat a code frame; the problem sentence is what a reader needs. */
  private static String yamlProblem(JsonProcessingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblem() != null) {
      return marked.getProblem();
    }
    String message = e.getOriginalMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
  }

  private InvalidJobSpecException single(int line, String key, String message) {
    return new InvalidJobSpecException(List.of(new SpecProblem(fileLabel, line, key, message)));
  }
}
