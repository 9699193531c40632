package dev.lockstep.runtime.compare;

/**
 * One thing that differs between the two runs' records, other than outputs and timings:
 * {@code param epochs: 5 -> 6}. Drift explains a difference; it does not fail verify by itself.
 *
 * @param baseline the earlier run's value ("absent" when it had none)
 */
public record Drift(String subject, String baseline, String candidate) {

  public String describe() {
    return subject + ": " + baseline + " -> " + candidate;
  }
}
