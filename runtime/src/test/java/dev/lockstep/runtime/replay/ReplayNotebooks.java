package dev.lockstep.runtime.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The replay test notebooks (test-notebooks/replay, written by make_replay_notebooks.py) and requests for them. */
final class ReplayNotebooks {

  private ReplayNotebooks() {}

  static Path folder() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("test-notebooks/replay");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no test-notebooks/replay above " + Path.of("").toAbsolutePath());
  }

  static Path notebook(String name) {
    return folder().resolve(name + ".ipynb");
  }

  static ReplayRequest request(Path notebook) {
    return new ReplayRequest(notebook, ReplayOrder.DOCUMENT, Seeding.AS_IS, "", Map.of("PYTHONHASHSEED", "0"),
        Map.of(), Optional.empty(), Duration.ofMinutes(5), Duration.ofSeconds(60), false, Tolerance.DEFAULT,
        ReplayRequest.DEFAULT_OUTPUT_CAP, Engine.AUTO, System.getenv());
  }

  static ReplayRequest with(ReplayRequest r, Seeding seeding, String prelude, boolean twice) {
    return new ReplayRequest(r.notebook(), r.order(), seeding, prelude, r.seededEnvironment(), r.translated(), r.python(),
        r.timeout(), r.cellTimeout(), twice, r.tolerance(), r.outputCap(), r.engine(), r.caller());
  }

  static ReplayRequest withCellTimeout(ReplayRequest r, Duration cellTimeout) {
    return new ReplayRequest(r.notebook(), r.order(), r.seeding(), r.prelude(), r.seededEnvironment(), r.translated(),
        r.python(), r.timeout(), cellTimeout, r.twice(), r.tolerance(), r.outputCap(), r.engine(), r.caller());
  }

  static ReplayRequest withTimeout(ReplayRequest r, Duration timeout) {
    return new ReplayRequest(r.notebook(), r.order(), r.seeding(), r.prelude(), r.seededEnvironment(), r.translated(),
        r.python(), timeout, r.cellTimeout(), r.twice(), r.tolerance(), r.outputCap(), r.engine(), r.caller());
  }

  static ReplayRequest withOrder(ReplayRequest r, ReplayOrder order) {
    return new ReplayRequest(r.notebook(), order, r.seeding(), r.prelude(), r.seededEnvironment(), r.translated(),
        r.python(), r.timeout(), r.cellTimeout(), r.twice(), r.tolerance(), r.outputCap(), r.engine(), r.caller());
  }

  static ReplayRequest plain(ReplayRequest r, Map<Integer, String> translated) {
    return new ReplayRequest(r.notebook(), r.order(), r.seeding(), r.prelude(), r.seededEnvironment(), translated,
        r.python(), r.timeout(), r.cellTimeout(), r.twice(), r.tolerance(), r.outputCap(), Engine.PLAIN, r.caller());
  }

  static ReplayRequest withCap(ReplayRequest r, long cap) {
    return new ReplayRequest(r.notebook(), r.order(), r.seeding(), r.prelude(), r.seededEnvironment(), r.translated(),
        r.python(), r.timeout(), r.cellTimeout(), r.twice(), r.tolerance(), cap, r.engine(), r.caller());
  }
}
