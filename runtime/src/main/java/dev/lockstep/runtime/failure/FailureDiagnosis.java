package dev.lockstep.runtime.failure;

import java.util.Optional;

/**
 * Why a job's process failed, in the notebook's terms where a traceback allows.
 *
 * @param message one line for the person at the terminal, e.g. {@code job failed in notebook
 *     cell 7 (id 3f2a1c9e), pipeline/main.py line 88: ZeroDivisionError: division by zero}
 * @param cell the notebook cell that was running, when known
 * @param line the line in pipeline/main.py, when a traceback named one
 * @param exception the exception line, when a traceback ended with one
 */
public record FailureDiagnosis(String message, Optional<CellMarker> cell, Optional<Integer> line, Optional<String> exception) {}
