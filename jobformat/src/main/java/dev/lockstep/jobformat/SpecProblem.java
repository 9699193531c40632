package dev.lockstep.jobformat;

/**
 * One thing wrong with lockstep.yaml, printed as {@code lockstep.yaml:7: params.epochs: ...}.
 *
 * @param key the dotted path of the offending key ({@code inputs.train.sha256}); empty for
 *     problems with the whole file
 */
public record SpecProblem(String file, int line, String key, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + message;
  }
}
