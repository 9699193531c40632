package dev.lockstep.runtime.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockstep.runtime.environment.ThreadPinning;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Python harness once over a notebook's code cells in a fresh interpreter and collects
 * what each cell produced. The harness interrupts a cell that runs past the per-cell timeout
 * itself (as a kernel interrupt would) and goes on; a cell stuck where Python cannot interrupt
 * it gets a grace period, after which the interpreter is stopped and the remaining cells are
 * reported as not run.
 */
final class HarnessProcess {

  static final String HARNESS_RESOURCE = "/dev/lockstep/runtime/replay/replay_harness.py";
  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final int LOG_TAIL_CHARS = 2000;

  private final Path python;
  private final Path scratch;

  /**
   * @param python the interpreter
   * @param scratch a private temporary folder for the harness, its job and its log
   */
  HarnessProcess(Path python, Path scratch) {
    this.python = python;
    this.scratch = scratch;
  }

  /**
   * @param cells the cells to run, in order
   * @param workDirectory the working directory of the interpreter (a copy of the notebook's folder)
   * @param label names this run's files ("run1", "run2")
   */
  HarnessRun run(ReplayRequest request, List<NotebookCell> cells, Path workDirectory, String label)
      throws ReplayException {
    Path harness = scratch.resolve("replay_harness.py");
    Path job = scratch.resolve(label + "-job.json");
    Path log = scratch.resolve(label + "-harness.log");
    try {
      if (!Files.exists(harness)) {
        try (InputStream in = HarnessProcess.class.getResourceAsStream(HARNESS_RESOURCE)) {
          if (in == null) {
            throw new IllegalStateException("the replay harness " + HARNESS_RESOURCE + " is missing from the build");
          }
          Files.write(harness, in.readAllBytes());
        }
      }
      Files.writeString(job, jobJson(request, cells), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ReplayException.failure("cannot write the replay's temporary files under " + scratch + ": " + e.getMessage());
    }
    ProcessBuilder builder = new ProcessBuilder(python.toString(), harness.toString(), job.toString())
        .directory(workDirectory.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectError(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment(request));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw ReplayException.failure("cannot start " + python + ": " + e.getMessage());
    }
    return collect(request, cells, process, log);
  }

  Map<String, String> environment(ReplayRequest request) {
    Map<String, String> environment = new HashMap<>(request.caller());
    // A user's IPython profile and startup files would change what cells do; a private one each time.
    environment.put("IPYTHONDIR", scratch.resolve("ipython").toString());
    environment.remove("MPLBACKEND");
    environment.remove("PYTHONSTARTUP");
    environment.putAll(ThreadPinning.DEFAULTS);
    if (request.seeding() == Seeding.SEEDED) {
      environment.putAll(request.seededEnvironment());
    }
    return environment;
  }

  private String jobJson(ReplayRequest request, List<NotebookCell> cells) {
    ObjectNode job = JsonNodeFactory.instance.objectNode();
    job.put("output_cap", request.outputCap());
    job.put("cell_timeout", request.cellTimeout().toMillis() / 1000.0);
    job.put("engine", request.engine() == Engine.PLAIN ? "plain" : "auto");
    if (request.seeding() == Seeding.SEEDED && !request.prelude().isBlank()) {
      job.put("prelude", request.prelude());
    }
    ArrayNode array = job.putArray("cells");
    for (NotebookCell cell : cells) {
      ObjectNode c = array.addObject();
      c.put("index", cell.index());
      c.put("source", cell.source());
      String translated = request.translated().get(cell.index());
      if (translated != null) {
        c.put("translated", translated);
      } else {
        c.putNull("translated");
      }
    }
    return job.toString();
  }

  private HarnessRun collect(ReplayRequest request, List<NotebookCell> cells, Process process, Path log) {
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    Object endOfStream = new Object();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          try {
            events.add(SavedNotebook.MAPPER.readTree(line));
          } catch (IOException e) {
            events.add("unreadable harness line: " + line.substring(0, Math.min(200, line.length())));
          }
        }
      } catch (IOException e) {
        events.add("harness stream failed: " + e.getMessage());
      } finally {
        events.add(endOfStream);
      }
    }, "replay-harness-reader");
    reader.setDaemon(true);
    reader.start();

    Map<Integer, CellRun> runs = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    String engine = "?";
    Optional<String> preludeError = Optional.empty();
    long start = System.nanoTime();
    long deadline = start + request.timeout().toNanos();
    Integer running = null;
    long cellDeadline = Long.MAX_VALUE;
    String stopped = null;
    boolean ended = false;
    try {
      while (true) {
        long now = System.nanoTime();
        long wait = Math.min(deadline, cellDeadline) - now;
        Object event = wait > 0 ? events.poll(Math.min(wait, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS) : null;
        if (event == null) {
          now = System.nanoTime();
          if (now >= deadline) {
            stopped = "the replay ran past --timeout " + seconds(request.timeout());
            break;
          }
          if (now >= cellDeadline) {
            stopped = "the cell ran past --cell-timeout " + seconds(request.cellTimeout())
                + " and did not stop when interrupted";
            break;
          }
          continue;
        }
        if (event == endOfStream) {
          break;
        }
        if (event instanceof String message) {
          notes.add(message);
          continue;
        }
        JsonNode node = (JsonNode) event;
        switch (node.path("event").asText()) {
          case "engine" -> engine = node.path("engine").asText();
          case "note" -> notes.add(node.path("text").asText());
          case "prelude" -> preludeError = node.path("error").isTextual() ? Optional.of(node.get("error").asText()) : Optional.empty();
          case "start" -> {
            running = node.path("index").asInt();
            cellDeadline = System.nanoTime() + request.cellTimeout().toNanos() + GRACE.toNanos();
          }
          case "done" -> {
            int index = node.path("index").asInt();
            boolean timedOut = node.path("timed_out").asBoolean();
            ArrayNode outputs = node.path("outputs").isArray() ? (ArrayNode) node.get("outputs") : JsonNodeFactory.instance.arrayNode();
            runs.put(index, new CellRun(index, timedOut ? CellRun.Status.TIMED_OUT : CellRun.Status.RAN, outputs,
                node.path("dropped_chars").asLong(), timedOut ? "timeout: ran past --cell-timeout " + seconds(request.cellTimeout()) + " and was interrupted" : ""));
            running = null;
            cellDeadline = Long.MAX_VALUE;
          }
          case "end" -> ended = true;
          default -> notes.add("unknown harness event: " + node);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = "the replay was interrupted";
    }
    if (stopped != null || process.isAlive() && !ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    int exit;
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      exit = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exit = -1;
    }
    if (running != null) {
      String why = stopped != null ? stopped
          : "the interpreter exited with code " + exit + " while this cell ran" + logTail(log);
      // Stopped for running out of time (this cell's or the replay's) is a timeout, not the cell's failure.
      CellRun.Status status = stopped != null ? CellRun.Status.TIMED_OUT : CellRun.Status.EXITED;
      runs.put(running, new CellRun(running, status, JsonNodeFactory.instance.arrayNode(), 0, why));
    }
    String afterwards = stopped != null
        ? (running != null ? "the interpreter was stopped in cell " + (running + 1) + ": " + stopped : stopped)
        : running != null ? "the interpreter ended in cell " + (running + 1)
        : ended ? "the harness did not run it" : "the interpreter exited with code " + exit + " before this cell" + logTail(log);
    for (NotebookCell cell : cells) {
      runs.putIfAbsent(cell.index(), CellRun.notRun(cell.index(), afterwards));
    }
    return new HarnessRun(engine, preludeError, notes, runs);
  }

  private static String logTail(Path log) {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        return "";
      }
      String tail = text.length() > LOG_TAIL_CHARS ? text.substring(text.length() - LOG_TAIL_CHARS) : text;
      String last = tail.substring(tail.lastIndexOf('\n') + 1);
      return " (its last words: " + last + ")";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : (millis / 1000.0) + " s";
  }
}
