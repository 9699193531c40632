package dev.lockstep.jobformat;

/**
 * A file or folder the job writes.
 *
 * @param path relative, normalized, resolved per run under {@code runs/<run-id>/}
 * @param kind a single file (the default), or a folder (a {@code save_pretrained} directory)
 *     whose files are compared one by one, each under {@code compare}
 */
public record OutputSpec(String name, String path, PathKind kind, ComparePolicy compare) {

  public OutputSpec(String name, String path, ComparePolicy compare) {
    this(name, path, PathKind.FILE, compare);
  }

  public boolean isFolder() {
    return kind == PathKind.FOLDER;
  }
}
