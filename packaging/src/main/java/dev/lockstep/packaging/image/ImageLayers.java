package dev.lockstep.packaging.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.runtime.record.CanonicalJson;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The layers of a docker-save tar in manifest order, with their stored (compressed) sizes: what `build` reports. */
public final class ImageLayers {

  public record Layer(String file, long size) {}

  private ImageLayers() {}

  public static List<Layer> read(Path dockerSaveTar) throws IOException {
    JsonNode manifest = null;
    Map<String, Long> sizes = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(dockerSaveTar)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.getName().equals("manifest.json")) {
          manifest = CanonicalJson.mapper().readTree(tar.readAllBytes());
        } else {
          sizes.put(entry.getName(), entry.getSize());
        }
      }
    }
    List<Layer> layers = new ArrayList<>();
    if (manifest != null && manifest.size() == 1) {
      for (JsonNode layer : manifest.get(0).path("Layers")) {
        layers.add(new Layer(layer.asText(), sizes.getOrDefault(layer.asText(), -1L)));
      }
    }
    return layers;
  }
}
