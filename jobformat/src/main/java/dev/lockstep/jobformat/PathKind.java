package dev.lockstep.jobformat;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether an input or output is one file or a folder of files. A folder is hashed and compared
 * through its {@link dev.lockstep.jobformat.hash.HashManifest}: file by file.
 */
public enum PathKind {
  FILE,
  FOLDER;

  /** As written in lockstep.yaml: {@code file} or {@code folder}. */
  public String yaml() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PathKind> fromYaml(String text) {
    for (PathKind kind : values()) {
      if (kind.yaml().equals(text)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
