package dev.lockstep.runtime.inputs;

import dev.lockstep.jobformat.JobSpec;
import dev.lockstep.jobformat.PathKind;
import dev.lockstep.jobformat.hash.HashManifest;
import dev.lockstep.runtime.FrontEnd;
import dev.lockstep.runtime.JobException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Hashes every input before anything runs: a file by its bytes, a folder by its
 * {@link HashManifest}. A missing input or a hash that differs from lockstep.yaml stops the run:
 * a job that silently trains on different data is the failure Lockstep exists to prevent.
 */
public final class InputVerifier {

  private InputVerifier() {}

  /**
   * @param warnings where a note goes when data bound with {@code --input} differs from the data
   *     the job was made with (the run goes on: binding other data is what {@code --input} is for)
   * @throws JobException (failure) listing every missing or changed input, with both hashes and
   *     the option that binds another one, in {@code frontEnd}'s syntax
   */
  public static List<VerifiedInput> verify(List<InputBinding> bindings, JobSpec spec, FrontEnd frontEnd, PrintStream warnings)
      throws JobException {
    List<VerifiedInput> verified = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> hints = new ArrayList<>();
    for (InputBinding binding : bindings) {
      String expected = binding.expectedSha256().orElse(null);
      PathKind found = Files.isDirectory(binding.path()) ? PathKind.FOLDER
          : Files.isRegularFile(binding.path()) ? PathKind.FILE : null;
      String what = binding.kind().map(kind -> kind == PathKind.FOLDER ? "folder" : "file").orElse("file or folder");
      if (found == null || binding.kind().map(kind -> kind != found).orElse(false)) {
        problems.add("input " + binding.name() + " is missing: " + binding.path()
            + (found == null ? "" : " is a " + found.yaml() + ", expected a " + what)
            + (expected == null ? "" : "\n  expected sha256 " + expected));
        hints.add(frontEnd.inputOption(spec, binding.name(), what.equals("folder") ? "FOLDER" : "PATH"));
        continue;
      }
      long size;
      String sha256;
      try {
        if (found == PathKind.FOLDER) {
          List<HashManifest.Entry> entries = HashManifest.entries(binding.path());
          sha256 = HashManifest.hash(entries);
          size = entries.stream().mapToLong(HashManifest.Entry::size).sum();
        } else {
          var digest = dev.lockstep.jobformat.hash.Sha256.ofFile(binding.path());
          sha256 = digest.sha256();
          size = digest.size();
        }
      } catch (IOException e) {
        problems.add("input " + binding.name() + " cannot be read: " + binding.path() + " (" + e.getMessage() + ")");
        continue;
      }
      if (expected != null && !expected.equals(sha256)) {
        problems.add("input " + binding.name() + " has changed: " + binding.path()
            + "\n  expected sha256 " + expected
            + "\n  actual   sha256 " + sha256);
        hints.add(frontEnd.inputOption(spec, binding.name(), found == PathKind.FOLDER ? "FOLDER" : "PATH"));
        continue;
      }
      String pinned = binding.pinnedSha256().orElse(null);
      if (expected == null && pinned != null && !pinned.equals(sha256)) {
        warnings.println("lockstep: note: input " + binding.name() + " (" + binding.path() + ") is not the data the job was made"
            + " with: sha256 " + sha256 + ", lockstep.yaml pins " + pinned);
      }
      verified.add(new VerifiedInput(binding, found, sha256, size));
    }
    if (!problems.isEmpty()) {
      throw JobException.failure(String.join("\n", problems)
          + "\nthe job was not run; restore the input, or bind another one: "
          + (hints.isEmpty() ? frontEnd.inputOption(spec, "NAME", "PATH") : String.join(" ", hints)));
    }
    return verified;
  }
}
