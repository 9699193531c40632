package dev.lockstep.jobformat;

/**
 * {@code log:} in lockstep.yaml: how {@code verify} treats the run's printed output (stdout and
 * stderr, kept in {@code runs/<run-id>/run.log}). It is always compared, with volatile parts
 * (memory addresses, timings, temporary paths, process ids, timestamps) masked, and a
 * difference is always reported; it fails {@code verify} only when {@code must_match} is true.
 *
 * @param mustMatch {@code log: {must_match: true}}; false by default
 */
public record LogSpec(boolean mustMatch) {

  public static final LogSpec DEFAULT = new LogSpec(false);
}
