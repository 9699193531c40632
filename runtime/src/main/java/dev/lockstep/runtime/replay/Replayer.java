package dev.lockstep.runtime.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Replays a notebook: runs its code cells in a fresh interpreter (twice with --twice), each run
 * in its own copy of the notebook's folder, and compares every cell with the saved outputs or
 * with the other run. The notebook is only read; the copies live in a temporary folder that is
 * deleted afterwards.
 */
public final class Replayer {

  /**
   * The report, and the first run with the cells in the order they ran (for --write).
   */
  public record Result(ReplayReport report, SavedNotebook notebook, List<NotebookCell> runOrder, HarnessRun firstRun) {}

  /**
   * @throws ReplayException (usage) for an unreadable notebook or one in another kernel
   *     language; (failure) when no interpreter can be started
   */
  public Result replay(ReplayRequest request) throws ReplayException {
    SavedNotebook notebook = SavedNotebook.read(request.notebook());
    if (!notebook.isPython()) {
      throw ReplayException.usage(request.notebook() + ": the notebook's kernel runs " + notebook.language()
          + ", not Python; replay runs Python notebooks only");
    }
    Path python = interpreter(request);
    List<NotebookCell> order = order(notebook, request.order());
    Path notebookFolder = request.notebook().toAbsolutePath().normalize().getParent();
    int depth = parentDepth(notebook);
    Path folder = notebookFolder;
    for (int i = 0; i < depth && folder.getParent() != null; i++) {
      folder = folder.getParent();
    }
    Path relative = folder.relativize(notebookFolder);
    Path scratch;
    try {
      scratch = Files.createTempDirectory("lockstep-replay-");
    } catch (IOException e) {
      throw ReplayException.failure("cannot create a temporary folder: " + e.getMessage());
    }
    try {
      HarnessProcess harness = new HarnessProcess(python, scratch);
      HarnessRun first = runOnce(harness, request, order, folder, relative, scratch, "run1");
      HarnessRun second = request.twice() ? runOnce(harness, request, order, folder, relative, scratch, "run2") : null;
      CellComparator comparator = new CellComparator(request.tolerance(), request.twice(),
          savedClaimsOutputs(notebook, first));
      List<CellReport> cells = new ArrayList<>();
      for (NotebookCell cell : notebook.codeCells()) {
        cells.add(request.twice()
            ? comparator.compare(cell, first.cells().get(cell.index()), second.cells().get(cell.index()))
            : comparator.compare(cell, null, first.cells().get(cell.index())));
      }
      List<String> notes = new ArrayList<>(first.notes());
      if (depth > 0) {
        notes.add("the cells name paths up to " + "../".repeat(depth) + ": ran in a copy of the folder " + depth
            + (depth == 1 ? " level" : " levels") + " up (" + folder.getFileName() + ")");
      }
      Optional<String> preludeError = first.preludeError();
      if (second != null) {
        second.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        if (preludeError.isEmpty()) {
          preludeError = second.preludeError();
        }
        if (!second.engine().equals(first.engine())) {
          notes.add("run 2 ran cells with " + second.engine() + ", run 1 with " + first.engine());
        }
      }
      if (request.seeding() == Seeding.SEEDED && request.prelude().isBlank()) {
        notes.add("seeded, but the notebook imports no framework the determinism prelude seeds; only the"
            + " interpreter settings (" + String.join(", ", request.seededEnvironment().keySet()) + ") were applied");
      }
      ReplayReport report = new ReplayReport(request.notebook().toString(), request.twice(), request.order(),
          request.seeding(), python.toString(), first.engine(), request.tolerance(), preludeError, notes, cells);
      return new Result(report, notebook, order, first);
    } finally {
      WorkingCopy.delete(scratch);
    }
  }

  /**
   * Whether the saved outputs say what the cells print. A notebook with execution counts but no
   * output in any cell was either saved with its outputs cleared or has cells that print
   * nothing: when the replay prints something, it was cleared, and there is nothing to compare.
   */
  static boolean savedClaimsOutputs(SavedNotebook notebook, HarnessRun replay) {
    return notebook.codeCells().stream().anyMatch(c -> !c.outputs().isEmpty())
        || replay.cells().values().stream().allMatch(r -> r.outputs().isEmpty());
  }

  private static HarnessRun runOnce(HarnessProcess harness, ReplayRequest request, List<NotebookCell> order,
      Path folder, Path relative, Path scratch, String label) throws ReplayException {
    Path copy = scratch.resolve(label).resolve(folder.getFileName() == null ? "root" : folder.getFileName().toString());
    WorkingCopy.copy(folder, copy);
    try {
      return harness.run(request, order, copy.resolve(relative.toString()), label);
    } finally {
      WorkingCopy.delete(scratch.resolve(label));
    }
  }

  private static final java.util.regex.Pattern PARENT_PATH = java.util.regex.Pattern.compile("(?<![\\w./])(\\.\\.(?:/\\.\\.)*)(?=[/'\"\\\\])");

  /** At most this many folders up: a deeper reach copies too much to be worth guessing. */
  private static final int MAX_PARENT_DEPTH = 3;

  /**
   * How many folders above its own the notebook's code reaches with relative paths
   * ({@code "../../data/iris.csv"}, {@code sys.path.append("../..")}): the copy it runs in must
   * hold them.
   */
  static int parentDepth(SavedNotebook notebook) {
    int depth = 0;
    for (NotebookCell cell : notebook.codeCells()) {
      java.util.regex.Matcher matcher = PARENT_PATH.matcher(cell.source());
      while (matcher.find()) {
        depth = Math.max(depth, (matcher.group(1).length() + 1) / 3);
      }
    }
    return Math.min(depth, MAX_PARENT_DEPTH);
  }

  /** Document order, or saved execution counts with never-run cells after them in document order. */
  static List<NotebookCell> order(SavedNotebook notebook, ReplayOrder order) {
    List<NotebookCell> cells = new ArrayList<>(notebook.codeCells());
    if (order == ReplayOrder.RECORDED) {
      cells.sort(Comparator.comparing((NotebookCell c) -> c.executionCount() == null)
          .thenComparing(c -> c.executionCount() == null ? 0 : c.executionCount())
          .thenComparingInt(NotebookCell::index));
    }
    return cells;
  }

  /** --python, else /usr/bin/python3, else the first python3 on PATH. */
  static Path interpreter(ReplayRequest request) throws ReplayException {
    if (request.python().isPresent()) {
      Path python = request.python().get();
      if (!Files.isExecutable(python) || Files.isDirectory(python)) {
        throw ReplayException.usage("--python " + python + ": not an executable file");
      }
      return python;
    }
    Path system = Path.of("/usr/bin/python3");
    if (Files.isExecutable(system)) {
      return system;
    }
    for (String directory : request.caller().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = directory.isEmpty() ? null : Path.of(directory, "python3");
      if (candidate != null && Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw ReplayException.failure("no python3 found: tried /usr/bin/python3 and PATH; pass --python PATH");
  }
}
