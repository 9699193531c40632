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

    private static Path schemaFile() {
        Path schema = RepoPaths.root().resolveSibling("shared").resolve("schemas/sarif-schema-2.1.0.json");
        assertThat(schema).as("the team's SARIF schema beside the repository").exists();
        return schema;
    }

    private static JsonNode sarifOf(List<String> paths) throws Exception {
        ScanResult result = new BatchScanner(RuleSet.defaults(), FindingFilter.NONE, 2).scan(NotebookFiles.expand(paths));
        StringWriter out = new StringWriter();
        SarifReport.write(result, out);
        return new ObjectMapper().readTree(out.toString());
    }

    private static Set<ValidationMessage> validate(JsonNode sarif) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        try (InputStream in = Files.newInputStream(schemaFile())) {
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
    void resultsCarryCellRegionAndRuleIndex() throws Exception {
        JsonNode sarif = sarifOf(List.of(RepoPaths.testNotebooks().resolve("rules/LS201/positive.ipynb").toString()));
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
        assertThat(result.get("properties").get("rank").asInt()).isPositive();
        assertThat(result.get("properties").get("cell").asInt()).isEqualTo(2);
        JsonNode location = result.get("locations").get(0);
        assertThat(location.get("logicalLocations").get(0).get("name").asText()).isEqualTo("cell 2");
        JsonNode region = location.get("physicalLocation").get("region");
        assertThat(region.get("startLine").asInt()).isEqualTo(1);
        assertThat(region.get("startColumn").asInt()).isEqualTo(18);
        assertThat(run.get("columnKind").asText()).isEqualTo("unicodeCodePoints");
    }
}
