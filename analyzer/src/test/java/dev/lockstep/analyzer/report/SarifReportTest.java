package dev.lockstep.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.analyzer.scan.BatchScanner;
import dev.lockstep.analyzer.scan.FindingFilter;
import dev.lockstep.analyzer.scan.NotebookFiles;
import dev.lockstep.analyzer.scan.ScanResult;
import dev.lockstep.analyzer.testing.RepoPaths;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    /** The OASIS SARIF 2.1.0 schema, vendored as a test resource (see schemas/README.md there). */
    private static InputStream schema() {
        InputStream in = SarifReportTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json");
        assertThat(in).as("the vendored SARIF schema on the test classpath").isNotNull();
        return in;
    }

    private static JsonNode sarifOf(List<String> paths) throws Exception {
        ScanResult result = new BatchScanner(RuleSet.defaults(), FindingFilter.NONE, 2).scan(NotebookFiles.expand(paths));
        StringWriter out = new StringWriter();
        SarifReport.write(result, out);
        return new ObjectMapper().readTree(out.toString());
    }

    private static Set<ValidationMessage> validate(JsonNode sarif) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        try (InputStream in = schema()) {
            JsonSchema schema = factory.getSchema(in);
            return schema.validate(sarif);
        }
    }

    @Test
    void scanOfEveryFixtureValidatesAgainstTheSarifSchema(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.ipynb");
        Files.writeString(broken, "{\"nbformat\": 4");
        JsonNode sarif = sarifOf(List.of(RepoPaths.testNotebooks().toString(), broken.toString()));
        assertThat(validate(sarif)).isEmpty();
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("results").size()).isGreaterThan(10);
        assertThat(run.get("invocations").get(0).get("toolExecutionNotifications")).hasSize(1);
    }

    @Test
    void resultsCarryRuleIndexLogicalCellAndCellPositionInProperties() throws Exception {
        Path fixture = RepoPaths.testNotebooks().resolve("rules/LS201/positive.ipynb");
        JsonNode sarif = sarifOf(List.of(fixture.toString()));
        JsonNode run = sarif.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        JsonNode result = null;
        for (JsonNode candidate : run.get("results")) {
            if (result == null && candidate.get("ruleId").asText().equals("LS201")) {
                result = candidate; // the first about a cell (a notebook-level finding such as LS408 may come first)
            }
        }
        assertThat(result).isNotNull();
        assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo("LS201");
        JsonNode properties = result.get("properties");
        assertThat(properties.get("cell").asInt()).isEqualTo(2);
        assertThat(properties.get("cellLine").asInt()).isEqualTo(1);
        assertThat(properties.get("cellColumn").asInt()).isEqualTo(18);
        assertThat(properties.get("rank").asInt()).isPositive();
        JsonNode location = result.get("locations").get(0);
        assertThat(location.get("logicalLocations").get(0).get("name").asText()).isEqualTo("cell 2");
        assertThat(run.get("columnKind").asText()).isEqualTo("unicodeCodePoints");
        // The region is in the .ipynb text: the line of cell 2's source string, not line 1 of the file.
        JsonNode region = location.get("physicalLocation").get("region");
        String fileLine = Files.readAllLines(fixture).get(region.get("startLine").asInt() - 1);
        assertThat(region.get("startLine").asInt()).isGreaterThan(1);
        assertThat(fileLine).contains(properties.get("sourceLine").asText().strip().replace("\"", "\\\""));
    }

    /**
     * A notebook with multi-line cells (sarif/multi-line-cells.ipynb), one with its source as a
     * list of strings and one as a single string, with non-ASCII text raw and escaped, a tab and
     * escaped quotes before the flagged text: every region must cover exactly the
     * flagged source text in the file (JSON-escaped), on the line that holds it.
     */
    @Test
    void regionsPointAtTheFlaggedTextInTheNotebookFile(@TempDir Path dir) throws Exception {
        // Copied out of the test resources: the results name it by path and SARIF reads it again.
        Path file = dir.resolve("multi-line-cells.ipynb");
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/multi-line-cells.ipynb")) {
            Files.copy(in, file);
        }
        String notebook = Files.readString(file);
        List<String> fileLines = Files.readAllLines(file);
        JsonNode sarif = sarifOf(List.of(file.toString()));
        assertThat(validate(sarif)).isEmpty();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode cells = mapper.readTree(notebook).get("cells");
        int checked = 0;
        for (JsonNode result : sarif.get("runs").get(0).get("results")) {
            JsonNode properties = result.get("properties");
            JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
            int cell = properties.get("cell").asInt();
            if (cell == 0 || properties.get("cellLine").asInt() != properties.get("cellEndLine").asInt()) {
                continue;
            }
            JsonNode source = cells.get(cell - 1).get("source");
            String cellText = source.isArray() ? String.join("", mapper.convertValue(source, String[].class)) : source.asText();
            String cellLine = cellText.split("\n", -1)[properties.get("cellLine").asInt() - 1];
            String flagged = codePoints(cellLine, properties.get("cellColumn").asInt(), properties.get("cellEndColumn").asInt());

            assertThat(region.get("endLine").asInt()).isEqualTo(region.get("startLine").asInt());
            String raw = codePoints(fileLines.get(region.get("startLine").asInt() - 1),
                    region.get("startColumn").asInt(), region.get("endColumn").asInt());
            assertThat(mapper.readValue("\"" + raw + "\"", String.class))
                    .as("%s at %s in the file", result.get("ruleId").asText(), region).isEqualTo(flagged);
            checked++;
        }
        List<JsonNode> paths = new java.util.ArrayList<>();
        sarif.get("runs").get(0).get("results").forEach(r -> {
            if (r.get("ruleId").asText().equals("LS201")) {
                paths.add(r);
            }
        });
        assertThat(paths).hasSize(2);
        JsonNode listCell = paths.get(0).get("locations").get(0).get("physicalLocation").get("region");
        assertThat(listCell.get("startLine").asInt()).isEqualTo(16); // the third string of cell 2's list
        assertThat(fileLines.get(15)).contains("/home/maria/data/train.csv");
        JsonNode stringCell = paths.get(1).get("locations").get(0).get("physicalLocation").get("region");
        assertThat(stringCell.get("startLine").asInt()).isEqualTo(25); // cell 3's single source string
        assertThat(fileLines.get(24)).contains("/home/maria/other.csv");
        assertThat(paths.get(1).get("properties").get("cellLine").asInt()).isEqualTo(3);
        assertThat(checked).as("single-line findings checked against the file").isGreaterThanOrEqualTo(2);
    }

    /** Code points {@code from} to {@code to} (1-based, exclusive end) of a line. */
    private static String codePoints(String line, int from, int to) {
        int start = line.offsetByCodePoints(0, from - 1);
        int end = line.offsetByCodePoints(0, Math.min(to - 1, line.codePointCount(0, line.length())));
        return line.substring(start, end);
    }
}
