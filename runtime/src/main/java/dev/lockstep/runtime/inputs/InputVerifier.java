package dev.lockstep.runtime.inputs;

import dev.lockstep.runtime.JobException;
import dev.lockstep.jobformat.hash.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Hashes every input before anything runs. A missing file or a hash that differs from
 * lockstep.yaml stops the run: a job that silently trains on different data is the failure
 * Lockstep exists to prevent.
 */
public final class InputVerifier {

  private InputVerifier() {}

  /**
   * @throws JobException (failure) listing every missing or changed input, with both hashes
   */
  public static List<VerifiedInput> verify(List<InputBinding> bindings) throws JobException {
    List<VerifiedInput> verified = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (InputBinding binding : bindings) {
      String expected = binding.expectedSha256().orElse(null);
      if (!Files.isRegularFile(binding.path())) {
        problems.add("input " + binding.name() + " is missing: " + binding.path()
            + (expected == null ? "" : "\n  expected sha256 " + expected));
        continue;
      }
      Sha256.FileDigest digest;
      try {
        digest = Sha256.ofFile(binding.path());
      } catch (IOException e) {
        problems.add("input " + binding.name() + " cannot be read: " + binding.path() + " (" + e.getMessage() + ")");
        continue;
      }
      if (expected != null && !expected.equals(digest.sha256())) {
        problems.add("input " + binding.name() + " has changed: " + binding.path()
            + "\n  expected sha256 " + expected
            + "\n  actual   sha256 " + digest.sha256());
        continue;
      }
      verified.add(new VerifiedInput(binding, digest.sha256(), digest.size()));
    }
    if (!problems.isEmpty()) {
      throw JobException.failure(String.join("\n", problems)
          + "\nthe job was not run; restore the input, or bind another file with --input NAME=PATH");
    }
    return verified;
  }
}
