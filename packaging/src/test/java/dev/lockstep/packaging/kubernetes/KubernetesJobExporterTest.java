package dev.lockstep.packaging.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesJobExporterTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String DIGEST = "sha256:" + "9f".repeat(32);

  @TempDir Path job;

  private void job(String hardware, String secrets) throws Exception {
    Files.createDirectories(job.resolve("pipeline"));
    Files.writeString(job.resolve("pipeline/main.py"), "print(1)\n");
    Files.writeString(job.resolve("lockstep.yaml"), """
        version: 1
        source: {notebook: "LoRA Fine_tune.ipynb", sha256: "%s"}
        seed: 0
        inputs:
          train: {path: data/train.csv, sha256: "%s"}
          base_weights: {path: /models/base.safetensors, sha256: "%s"}
        outputs:
          adapter: {path: out/adapter.pt, compare: bytes}
        secrets: %s
        hardware: %s
        """.formatted("1".repeat(64), "2".repeat(64), "3".repeat(64), secrets, hardware));
    Files.writeString(job.resolve("lockstep.image.json"), """
        {"base": "x", "digest": "%s", "image": "registry.example:5000/ml/lora:v1", "imageId": "sha256:00",
         "inputs": {"base_weights": "/models/base.safetensors", "train": "/job/data/train.csv"},
         "labels": {"dev.lockstep.lock.sha256": "%s", "dev.lockstep.input.train": "/job/data/train.csv",
                    "org.opencontainers.image.title": "t"}}
        """.formatted(DIGEST, "4".repeat(64)));
  }

  private Job export(Map<String, String> inputs, Optional<String> secret) throws Exception {
    return new KubernetesJobExporter().export(new KubernetesJobExporter.Request(job, KubernetesJobExporter.defaultName(job),
        Optional.empty(), inputs, "lora-runs", secret, Optional.of("ml")));
  }

  @Test
  void aGpuJobWithInputsOutputsAndSecretsValidatesAgainstTheKubernetesSchema() throws Exception {
    job("{accelerator: cuda, count: 2}", "[HF_TOKEN, WANDB_API_KEY]");
    Job built = export(Map.of("train", "datasets/lora/train.csv", "base_weights", "models"), Optional.of("lora-secrets"));
    String yaml = KubernetesJobExporter.yaml(built);
    JsonNode manifest = YAML.readTree(yaml);

    assertThat(validate(manifest)).isEmpty();
    assertThat(manifest.at("/metadata/name").asText()).isEqualTo("lora-fine-tune");
    JsonNode container = manifest.at("/spec/template/spec/containers/0");
    assertThat(container.get("image").asText()).isEqualTo("registry.example:5000/ml/lora@" + DIGEST);
    assertThat(container.at("/resources/limits/nvidia.com~1gpu").asText()).isEqualTo("2");
    assertThat(manifest.at("/spec/template/spec/restartPolicy").asText()).isEqualTo("Never");
    assertThat(manifest.at("/spec/backoffLimit").asInt()).isZero();
    // inputs read-only from the named claims, at the paths the image checks
    assertThat(container.get("volumeMounts").findValuesAsText("mountPath"))
        .containsExactly("/models/base.safetensors", "/job/data/train.csv", "/job/runs", "/tmp");
    assertThat(container.at("/volumeMounts/1/subPath").asText()).isEqualTo("lora/train.csv");
    assertThat(container.at("/volumeMounts/1/readOnly").asBoolean()).isTrue();
    assertThat(manifest.at("/spec/template/spec/volumes/1/persistentVolumeClaim/claimName").asText()).isEqualTo("datasets");
    assertThat(manifest.at("/spec/template/spec/volumes/1/persistentVolumeClaim/readOnly").asBoolean()).isTrue();
    assertThat(manifest.at("/spec/template/spec/volumes/2/persistentVolumeClaim/claimName").asText()).isEqualTo("lora-runs");
    // secrets by reference only
    assertThat(java.util.stream.StreamSupport.stream(container.get("env").spliterator(), false).map(e -> e.get("name").asText()))
        .containsExactly("LOCKSTEP_IMAGE", "HF_TOKEN", "WANDB_API_KEY");
    assertThat(container.at("/env/1/valueFrom/secretKeyRef/name").asText()).isEqualTo("lora-secrets");
    assertThat(container.at("/env/1/valueFrom/secretKeyRef/key").asText()).isEqualTo("HF_TOKEN");
    assertThat(container.at("/env/1/value").isMissingNode()).isTrue();
    assertThat(manifest.at("/metadata/annotations/lockstep.dev~1lock.sha256").asText()).isEqualTo("4".repeat(64));
    // deterministic
    assertThat(KubernetesJobExporter.yaml(export(Map.of("train", "datasets/lora/train.csv", "base_weights", "models"),
        Optional.of("lora-secrets")))).isEqualTo(yaml);
  }

  @Test
  void aCpuJobAsksForNoGpuAndMissingVolumesOrSecretsAreNamed() throws Exception {
    job("{accelerator: cpu, count: 0}", "[HF_TOKEN]");
    assertThatThrownBy(() -> export(Map.of("train", "data"), Optional.empty()))
        .hasMessageContaining("input 'base_weights' has no volume")
        .hasMessageContaining("--secret NAME");
    assertThatThrownBy(() -> export(Map.of("train", "d", "base_weights", "m", "nope", "x"), Optional.of("s")))
        .hasMessageContaining("no input named 'nope'");
    JsonNode manifest = YAML.readTree(KubernetesJobExporter.yaml(export(Map.of("train", "d", "base_weights", "m"), Optional.of("s"))));
    assertThat(validate(manifest)).isEmpty();
    assertThat(manifest.at("/spec/template/spec/containers/0/resources").isMissingNode()).isTrue();
  }

  @Test
  void theStrictSchemaCatchesWhatKubernetesWouldRefuse() throws Exception {
    job("{accelerator: cpu, count: 0}", "[]");
    JsonNode good = YAML.readTree(KubernetesJobExporter.yaml(export(Map.of("train", "d", "base_weights", "m"), Optional.empty())));
    ObjectNode typo = good.deepCopy();
    ((ObjectNode) typo.at("/spec/template/spec")).put("restartPolicyy", "Never");
    assertThat(validate(typo)).isNotEmpty();
    ObjectNode wrongType = good.deepCopy();
    ((ObjectNode) wrongType.at("/spec")).put("backoffLimit", "zero");
    assertThat(validate(wrongType)).isNotEmpty();
    ObjectNode noKind = good.deepCopy();
    noKind.remove("kind");
    assertThat(validate(noKind)).isNotEmpty();
  }

  /**
   * The Kubernetes API schema as fabric8 ships it (kubernetes-model-batch 6.13.4,
   * schema/validation-schema.json, generated from the Kubernetes API types), made strict the way
   * kubeconform's "strict" schemas are: unknown fields are errors, draft-3 {@code required: true}
   * becomes draft-7 {@code required} lists, and Quantity and IntOrString take the form the
   * Kubernetes OpenAPI document gives them (a string; an integer or a string).
   */
  static Set<ValidationMessage> validate(JsonNode manifest) throws Exception {
    ObjectNode schema;
    try (InputStream in = Job.class.getResourceAsStream("/schema/validation-schema.json")) {
      assertThat(in).as("fabric8's schema/validation-schema.json").isNotNull();
      schema = (ObjectNode) new ObjectMapper().readTree(in);
    }
    schema.remove(List.of("id", "$schema", "$module", "properties", "resources", "type", "additionalProperties"));
    ObjectNode definitions = (ObjectNode) schema.get("definitions");
    definitions.set("k8s_io_apimachinery_pkg_api_resource_Quantity", new ObjectMapper().readTree("{\"type\": \"string\"}"));
    definitions.set("kubernetes_apimachinery_pkg_util_intstr_IntOrString",
        new ObjectMapper().readTree("{\"type\": [\"integer\", \"string\"]}"));
    strict(schema);
    schema.put("$ref", "#/definitions/kubernetes_batch_v1_Job");
    JsonSchema compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    return compiled.validate(manifest);
  }

  private static void strict(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode properties = object.get("properties");
      if (properties instanceof ObjectNode props && "object".equals(object.path("type").asText())) {
        ArrayNode required = object.putArray("required");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> property = it.next();
          if (property.getValue() instanceof ObjectNode p && p.path("required").isBoolean()) {
            if (p.get("required").asBoolean()) {
              required.add(property.getKey());
            }
            p.remove("required");
          }
        }
        if (required.isEmpty()) {
          object.remove("required");
        }
        object.put("additionalProperties", false);
      }
      object.forEach(KubernetesJobExporterTest::strict);
    } else if (node instanceof ArrayNode array) {
      array.forEach(KubernetesJobExporterTest::strict);
    }
  }
}
