package dev.lockstep.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lockstep.analyzer.config.ConfiguredRules;
import dev.lockstep.analyzer.rules.RuleMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lockstep rules}: every rule as an aligned table (id, name, severity, fixable, summary)
 * or as JSON. A rule the configuration does not run shows severity {@code off} in the table
 * and {@code "enabled": false} in JSON.
 */
public final class RuleListing {
    private RuleListing() {
    }

    public static void writeText(List<ConfiguredRules.Entry> rules, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "NAME", "SEVERITY", "FIXABLE", "SUMMARY"});
        for (ConfiguredRules.Entry entry : rules) {
            RuleMetadata rule = entry.metadata();
            rows.add(new String[] {rule.id(), rule.name(), entry.enabled() ? rule.severity().label() : "off",
                    rule.isFixable() ? "yes" : "no", rule.summary()});
        }
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], row[c].codePointCount(0, row[c].length()));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row[c]);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row[c].codePointCount(0, row[c].length()) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    public static void writeJson(List<ConfiguredRules.Entry> rules, PrintWriter out) {
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.writeStartObject();
            json.writeNumberField("version", 1);
            JsonOutput.writeTool(json);
            json.writeArrayFieldStart("rules");
            for (ConfiguredRules.Entry entry : rules) {
                RuleMetadata rule = entry.metadata();
                json.writeStartObject();
                json.writeStringField("id", rule.id());
                json.writeStringField("name", rule.name());
                json.writeStringField("category", rule.category().title());
                json.writeStringField("severity", rule.severity().label());
                json.writeBooleanField("enabled", entry.enabled());
                json.writeBooleanField("fixable", rule.isFixable());
                json.writeStringField("extract", rule.remedy().description());
                json.writeStringField("summary", rule.summary());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
