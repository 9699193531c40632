package dev.lockstep.cli;

import dev.lockstep.review.HtmlReviewReport;
import dev.lockstep.review.JsonReviewReport;
import dev.lockstep.review.ReviewException;
import dev.lockstep.review.ReviewSet;
import dev.lockstep.review.Reviewer;
import dev.lockstep.review.SignOffTrail;
import dev.lockstep.review.TextReviewReport;
import dev.lockstep.review.Verdict;
import dev.lockstep.runtime.record.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep review PATH}: the reproducibility contract, item by item, with evidence. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a notebook, a folder of notebooks or a job directory against the review board's reproducibility"
                    + " contract (nine items, each pass / fail / not applicable with the evidence that decides it).",
            "Exit 0 when every applicable item passes, 1 otherwise, 2 on error. See docs/review.md."
        })
public final class ReviewCommand implements Callable<Integer> {

    /** Output formats on standard output. */
    public enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "A notebook, a folder of notebooks, or a job directory.")
    String path;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Standard output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write one self-contained HTML page here.")
    Path html;

    @Option(names = "--notebook", paramLabel = "FILE",
            description = "A job's source notebook, when it is not beside the job directory.")
    Path notebook;

    @Option(names = "--replay", paramLabel = "FILE", description = "A replay record to count for item 9 (repeatable).")
    List<Path> replays = new ArrayList<>();

    @Option(names = "--sign-off", paramLabel = "NAME",
            description = "Append a sign-off by NAME (hash, date, verdict) to " + SignOffTrail.FILE
                    + " beside the job or notebook.")
    String signOff;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The sign-off date (default: $" + SignOffTrail.DATE_VARIABLE + ", else $"
                    + SignOffTrail.EPOCH_VARIABLE + "; the clock is never read).")
    String date;

    /** The environment the sign-off date may come from (tests replace it). */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            LocalDate signOffDate = null;
            if (signOff != null) {
                signOffDate = SignOffTrail.date(date, environment); // refuse before any output
            } else if (date != null) {
                throw new ReviewException("--date applies only with --sign-off NAME");
            }
            ReviewSet set = new Reviewer().review(path, new Reviewer.Options(notebook, replays));
            if (format == Format.json) {
                JsonReviewReport.write(set, out);
            } else {
                TextReviewReport.write(set, out);
            }
            if (html != null) {
                Path parent = html.toAbsolutePath().getParent();
                try {
                    AtomicFiles.write(html, new HtmlReviewReport(parent).render(set));
                } catch (IOException e) {
                    throw new ReviewException("cannot write " + html + ": " + e.getMessage(), e);
                }
                err.println("lockstep: wrote " + html);
            }
            if (signOff != null) {
                Path trail = SignOffTrail.append(set, Path.of(path), signOff, signOffDate);
                err.println("lockstep: signed off by " + signOff.strip() + " on " + signOffDate + " (verdict "
                        + set.verdict().id() + ") in " + trail);
            }
            set.reviews().stream().filter(r -> r.failed())
                    .forEach(r -> err.println("lockstep: " + r.path() + ": " + r.error()));
            out.flush();
            err.flush();
            if (set.anyFailedToRead()) {
                return ExitCodes.USAGE;
            }
            return set.verdict() == Verdict.PASS ? ExitCodes.OK : ExitCodes.FINDINGS;
        } catch (ReviewException e) {
            out.flush();
            err.println("lockstep: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
    }
}
