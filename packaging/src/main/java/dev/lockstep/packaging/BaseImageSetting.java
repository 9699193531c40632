package dev.lockstep.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lockstep.jobformat.JobLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * lockstep.yaml's {@code image.base}: the base image the job's container is built on, pinned by
 * digest ({@code registry/name@sha256:<64 hex>}, a tag before the digest is allowed and ignored
 * by registries). The runtime accepts the {@code image} key and leaves it to packaging.
 */
public final class BaseImageSetting {

  private static final Pattern PINNED = Pattern.compile("[^\\s@]+@sha256:[0-9a-f]{64}");

  private BaseImageSetting() {}

  /** @return the reference, or empty when lockstep.yaml names no base image */
  public static Optional<String> read(Path jobDirectory) throws PackagingException {
    Path file = jobDirectory.resolve(JobLayout.CONFIG);
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw PackagingException.usage(file + ": cannot read: " + e.getMessage());
    }
    JsonNode base = root == null ? null : root.path("image").get("base");
    if (base == null || base.isNull()) {
      return Optional.empty();
    }
    String reference = base.asText();
    if (!PINNED.matcher(reference).matches()) {
      throw PackagingException.usage(file + ": image.base: '" + reference
          + "' is not pinned by digest: write REGISTRY/NAME@sha256:<64 hex digits>");
    }
    return Optional.of(reference);
  }
}
