package dev.lockstep.runtime.record;

import dev.lockstep.runtime.JobException;
import dev.lockstep.jobformat.JobLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The runs recorded under a job's {@code runs/} directory. */
public final class RunHistory {

  private final Path runsDirectory;

  public RunHistory(Path jobDirectory) {
    this.runsDirectory = jobDirectory.resolve(JobLayout.RUNS);
  }

  /** Ids of runs that have a record, oldest first (ids sort by time). */
  public List<String> runIds() throws IOException {
    if (!Files.isDirectory(runsDirectory)) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    try (Stream<Path> children = Files.list(runsDirectory)) {
      children.filter(dir -> Files.isRegularFile(dir.resolve(JobLayout.RUN_RECORD)))
          .map(dir -> dir.getFileName().toString())
          .forEach(ids::add);
    }
    ids.sort(null);
    return ids;
  }

  /** The newest run that succeeded: a failed run has no complete outputs to compare with. */
  public Optional<StoredRun> latestSucceeded() throws IOException, JobException {
    List<String> ids = runIds();
    for (int i = ids.size() - 1; i >= 0; i--) {
      StoredRun run = load(ids.get(i));
      if (run.record().status() == RunRecord.Status.SUCCEEDED) {
        return Optional.of(run);
      }
    }
    return Optional.empty();
  }

  /** Every run that succeeded, oldest first. */
  public List<StoredRun> succeeded() throws IOException, JobException {
    List<StoredRun> runs = new ArrayList<>();
    for (String id : runIds()) {
      StoredRun run = load(id);
      if (run.record().status() == RunRecord.Status.SUCCEEDED) {
        runs.add(run);
      }
    }
    return runs;
  }

  /**
   * @throws JobException (usage) when no run has that id; the message lists the newest ones
   */
  public StoredRun load(String runId) throws IOException, JobException {
    Path directory = runsDirectory.resolve(runId).normalize();
    Path file = directory.resolve(JobLayout.RUN_RECORD);
    if (!directory.getParent().equals(runsDirectory.normalize()) || !Files.isRegularFile(file)) {
      List<String> ids = runIds();
      List<String> newest = ids.subList(Math.max(0, ids.size() - 5), ids.size());
      throw JobException.usage("no recorded run " + runId + " in " + runsDirectory
          + (newest.isEmpty() ? " (there are no runs yet)" : "; newest runs: " + String.join(", ", newest)));
    }
    return new StoredRun(runId, directory, CanonicalJson.read(file, RunRecord.class));
  }
}
