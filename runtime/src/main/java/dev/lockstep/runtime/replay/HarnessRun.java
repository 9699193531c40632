package dev.lockstep.runtime.replay;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One execution of a notebook by the harness.
 *
 * @param engine how cells ran ("ipython 8.5.0" or "plain python")
 * @param preludeError the determinism prelude's error, when it failed
 * @param notes what the harness said besides results (IPython could not start...)
 * @param cells every cell's run by cell index
 */
public record HarnessRun(String engine, Optional<String> preludeError, List<String> notes, Map<Integer, CellRun> cells) {

  public HarnessRun {
    notes = List.copyOf(notes);
    cells = java.util.Collections.unmodifiableMap(new TreeMap<>(cells));
  }
}
