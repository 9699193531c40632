package dev.lockstep.runtime.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one JSON form the runtime writes: keys sorted at every depth, two-space indent, "\n"
 * line ends whatever the platform, a trailing newline. Equal values give equal bytes, which
 * is what makes records diffable and their determinism testable.
 */
public final class CanonicalJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          // Python's json module writes NaN and Infinity; outputs compared as JSON may hold them.
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          // A newer runtime may add fields to a record; an older one still reads the rest.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withSeparators(Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private CanonicalJson() {}

  /** Shared mapper for reading (records, JSON outputs); writing goes through {@link #write}. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    JsonNode sorted = sorted(MAPPER.valueToTree(value));
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(sorted) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  public static <T> T read(Path file, Class<T> type) throws IOException {
    return MAPPER.readValue(file.toFile(), type);
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      ObjectNode copy = MAPPER.createObjectNode();
      for (String name : names) {
        copy.set(name, sorted(object.get(name)));
      }
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = MAPPER.createArrayNode();
      for (Iterator<JsonNode> items = array.elements(); items.hasNext(); ) {
        copy.add(sorted(items.next()));
      }
      return copy;
    }
    return node;
  }

}
