package dev.lockstep.runtime.compare;

import dev.lockstep.jobformat.JobLayout;
import dev.lockstep.runtime.compare.text.VolatileText;
import dev.lockstep.runtime.record.RunLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the printed output of two runs, stream by stream (stdout.log, stderr.log), with
 * {@link VolatileText} masking both.
 */
final class LogComparator {

  private static final int SHOWN_CHARACTERS = 160;

  private LogComparator() {}

  static LogVerdict compare(Path baselineRun, Path candidateRun, boolean mustMatch) {
    RunLog.Streams baseline;
    RunLog.Streams candidate;
    try {
      baseline = RunLog.read(baselineRun);
      candidate = RunLog.read(candidateRun);
    } catch (IOException e) {
      return new LogVerdict(LogVerdict.Verdict.NOT_COMPARED, List.of(), "cannot read the printed output: " + e.getMessage(),
          mustMatch);
    }
    if (baseline == null || candidate == null) {
      return new LogVerdict(LogVerdict.Verdict.NOT_COMPARED, List.of(),
          (baseline == null ? "the baseline run" : "the candidate run") + " has no " + JobLayout.RUN_STDOUT + " and "
              + JobLayout.RUN_STDERR, mustMatch);
    }
    if (baseline.equals(candidate)) {
      return new LogVerdict(LogVerdict.Verdict.IDENTICAL, List.of(), "", mustMatch);
    }
    VolatileText.Masked maskedBaseline = baseline.masked();
    VolatileText.Masked maskedCandidate = candidate.masked();
    Set<VolatileText.Kind> kinds = EnumSet.noneOf(VolatileText.Kind.class);
    kinds.addAll(maskedBaseline.kinds());
    kinds.addAll(maskedCandidate.kinds());
    List<VolatileText.Kind> masked = new ArrayList<>(kinds);
    if (maskedBaseline.text().equals(maskedCandidate.text())) {
      return new LogVerdict(LogVerdict.Verdict.SAME_WHEN_MASKED, masked, "", mustMatch);
    }
    VolatileText.Masked out = VolatileText.mask(candidate.stdout());
    String stream = out.text().equals(VolatileText.mask(baseline.stdout()).text()) ? "stderr" : "stdout";
    String detail = stream.equals("stdout")
        ? firstDifference(VolatileText.mask(baseline.stdout()).text(), out.text())
        : firstDifference(VolatileText.mask(baseline.stderr()).text(), VolatileText.mask(candidate.stderr()).text());
    return new LogVerdict(LogVerdict.Verdict.DIFFERENT, masked, stream + " " + detail, mustMatch);
  }

  /** "line 3: \"loss 0.25\" vs baseline \"loss 0.5\"" (lines are 1-based). */
  static String firstDifference(String baseline, String candidate) {
    String[] b = baseline.split("\n");
    String[] c = candidate.split("\n");
    int line = 0;
    while (line < b.length && line < c.length && b[line].equals(c[line])) {
      line++;
    }
    if (line == b.length && line == c.length) {
      return "the lines are the same; only blank lines at the end differ";
    }
    String candidateLine = line < c.length ? quote(c[line]) : "(end of output)";
    String baselineLine = line < b.length ? quote(b[line]) : "(end of output)";
    return "line " + (line + 1) + ": " + candidateLine + " vs baseline " + baselineLine;
  }

  private static String quote(String line) {
    String shown = line.length() > SHOWN_CHARACTERS ? line.substring(0, SHOWN_CHARACTERS) + "…" : line;
    return "\"" + shown + "\"";
  }
}
