package dev.lockstep.packaging.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Small docker-save tars made in the test, layer by layer: path -> content (null: a directory; "->x": a symlink). */
final class TestImages {

  private TestImages() {}

  static Path dockerSave(Path file, List<Map<String, String>> layers) throws IOException {
    List<String> layerNames = new ArrayList<>();
    Map<String, byte[]> blobs = new LinkedHashMap<>();
    List<String> diffIds = new ArrayList<>();
    for (Map<String, String> layer : layers) {
      byte[] bytes = tar(layer);
      String digest = sha256(bytes);
      layerNames.add(digest + "/layer.tar");
      blobs.put(digest + "/layer.tar", bytes);
      diffIds.add("\"sha256:" + digest + "\"");
    }
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
        + String.join(",", diffIds) + "]}}").getBytes(StandardCharsets.UTF_8);
    String configName = sha256(config) + ".json";
    StringBuilder manifest = new StringBuilder("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"test/base:1\"],\"Layers\":[");
    for (int i = 0; i < layerNames.size(); i++) {
      manifest.append(i == 0 ? "" : ",").append('"').append(layerNames.get(i)).append('"');
    }
    manifest.append("]}]");
    try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      put(tar, configName, config);
      for (Map.Entry<String, byte[]> blob : blobs.entrySet()) {
        put(tar, blob.getKey(), blob.getValue());
      }
      put(tar, "manifest.json", manifest.toString().getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static byte[] tar(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, String> file : files.entrySet()) {
        if (file.getValue() == null) {
          TarArchiveEntry entry = new TarArchiveEntry(file.getKey() + "/");
          tar.putArchiveEntry(entry);
          tar.closeArchiveEntry();
        } else if (file.getValue().startsWith("->")) {
          TarArchiveEntry entry = new TarArchiveEntry(file.getKey(), TarArchiveEntry.LF_SYMLINK);
          entry.setLinkName(file.getValue().substring(2));
          tar.putArchiveEntry(entry);
          tar.closeArchiveEntry();
        } else {
          put(tar, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return bytes.toByteArray();
  }

  private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pkgInfo(String name, String version) {
    return "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\nSummary: x\n\nName: not-this\n";
  }

  /** A wheel: the files plus a RECORD with each file's urlsafe-base64 sha256 and size, as pip expects. */
  static Path wheel(Path file, Map<String, String> files) throws IOException {
    StringBuilder record = new StringBuilder();
    String distInfo = null;
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, String> entry : files.entrySet()) {
        byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
        zip.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
        zip.write(content);
        zip.closeEntry();
        byte[] digest;
        try {
          digest = MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
        record.append(entry.getKey()).append(",sha256=")
            .append(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest)).append(',').append(content.length).append('\n');
        if (entry.getKey().contains(".dist-info/")) {
          distInfo = entry.getKey().substring(0, entry.getKey().indexOf('/'));
        }
      }
      record.append(distInfo).append("/RECORD,,\n");
      zip.putNextEntry(new java.util.zip.ZipEntry(distInfo + "/RECORD"));
      zip.write(record.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }
}
