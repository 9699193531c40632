package dev.lockstep.packaging.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.lockstep.packaging.JobSpecs;
import dev.lockstep.packaging.PackagingException;
import dev.lockstep.packaging.image.ImageBuilder;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.jobformat.HardwareSpec;
import dev.lockstep.jobformat.JobSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code lockstep export DIR --kubernetes}: a Kubernetes {@code batch/v1 Job} that runs the built
 * image by digest, built with fabric8's Kubernetes model (not strings). Resources come from the
 * hardware shape ({@code nvidia.com/gpu: N} for {@code cuda}); each input is mounted read-only
 * from a PersistentVolumeClaim the user names, at the path the image expects (so the runtime
 * still checks its sha256); {@code /job/runs} is an output claim; each secret is an environment
 * variable from one named Secret, by key, never by value. {@code LOCKSTEP_IMAGE} carries the
 * image digest into the run's provenance. One pod: a multi-GPU shape is one pod with that many
 * GPUs (multi-node training needs more; see docs/containers.md).
 */
public final class KubernetesJobExporter {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern IMAGE_REPOSITORY = Pattern.compile("[^\\s@]+");

  /**
   * @param repository where the image was pushed ({@code registry/name}, tag ignored); empty: the
   *     one {@code lockstep build --to registry:} recorded
   * @param inputClaims input name -> {@code CLAIM} or {@code CLAIM/SUB/PATH} (the file inside the claim)
   * @param outputClaim the claim mounted at /job/runs
   * @param secretName the Secret holding each of lockstep.yaml's secrets under its own name
   */
  public record Request(Path jobDirectory, String name, java.util.Optional<String> repository, Map<String, String> inputClaims,
      String outputClaim, java.util.Optional<String> secretName, java.util.Optional<String> namespace) {}

  public Job export(Request request) throws PackagingException {
    Path job = request.jobDirectory();
    JobSpec spec = JobSpecs.load(job);
    JsonNode image = imageRecord(job);
    String digest = image.path("digest").asText();
    String repository = request.repository().orElseGet(() -> {
      String built = image.path("image").asText();
      return built.startsWith("tar:") ? null : built;
    });
    if (repository == null) {
      throw PackagingException.usage("the image was built to a tar (" + image.path("image").asText()
          + "): pass --image REGISTRY/NAME, where it was pushed (its digest " + digest + " is kept)");
    }
    if (!IMAGE_REPOSITORY.matcher(repository).matches()) {
      throw PackagingException.usage("--image " + repository + ": expected REGISTRY/NAME[:TAG] without a digest");
    }
    String imageByDigest = withoutTag(repository) + "@" + digest;

    List<String> problems = new ArrayList<>();
    String name = request.name();
    if (name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
      problems.add("--name " + name + ": a Kubernetes name is lowercase letters, digits and '-', at most 63 characters");
    }
    Map<String, String> inputPaths = new TreeMap<>();
    image.path("inputs").properties().forEach(entry -> inputPaths.put(entry.getKey(), entry.getValue().asText()));
    for (String input : inputPaths.keySet()) {
      if (!request.inputClaims().containsKey(input)) {
        problems.add("input '" + input + "' has no volume: pass --input " + input + "=CLAIM[/PATH/IN/CLAIM]");
      }
    }
    for (String given : request.inputClaims().keySet()) {
      if (!inputPaths.containsKey(given)) {
        problems.add("--input " + given + ": the job has no input named '" + given + "' (inputs: " + String.join(", ", inputPaths.keySet()) + ")");
      }
    }
    if (!spec.secrets().isEmpty() && request.secretName().isEmpty()) {
      problems.add("the job needs secrets " + String.join(", ", spec.secrets()) + ": pass --secret NAME, a Secret with one key per variable");
    }
    if (!problems.isEmpty()) {
      throw PackagingException.usage(String.join("\n", problems));
    }

    List<Volume> volumes = new ArrayList<>();
    List<VolumeMount> mounts = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, String> input : inputPaths.entrySet()) {
      String claimAndPath = request.inputClaims().get(input.getKey());
      int slash = claimAndPath.indexOf('/');
      String claim = slash < 0 ? claimAndPath : claimAndPath.substring(0, slash);
      String subPath = slash < 0 ? null : claimAndPath.substring(slash + 1);
      String volume = "input-" + index++;
      volumes.add(new VolumeBuilder().withName(volume).withNewPersistentVolumeClaim(claim, true).build());
      mounts.add(new VolumeMountBuilder().withName(volume).withMountPath(input.getValue()).withSubPath(subPath)
          .withReadOnly(true).build());
    }
    volumes.add(new VolumeBuilder().withName("runs").withNewPersistentVolumeClaim(request.outputClaim(), false).build());
    mounts.add(new VolumeMountBuilder().withName("runs").withMountPath(ImageBuilder.JOB + "/runs").build());
    volumes.add(new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build());
    mounts.add(new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build());

    List<EnvVar> environment = new ArrayList<>();
    environment.add(new EnvVar("LOCKSTEP_IMAGE", imageByDigest, null));
    for (String secret : spec.secrets()) {
      environment.add(new EnvVarBuilder().withName(secret).withNewValueFrom()
          .withNewSecretKeyRef(secret, request.secretName().get(), false).endValueFrom().build());
    }

    ContainerBuilder container = new ContainerBuilder()
        .withName("job")
        .withImage(imageByDigest)
        .withImagePullPolicy("IfNotPresent")
        .withEnv(environment)
        .withVolumeMounts(mounts)
        .withNewSecurityContext()
          .withAllowPrivilegeEscalation(false)
          .withReadOnlyRootFilesystem(true)
        .endSecurityContext();
    HardwareSpec hardware = spec.hardware().orElse(null);
    if (hardware != null && hardware.accelerator() == HardwareSpec.Accelerator.CUDA && hardware.count() > 0) {
      Quantity gpus = new Quantity(Integer.toString(hardware.count()));
      container.withNewResources().addToLimits("nvidia.com/gpu", gpus).endResources();
    }
    Container built = container.build();

    Map<String, String> labels = new TreeMap<>();
    labels.put("app.kubernetes.io/name", name);
    labels.put("app.kubernetes.io/managed-by", "lockstep");
    Map<String, String> annotations = new TreeMap<>();
    image.path("labels").properties().forEach(label -> {
      if (label.getKey().startsWith("dev.lockstep.") && !label.getKey().startsWith("dev.lockstep.input.")) {
        annotations.put("lockstep.dev/" + label.getKey().substring("dev.lockstep.".length()), label.getValue().asText());
      }
    });
    annotations.put("lockstep.dev/image", imageByDigest);

    return new JobBuilder()
        .withNewMetadata()
          .withName(name)
          .withNamespace(request.namespace().orElse(null))
          .withLabels(labels)
          .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
          .withBackoffLimit(0) // a deterministic job that failed fails again the same way
          .withNewTemplate()
            .withNewMetadata().withLabels(labels).endMetadata()
            .withNewSpec()
              .withRestartPolicy("Never")
              .withContainers(built)
              .withVolumes(volumes)
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }

  /** YAML with keys in the model's order and maps sorted: the same job gives the same bytes. */
  public static String yaml(Job job) {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        // a string of digits ("2" GPUs, an all-digit hash) must stay a string, as Kubernetes requires
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    try {
      return mapper.writeValueAsString(job);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a Kubernetes model always serializes", e);
    }
  }

  /** A default Job name from the notebook's name: lowercase, '-' for anything else, 63 at most. */
  public static String defaultName(Path jobDirectory) throws PackagingException {
    JobSpec spec = JobSpecs.load(jobDirectory);
    String base = spec.source().map(s -> s.notebook().replaceAll("\\.ipynb$", ""))
        .orElse(jobDirectory.toAbsolutePath().normalize().getFileName().toString());
    String name = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    name = name.isEmpty() ? "job" : name;
    return name.length() > 63 ? name.substring(0, 63).replaceAll("-+$", "") : name;
  }

  private static JsonNode imageRecord(Path job) throws PackagingException {
    Path file = job.resolve(ImageBuilder.IMAGE_RECORD);
    if (!Files.isRegularFile(file)) {
      throw PackagingException.usage(file + " not found: build the image first (lockstep build " + job + " --to registry:REF)");
    }
    try {
      return CanonicalJson.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw PackagingException.usage(file + ": unreadable: " + e.getMessage());
    }
  }

  private static String withoutTag(String reference) {
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    return colon > slash ? reference.substring(0, colon) : reference;
  }
}
