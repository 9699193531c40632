package dev.lockstep.jobformat.hash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one definition of how Lockstep hashes a set of files (docs/job-format.md, "Hash
 * manifest"): a text with one line {@code <sha256 hex>  <path>\n} per regular file
 * (sha256sum's format), paths relative to a root with "/", sorted by their UTF-8 bytes; the
 * set's hash is the SHA-256 of that text's UTF-8 bytes.
 *
 * <p>A folder input's {@code sha256}, the job hash and a folder output's hash are all this
 * manifest's hash, so the extractor (which writes them) and the runtime (which checks them)
 * cannot disagree. UTF-8 byte order, not {@code String.compareTo} (UTF-16 code units): the two
 * differ for characters above U+FFFF, and byte order is what {@code LC_ALL=C sort} and every
 * other tool uses.
 */
public final class HashManifest {

  /** Relative paths in UTF-8 byte order. */
  public static final Comparator<String> PATH_ORDER =
      Comparator.comparing(path -> path.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

  private HashManifest() {}

  /** One line of a manifest: a file's path relative to the root, its SHA-256 and size. */
  public record Entry(String path, String sha256, long size) {
    public String line() {
      return sha256 + "  " + path + "\n";
    }
  }

  /** A file's SHA-256, or a folder's manifest hash. */
  public static String of(Path fileOrFolder) throws IOException {
    return Files.isDirectory(fileOrFolder) ? ofFolder(fileOrFolder) : Sha256.ofFile(fileOrFolder).sha256();
  }

  /** The manifest hash of every regular file under {@code folder}. */
  public static String ofFolder(Path folder) throws IOException {
    return hash(entries(folder));
  }

  /** Every regular file under {@code folder} (symbolic links to files are followed, to folders not), in path order. */
  public static List<Entry> entries(Path folder) throws IOException {
    return entries(folder, files(folder));
  }

  /** The given files, relative to {@code root} with "/", in path order. */
  public static List<Entry> entries(Path root, Collection<String> relativePaths) throws IOException {
    List<String> sorted = new ArrayList<>(relativePaths);
    sorted.sort(PATH_ORDER);
    List<Entry> entries = new ArrayList<>(sorted.size());
    for (String path : sorted) {
      Sha256.FileDigest digest = Sha256.ofFile(root.resolve(path));
      entries.add(new Entry(path, digest.sha256(), digest.size()));
    }
    return List.copyOf(entries);
  }

  /** The relative paths ("/"-separated) of every regular file under {@code folder}, in path order. */
  public static List<String> files(Path folder) throws IOException {
    List<String> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile).forEach(file -> paths.add(relative(folder, file)));
    }
    paths.sort(PATH_ORDER);
    return paths;
  }

  /** The manifest text. */
  public static String text(List<Entry> entries) {
    StringBuilder text = new StringBuilder();
    entries.stream().sorted(Comparator.comparing(Entry::path, PATH_ORDER)).forEach(entry -> text.append(entry.line()));
    return text.toString();
  }

  /** The SHA-256 of the manifest text. */
  public static String hash(List<Entry> entries) {
    return Sha256.of(text(entries).getBytes(StandardCharsets.UTF_8));
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}
