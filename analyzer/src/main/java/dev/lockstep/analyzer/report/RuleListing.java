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
        writeText(rules, out, Integer.MAX_VALUE);
    }

    /**
     * The table with each line at most {@code width} columns: a summary that does not fit
     * continues on the next lines, indented to the summary column.
     */
    public static void writeText(List<ConfiguredRules.Entry> rules, PrintWriter out, int width) {
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
        int indent = 0;
        for (int c = 0; c < columns - 1; c++) {
            indent += widths[c] + 2;
        }
        // A summary column narrower than this is no longer readable: wrap at 30 columns past it.
        int summaryWidth = Math.max(30, width - indent);
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns - 1; c++) {
                line.append(row[c]).append(" ".repeat(widths[c] - row[c].codePointCount(0, row[c].length()) + 2));
            }
            List<String> summary = wrap(row[columns - 1], summaryWidth);
            line.append(summary.get(0));
            out.println(line.toString().stripTrailing());
            for (String more : summary.subList(1, summary.size())) {
                out.println(" ".repeat(indent) + more);
            }
        }
        out.flush();
    }

    /** Words in lines of at most {@code width} code points (a longer word gets a line of its own). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            int length = line.codePointCount(0, line.length());
            if (length > 0 && length + 1 + word.codePointCount(0, word.length()) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
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
