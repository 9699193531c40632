package dev.lockstep.runtime.failure;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the last frame in pipeline/main.py of the last Python traceback on stderr, and the
 * exception line that ends it. Frames in libraries are skipped: the question is which of the
 * notebook's cells was running. Also handles the header-less form Python prints for a
 * SyntaxError in main.py itself.
 */
public final class TracebackParser {

  private static final String HEADER = "Traceback (most recent call last):";
  private static final Pattern FRAME = Pattern.compile("^\\s*File \"(.+)\", line (\\d+)(?:, in .*)?$");

  private TracebackParser() {}

  public static Optional<TracebackLocation> parse(String stderr, Path jobDirectory, Path mainPy) {
    List<String> lines = stderr.replace("\r", "").lines().toList();
    int start = 0;
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(HEADER)) {
        start = i;
        break;
      }
    }
    Integer mainLine = null;
    int lastFrame = -1;
    for (int i = start; i < lines.size(); i++) {
      Matcher frame = FRAME.matcher(lines.get(i));
      if (frame.matches()) {
        lastFrame = i;
        if (isMainPy(frame.group(1), jobDirectory, mainPy)) {
          mainLine = Integer.parseInt(frame.group(2));
        }
      }
    }
    if (mainLine == null) {
      return Optional.empty();
    }
    for (int i = lastFrame + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        return Optional.of(new TracebackLocation(mainLine, line.strip()));
      }
    }
    return Optional.of(new TracebackLocation(mainLine, "unknown error"));
  }

  private static boolean isMainPy(String file, Path jobDirectory, Path mainPy) {
    try {
      return jobDirectory.resolve(file).normalize().equals(mainPy.normalize());
    } catch (InvalidPathException e) {
      return false; // "<string>" and other pseudo-files
    }
  }
}
