package dev.lockstep.runtime.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockstep.runtime.record.CanonicalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link ReplayReport} as text for people or as JSON (docs/replay.md) for tools. */
public final class ReplayReportFormat {

  /** The version of the JSON layout; bumped when a field changes meaning or goes away. */
  public static final int JSON_VERSION = 1;

  private ReplayReportFormat() {}

  public static String text(ReplayReport report) {
    StringBuilder out = new StringBuilder();
    Map<Verdict, Integer> counts = report.counts();
    String what = report.twice() ? "two replays compared with each other" : "replay compared with the saved outputs";
    out.append(report.notebook()).append(": ").append(report.outcome().label().toUpperCase(Locale.ROOT));
    if (report.outcome() == ReplayReport.Outcome.NOTHING_COMPARED) {
      out.append(report.cells().isEmpty() ? " (the notebook has no code cells)"
          : " (no cell has saved outputs to compare with; --twice checks whether it is deterministic)");
    } else {
      int reproduced = (int) report.cells().stream().filter(c -> c.verdict().reproduced()).count();
      out.append(" (").append(reproduced).append(" of ").append(report.compared()).append(" compared cells reproduced)");
    }
    out.append('\n');
    out.append("  ").append(what).append("; ").append(seeding(report.seeding())).append(", ")
        .append(report.order().name().toLowerCase(Locale.ROOT)).append(" order, ").append(report.engine())
        .append(" (").append(report.python()).append(")\n");
    List<String> tally = new ArrayList<>();
    counts.forEach((verdict, n) -> tally.add(n + " " + verdict.label()));
    out.append("  ").append(tally.isEmpty() ? "no code cells" : String.join(", ", tally)).append('\n');
    report.preludeError().ifPresent(e -> out.append("  the determinism prelude failed: ").append(e).append('\n'));
    for (String note : report.notes()) {
      out.append("  note: ").append(note).append('\n');
    }
    for (CellReport cell : report.cells()) {
      out.append("cell ").append(cell.number()).append(": ").append(cell.verdict().label());
      if (!cell.volatileKinds().isEmpty()) {
        out.append(" (").append(String.join(", ", cell.volatileKinds())).append(')');
      }
      if (!cell.detail().isEmpty()) {
        out.append(": ").append(cell.detail());
      }
      out.append('\n');
      for (String note : cell.notes()) {
        out.append("  note: ").append(note).append('\n');
      }
    }
    return out.toString();
  }

  public static ObjectNode json(ReplayReport report) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("version", JSON_VERSION);
    root.put("notebook", report.notebook());
    root.put("compare", report.twice() ? "twice" : "saved");
    root.put("seeding", seeding(report.seeding()));
    root.put("order", report.order().name().toLowerCase(Locale.ROOT));
    root.put("python", report.python());
    root.put("engine", report.engine());
    ObjectNode tolerance = root.putObject("tolerance");
    tolerance.put("atol", report.tolerance().atol());
    tolerance.put("rtol", report.tolerance().rtol());
    tolerance.put("imageChannel", report.tolerance().channel());
    tolerance.put("imagePixelFraction", report.tolerance().pixelFraction());
    root.put("verdict", report.outcome().label());
    root.put("exitCode", report.exitCode());
    root.put("compared", report.compared());
    ObjectNode counts = root.putObject("counts");
    for (Verdict verdict : Verdict.values()) {
      counts.put(verdict.label(), report.counts().getOrDefault(verdict, 0));
    }
    if (report.preludeError().isPresent()) {
      root.put("preludeError", report.preludeError().get());
    } else {
      root.putNull("preludeError");
    }
    ArrayNode notes = root.putArray("notes");
    report.notes().forEach(notes::add);
    ArrayNode cells = root.putArray("cells");
    for (CellReport cell : report.cells()) {
      ObjectNode c = cells.addObject();
      c.put("cell", cell.number());
      c.put("verdict", cell.verdict().label());
      c.put("detail", cell.detail());
      ArrayNode kinds = c.putArray("volatile");
      cell.volatileKinds().forEach(kinds::add);
      ArrayNode cellNotes = c.putArray("notes");
      cell.notes().forEach(cellNotes::add);
    }
    return root;
  }

  /** The JSON text, keys sorted, two-space indent, one trailing newline (byte-stable). */
  public static String jsonText(ReplayReport report) {
    return CanonicalJson.write(json(report));
  }

  static String seeding(Seeding seeding) {
    return seeding == Seeding.SEEDED ? "seeded" : "as-is";
  }
}
