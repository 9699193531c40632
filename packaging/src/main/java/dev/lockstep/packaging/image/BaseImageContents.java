package dev.lockstep.packaging.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.packaging.PackagingException;
import dev.lockstep.jobformat.hash.Sha256;
import dev.lockstep.runtime.record.CanonicalJson;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * What a base image in {@code docker save} form holds that matters to a Python job: the Python
 * distributions installed in its {@code site-packages}/{@code dist-packages} folders (from each
 * {@code *.dist-info/METADATA} and Debian's {@code *.egg-info/PKG-INFO}), the {@code python3.N}
 * library folders, and whether {@code /usr/bin/python3} exists. Layers are applied in manifest
 * order, whiteouts ({@code .wh.NAME}) included, so a package a later layer removes is gone.
 *
 * @param configDigest sha256 of the image's config file: the image id, stable for one image
 * @param repoTags the names {@code docker save} recorded
 * @param packages installed distributions by normalized name (PEP 503)
 * @param pythonVersions {@code 3.11} for each {@code usr/lib/python3.11} folder
 */
public record BaseImageContents(String configDigest, List<String> repoTags, Map<String, InstalledPackage> packages,
    List<String> pythonVersions, boolean hasPython3) {

  /** One installed distribution: its own spelling of the name, its version, where its metadata is. */
  public record InstalledPackage(String name, String version, String metadataPath) {}

  private static final Pattern METADATA = Pattern.compile(
      "(?:(?:usr/(?:local/)?lib|opt/[^/]+/lib)/python3(?:\\.\\d+)?/(?:site|dist)-packages|opt/lockstep/python)"
          + "/([^/]+)\\.(dist-info/METADATA|egg-info/PKG-INFO|egg-info)"); // the last: a Lockstep image's --wheels layer
  private static final Pattern PYTHON_LIBRARY = Pattern.compile("usr/(?:local/)?lib/python(3\\.\\d+)/?");

  public static BaseImageContents read(Path dockerSaveTar) throws PackagingException {
    try {
      JsonNode manifest = null;
      String configName = null;
      try (TarArchiveInputStream outer = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(dockerSaveTar)))) {
        for (TarArchiveEntry entry = outer.getNextEntry(); entry != null; entry = outer.getNextEntry()) {
          if (entry.getName().equals("manifest.json")) {
            manifest = CanonicalJson.mapper().readTree(outer.readAllBytes());
          }
        }
      }
      if (manifest == null || !manifest.isArray() || manifest.size() != 1) {
        throw PackagingException.usage(dockerSaveTar + ": not a docker-save tar of one image (no manifest.json with one entry);"
            + " make one with `podman save --format docker-archive` or `docker save`");
      }
      configName = manifest.get(0).path("Config").asText();
      List<String> layerNames = new ArrayList<>();
      manifest.get(0).path("Layers").forEach(layer -> layerNames.add(layer.asText()));
      List<String> tags = new ArrayList<>();
      manifest.get(0).path("RepoTags").forEach(tag -> tags.add(tag.asText()));

      Map<String, List<Change>> changesByLayer = new HashMap<>();
      String configDigest = null;
      try (TarArchiveInputStream outer = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(dockerSaveTar)))) {
        for (TarArchiveEntry entry = outer.getNextEntry(); entry != null; entry = outer.getNextEntry()) {
          if (entry.getName().equals(configName)) {
            configDigest = Sha256.of(outer.readAllBytes());
          } else if (layerNames.contains(entry.getName())) {
            changesByLayer.put(entry.getName(), scanLayer(outer));
          }
        }
      }
      Map<String, Change> files = new TreeMap<>();
      for (String layer : layerNames) {
        List<Change> changes = changesByLayer.get(layer);
        if (changes == null) {
          throw PackagingException.usage(dockerSaveTar + ": layer " + layer + " named in manifest.json is missing");
        }
        for (Change change : changes) {
          if (change.whiteout()) {
            files.keySet().removeIf(path -> path.equals(change.path()) || path.startsWith(change.path() + "/"));
          } else {
            files.put(change.path(), change);
          }
        }
      }
      Map<String, InstalledPackage> packages = new TreeMap<>();
      TreeSet<String> versions = new TreeSet<>();
      boolean python3 = false;
      for (Change change : files.values()) {
        if (change.python3()) {
          python3 = true;
        }
        if (change.pythonVersion() != null) {
          versions.add(change.pythonVersion());
        }
        if (change.installed() != null) {
          packages.put(normalize(change.installed().name()), change.installed());
        }
      }
      return new BaseImageContents(configDigest == null ? null : "sha256:" + configDigest, tags, packages,
          List.copyOf(versions), python3);
    } catch (IOException e) {
      throw PackagingException.usage(dockerSaveTar + ": cannot read as a docker-save tar: " + e.getMessage());
    }
  }

  /** PEP 503: lowercase, runs of -, _ and . as one -. */
  public static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  private record Change(String path, boolean whiteout, InstalledPackage installed, String pythonVersion, boolean python3) {}

  private static List<Change> scanLayer(InputStream layerStream) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(layerStream);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    InputStream raw = first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered) : buffered;
    List<Change> changes = new ArrayList<>();
    TarArchiveInputStream layer = new TarArchiveInputStream(raw); // not closed: that would close the outer tar
    for (TarArchiveEntry entry = layer.getNextEntry(); entry != null; entry = layer.getNextEntry()) {
      String path = entry.getName();
      while (path.startsWith("./") || path.startsWith("/")) {
        path = path.substring(path.startsWith("./") ? 2 : 1);
      }
      if (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (name.startsWith(".wh.")) {
        String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        if (name.equals(".wh..wh..opq")) {
          changes.add(new Change(parent.isEmpty() ? "" : parent.substring(0, parent.length() - 1), true, null, null, false));
        } else {
          changes.add(new Change(parent + name.substring(4), true, null, null, false));
        }
        continue;
      }
      InstalledPackage installed = null;
      Matcher metadata = METADATA.matcher(path);
      if (metadata.matches() && entry.isFile()) {
        installed = parse(new String(layer.readAllBytes(), StandardCharsets.UTF_8), path);
      }
      Matcher library = PYTHON_LIBRARY.matcher(path);
      String version = library.matches() && entry.isDirectory() ? library.group(1) : null;
      boolean python3 = path.equals("usr/bin/python3") && (entry.isFile() || entry.isSymbolicLink());
      changes.add(new Change(path, false, installed, version, python3));
    }
    return changes;
  }

  private static InstalledPackage parse(String metadata, String path) {
    String name = null;
    String version = null;
    for (String line : metadata.split("\r?\n")) {
      if (line.isEmpty()) {
        break; // the headers end at the first blank line; the description follows
      }
      if (name == null && line.startsWith("Name:")) {
        name = line.substring(5).strip();
      } else if (version == null && line.startsWith("Version:")) {
        version = line.substring(8).strip();
      }
    }
    return name == null || version == null ? null : new InstalledPackage(name, version, "/" + path);
  }
}
