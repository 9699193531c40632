package dev.lockstep.packaging.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.lockstep.packaging.lock.HfCache;
import dev.lockstep.packaging.lock.JobLocker;
import dev.lockstep.runtime.CallerContext;
import dev.lockstep.runtime.JobRunner;
import dev.lockstep.runtime.RunOutcome;
import dev.lockstep.runtime.RunRequest;
import dev.lockstep.jobformat.hash.Sha256;
import dev.lockstep.runtime.record.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a real NumPy job through the runtime and checks its provenance.json against a JSON
 * schema written from the in-toto Statement v1 and SLSA Provenance v1 specifications, and its
 * subjects against the files the run wrote.
 */
public class ProvenanceTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @TempDir Path temp;

  public static Path job(Path directory) throws Exception {
    Files.createDirectories(directory.resolve("pipeline"));
    Files.writeString(directory.resolve("data.csv"), "1,2,3\n4,5,6\n");
    Files.writeString(directory.resolve("lockstep.yaml"), """
        version: 1
        seed: 3
        params: {scale: 2.5}
        inputs:
          data: {path: data.csv, sha256: "%s"}
        outputs:
          weights: {path: out/weights.npy, compare: bytes}
          summary: {path: out/summary.json, compare: bytes}
        environment: {PYTHONHASHSEED: "0"}
        hardware: {accelerator: cpu, count: 0}
        python:
          imports: [json, numpy]
        """.formatted(Sha256.ofFile(directory.resolve("data.csv")).sha256()));
    Files.writeString(directory.resolve("pipeline/main.py"), """
        import json, os
        import numpy as np
        config = json.load(open(os.environ["LOCKSTEP_CONFIG"]))
        data = np.loadtxt(config["inputs"]["data"], delimiter=",")
        rng = np.random.default_rng(config["seed"])
        weights = data * config["params"]["scale"] + rng.standard_normal(data.shape)
        np.save(config["outputs"]["weights"], weights)
        with open(config["outputs"]["summary"], "w") as f:
            json.dump({"mean": float(weights.mean())}, f, sort_keys=True)
        print("trained", weights.shape)
        """);
    return directory;
  }

  private RunOutcome run(Path job, Map<String, String> extraEnvironment) throws Exception {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.putAll(extraEnvironment);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(sink, true, StandardCharsets.UTF_8);
    CallerContext caller = new CallerContext(stream, stream, environment, temp, Clock.systemUTC());
    RunOutcome outcome = new JobRunner(caller).run(RunRequest.of(job).withPython(PYTHON));
    assertThat(outcome.succeeded()).as(sink.toString(StandardCharsets.UTF_8)).isTrue();
    return outcome;
  }

  @Test
  void eachSuccessfulRunWritesAStatementThatMeetsTheSpecsAndNamesItsOutputsByDigest() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "needs Debian's /usr/bin/python3 with numpy (scripts/ensure-test-packages.sh)");
    Path job = job(temp.resolve("job"));
    new JobLocker().lock(new JobLocker.Request(job, Optional.of(PYTHON), new HfCache(temp.resolve("no-cache")), Map.of(),
        System.getenv()));
    String image = "registry.example/jobs/demo@sha256:" + "ab".repeat(32);

    RunOutcome first = run(job, Map.of("LOCKSTEP_IMAGE", image));
    RunOutcome second = run(job, Map.of("LOCKSTEP_IMAGE", image));

    Path file = first.runDirectory().resolve("provenance.json");
    JsonNode statement = CanonicalJson.mapper().readTree(file.toFile());
    assertThat(validate(statement)).isEmpty();

    // subjects: exactly the outputs, each digest that of the file on disk
    JsonNode subjects = statement.get("subject");
    assertThat(subjects).hasSize(2);
    for (JsonNode subject : subjects) {
      Path output = first.runDirectory().resolve(subject.get("name").asText());
      assertThat(subject.get("digest").get("sha256").asText()).isEqualTo(Sha256.ofFile(output).sha256());
    }
    assertThat(subjects.findValuesAsText("name")).containsExactly("out/summary.json", "out/weights.npy");

    JsonNode definition = statement.at("/predicate/buildDefinition");
    assertThat(definition.at("/externalParameters/seed").asLong()).isEqualTo(3);
    assertThat(definition.at("/externalParameters/params/scale").asDouble()).isEqualTo(2.5);
    List<String> uris = definition.get("resolvedDependencies").findValuesAsText("uri");
    String numpy = first.record().python().modules().get("numpy").version();
    assertThat(uris).contains("pkg:pypi/numpy@" + numpy, "oci://" + image);
    assertThat(definition.get("resolvedDependencies").findValuesAsText("name")).contains("input:data", "lockstep.lock", "job");
    assertThat(statement.at("/predicate/runDetails/metadata/invocationId").asText()).isEqualTo(first.runId());

    // deterministic apart from what must vary: run id and times
    assertThat(withoutMetadata(second.runDirectory().resolve("provenance.json")))
        .isEqualTo(withoutMetadata(file));
  }

  @Test
  void theSchemaRejectsWhatTheSpecsForbid() throws Exception {
    JsonNode good = CanonicalJson.mapper().readTree("""
        {"_type": "https://in-toto.io/Statement/v1",
         "subject": [{"name": "a", "digest": {"sha256": "%s"}}],
         "predicateType": "https://slsa.dev/provenance/v1",
         "predicate": {"buildDefinition": {"buildType": "https://x.example/t", "externalParameters": {}},
                       "runDetails": {"builder": {"id": "https://x.example/b"}}}}
        """.formatted("0".repeat(64)));
    assertThat(validate(good)).isEmpty();
    assertThat(validate(without(good, "/subject/0", "digest"))).isNotEmpty();
    assertThat(validate(without(good, "/predicate/runDetails/builder", "id"))).isNotEmpty();
    assertThat(validate(without(good, "/predicate/buildDefinition", "externalParameters"))).isNotEmpty();
    ObjectNode badDigest = good.deepCopy();
    ((ObjectNode) badDigest.at("/subject/0/digest")).put("sha256", "ABC");
    assertThat(validate(badDigest)).isNotEmpty();
    ObjectNode badType = good.deepCopy();
    badType.put("_type", "https://in-toto.io/Statement/v0.1");
    assertThat(validate(badType)).isNotEmpty();
  }

  private static JsonNode without(JsonNode node, String pointer, String field) {
    JsonNode copy = node.deepCopy();
    ((ObjectNode) copy.at(pointer)).remove(field);
    return copy;
  }

  private static String withoutMetadata(Path file) throws Exception {
    JsonNode node = CanonicalJson.mapper().readTree(file.toFile());
    ((ObjectNode) node.at("/predicate/runDetails")).remove("metadata");
    return node.toString();
  }

  static Set<ValidationMessage> validate(JsonNode statement) throws Exception {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = ProvenanceTest.class.getResourceAsStream("/schemas/in-toto-statement-v1-slsa-provenance-v1.schema.json")) {
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
      return schema.validate(statement);
    }
  }
}
