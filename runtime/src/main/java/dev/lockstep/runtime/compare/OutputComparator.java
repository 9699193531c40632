package dev.lockstep.runtime.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.runtime.compare.tensors.NpyReader;
import dev.lockstep.runtime.compare.tensors.NpzReader;
import dev.lockstep.runtime.compare.tensors.SafetensorsReader;
import dev.lockstep.runtime.compare.tensors.TensorFormatException;
import dev.lockstep.jobformat.hash.Sha256;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.jobformat.ComparePolicy;
import dev.lockstep.jobformat.OutputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Compares one declared output of two runs under its policy. Files are hashed from disk, so a
 * file edited after its run was recorded is caught rather than compared as if it were the run's.
 */
final class OutputComparator {

  private OutputComparator() {}

  /** Reads a pair of files of one format into something {@link #compareNumerically} can walk. */
  private interface FormatReader {
    NumericDifferences compare(Path baseline, Path candidate, ComparePolicy.Tolerance tolerance)
        throws IOException, TensorFormatException;
  }

  static OutputVerdict compare(OutputSpec output, StoredOutput baseline, StoredOutput candidate) {
    String name = output.name();
    String baselineProblem = baseline.problem();
    String candidateProblem = candidate.problem();
    if (baselineProblem != null || candidateProblem != null) {
      return OutputVerdict.different(name, baselineProblem != null ? "baseline run: " + baselineProblem
          : "candidate run: " + candidateProblem);
    }
    if (baseline.sha256().equals(candidate.sha256())) {
      return OutputVerdict.identical(name);
    }
    if (output.isFolder()) {
      return FolderComparator.compare(name, baseline.file(), candidate.file(), output.compare());
    }
    if (output.compare() instanceof ComparePolicy.Tolerance tolerance) {
      return compareNumerically(name, baseline.file(), candidate.file(), tolerance);
    }
    return OutputVerdict.different(name, "bytes differ: sha256 " + Sha256.abbreviate(candidate.sha256(), 12)
        + " (" + candidate.size() + " bytes) vs " + Sha256.abbreviate(baseline.sha256(), 12) + " (" + baseline.size() + " bytes)");
  }

  /** One file of two runs under a policy: a tolerance applies only to the formats read numerically. */
  static OutputVerdict compareFiles(String name, Path baseline, Path candidate, ComparePolicy policy) throws IOException {
    Sha256.FileDigest b = Sha256.ofFile(baseline);
    Sha256.FileDigest c = Sha256.ofFile(candidate);
    if (b.sha256().equals(c.sha256())) {
      return OutputVerdict.identical(name);
    }
    if (policy instanceof ComparePolicy.Tolerance tolerance && readerFor(candidate) != null) {
      return compareNumerically(name, baseline, candidate, tolerance);
    }
    return OutputVerdict.different(name, "bytes differ: sha256 " + Sha256.abbreviate(c.sha256(), 12) + " (" + c.size()
        + " bytes) vs " + Sha256.abbreviate(b.sha256(), 12) + " (" + b.size() + " bytes)");
  }

  private static OutputVerdict compareNumerically(String name, Path baseline, Path candidate, ComparePolicy.Tolerance tolerance) {
    FormatReader reader = readerFor(candidate);
    if (reader == null) {
      return OutputVerdict.different(name, "bytes differ, and " + candidate.getFileName()
          + " is not a format compared numerically (" + String.join(", ", ComparePolicy.Tolerance.NUMERIC_EXTENSIONS) + ")");
    }
    try {
      return reader.compare(baseline, candidate, tolerance).verdict(name);
    } catch (TensorFormatException e) {
      return OutputVerdict.different(name, "bytes differ, and the files cannot be compared numerically: " + e.getMessage());
    } catch (IOException e) {
      return OutputVerdict.different(name, "cannot read: " + e.getMessage());
    }
  }

  private static FormatReader readerFor(Path file) {
    String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (fileName.endsWith(".npy")) {
      return (b, c, t) -> TensorComparator.compare(NpyReader.read(b), NpyReader.read(c), t, "array");
    }
    if (fileName.endsWith(".npz")) {
      return (b, c, t) -> TensorComparator.compare(NpzReader.read(b), NpzReader.read(c), t, "array");
    }
    if (fileName.endsWith(".safetensors")) {
      return (b, c, t) -> TensorComparator.compare(SafetensorsReader.read(b), SafetensorsReader.read(c), t, "tensor");
    }
    if (fileName.endsWith(".json")) {
      return (b, c, t) -> JsonComparator.compare(readJson(b), readJson(c), t);
    }
    return null;
  }

  private static JsonNode readJson(Path file) throws TensorFormatException {
    try {
      JsonNode node = CanonicalJson.mapper().readTree(file.toFile());
      if (node == null || node.isMissingNode()) {
        throw new TensorFormatException(file.getFileName() + " is empty");
      }
      return node;
    } catch (IOException e) {
      throw new TensorFormatException(file.getFileName() + " is not valid JSON: " + e.getMessage());
    }
  }

  /**
   * One run's copy of an output, checked against its record.
   *
   * @param problem why it cannot be compared (missing, changed since recorded); null when fine
   */
  record StoredOutput(Path file, String sha256, long size, String problem) {

    static StoredOutput of(Path runDirectory, String recordedPath, String recordedSha256, boolean folder) {
      if (recordedPath == null || recordedSha256 == null) {
        return new StoredOutput(null, null, 0, "the output was not produced");
      }
      Path file = runDirectory.resolve(recordedPath);
      if (folder) {
        return folder(file, recordedPath, recordedSha256);
      }
      if (!Files.isRegularFile(file)) {
        return new StoredOutput(file, null, 0, recordedPath + " has been deleted since the run");
      }
      try {
        Sha256.FileDigest digest = Sha256.ofFile(file);
        if (!digest.sha256().equals(recordedSha256)) {
          return new StoredOutput(file, null, 0, recordedPath + " has changed since the run was recorded (sha256 "
              + Sha256.abbreviate(digest.sha256(), 12) + ", recorded " + Sha256.abbreviate(recordedSha256, 12) + ")");
        }
        return new StoredOutput(file, digest.sha256(), digest.size(), null);
      } catch (IOException e) {
        return new StoredOutput(file, null, 0, "cannot read " + recordedPath + ": " + e.getMessage());
      }
    }

    private static StoredOutput folder(Path folder, String recordedPath, String recordedSha256) {
      if (!Files.isDirectory(folder)) {
        return new StoredOutput(folder, null, 0, recordedPath + " has been deleted since the run");
      }
      try {
        var entries = dev.lockstep.jobformat.hash.HashManifest.entries(folder);
        String sha256 = dev.lockstep.jobformat.hash.HashManifest.hash(entries);
        if (!sha256.equals(recordedSha256)) {
          return new StoredOutput(folder, null, 0, recordedPath + " has changed since the run was recorded (manifest sha256 "
              + Sha256.abbreviate(sha256, 12) + ", recorded " + Sha256.abbreviate(recordedSha256, 12) + ")");
        }
        return new StoredOutput(folder, sha256, entries.stream().mapToLong(e -> e.size()).sum(), null);
      } catch (IOException e) {
        return new StoredOutput(folder, null, 0, "cannot read " + recordedPath + ": " + e.getMessage());
      }
    }
  }
}
