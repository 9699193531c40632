package dev.lockstep.runtime.failure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cell markers of pipeline/main.py, to map a line back to the notebook cell it came from. */
public final class CellMarkers {

  private static final Pattern MARKER = Pattern.compile("^# %% cell (\\d+)(?: \\(id ([^)\\s]+)\\))?\\s*$");

  private final TreeMap<Integer, CellMarker> byLine;

  private CellMarkers(TreeMap<Integer, CellMarker> byLine) {
    this.byLine = byLine;
  }

  public static CellMarkers parse(List<String> mainPyLines) {
    TreeMap<Integer, CellMarker> byLine = new TreeMap<>();
    for (int i = 0; i < mainPyLines.size(); i++) {
      Matcher matcher = MARKER.matcher(mainPyLines.get(i));
      if (matcher.matches()) {
        byLine.put(i + 1, new CellMarker(Integer.parseInt(matcher.group(1)), matcher.group(2), i + 1));
      }
    }
    return new CellMarkers(byLine);
  }

  /** The closest marker at or above {@code line}; empty for lines before the first cell. */
  public Optional<CellMarker> cellAt(int line) {
    return Optional.ofNullable(byLine.floorEntry(line)).map(Map.Entry::getValue);
  }
}
