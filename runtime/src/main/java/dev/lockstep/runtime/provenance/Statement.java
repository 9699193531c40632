package dev.lockstep.runtime.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An in-toto Statement v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md)
 * whose predicate is SLSA Provenance v1 (https://slsa.dev/spec/v1.0/provenance). Field names are
 * the specifications' own; absent optional fields are left out rather than written as null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Statement(
    @JsonProperty("_type") String type,
    List<ResourceDescriptor> subject,
    String predicateType,
    Provenance predicate) {

  public static final String TYPE = "https://in-toto.io/Statement/v1";
  public static final String SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";

  /** in-toto ResourceDescriptor: at least one of uri, digest, content is set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ResourceDescriptor(String name, String uri, Map<String, String> digest, Map<String, Object> annotations) {}

  public record Provenance(BuildDefinition buildDefinition, RunDetails runDetails) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BuildDefinition(String buildType, Map<String, Object> externalParameters,
      Map<String, Object> internalParameters, List<ResourceDescriptor> resolvedDependencies) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RunDetails(Builder builder, Metadata metadata) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Builder(String id, Map<String, String> version) {}

  /** RFC 3339 timestamps; the only fields, with invocationId, that differ between two equal runs. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Metadata(String invocationId, String startedOn, String finishedOn) {}
}
