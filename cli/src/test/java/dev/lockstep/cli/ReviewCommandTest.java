package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReviewCommandTest {
    private static final Path EXAMPLES = CliRunner.repoRoot().resolve("test-notebooks/examples");

    @Test
    void aNotebookThatFailsTheContractExitsOne() {
        CliRunner.Result result = CliRunner.run("review", EXAMPLES.resolve("legacy-v3.ipynb").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.out()).contains("[FAIL] 9. Reproduced: blocker EX001", "Verdict: NOT REPRODUCIBLE");
    }

    @Test
    void outputIsByteIdenticalTwiceInEveryFormat(@TempDir Path dir) throws Exception {
        String folder = EXAMPLES.toString();
        assertThat(CliRunner.run("review", folder).out()).isEqualTo(CliRunner.run("review", folder).out());
        String json = CliRunner.run("review", folder, "--format", "json").out();
        assertThat(json).isEqualTo(CliRunner.run("review", folder, "--format", "json").out()).startsWith("{");
        CliRunner.run("review", folder, "--html", dir.resolve("a.html").toString());
        CliRunner.run("review", folder, "--html", dir.resolve("b.html").toString());
        assertThat(Files.readAllBytes(dir.resolve("a.html"))).isEqualTo(Files.readAllBytes(dir.resolve("b.html")));
    }

    @Test
    void badRequestsExitTwoWithOneLine(@TempDir Path dir) {
        CliRunner.Result missing = CliRunner.run("review", dir.resolve("nope.ipynb").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).isEqualTo("lockstep: " + dir.resolve("nope.ipynb") + ": no such file or directory\n");
        CliRunner.Result dateAlone = CliRunner.run("review", EXAMPLES.resolve("legacy-v3.ipynb").toString(), "--date",
                "2026-12-03");
        assertThat(dateAlone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dateAlone.err()).contains("--date applies only with --sign-off");
    }

    @Test
    void anUnreadableNotebookInAFolderExitsTwoAfterReviewingTheRest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.ipynb"), "{ not json");
        Files.copy(EXAMPLES.resolve("legacy-v3.ipynb"), dir.resolve("b.ipynb"));
        CliRunner.Result result = CliRunner.run("review", dir.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).contains("Review of " + dir.resolve("b.ipynb"), "  error: ");
        assertThat(result.err()).contains("lockstep: " + dir.resolve("a.ipynb") + ": ");
    }

    @Test
    void signOffWithoutADateIsRefusedAndWritesNothing(@TempDir Path dir) throws Exception {
        Path notebook = dir.resolve("nb.ipynb");
        Files.copy(EXAMPLES.resolve("legacy-v3.ipynb"), notebook);
        Result result = run(Map.of(), "review", notebook.toString(), "--sign-off", "Ada");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--sign-off needs a date");
        assertThat(result.out()).isEmpty();
        assertThat(dir.resolve("review-signoffs.json")).doesNotExist();
    }

    @Test
    void signOffTakesTheDateFromTheEnvironmentAndKeepsTheExitCode(@TempDir Path dir) throws Exception {
        Path notebook = dir.resolve("nb.ipynb");
        Files.copy(EXAMPLES.resolve("legacy-v3.ipynb"), notebook);
        Result result = run(Map.of("LOCKSTEP_REVIEW_DATE", "2026-12-03"), "review", notebook.toString(), "--sign-off", "Ada");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.err()).contains("lockstep: signed off by Ada on 2026-12-03 (verdict fail) in "
                + dir.resolve("review-signoffs.json").toAbsolutePath());
        assertThat(Files.readString(dir.resolve("review-signoffs.json"))).contains("\"reviewer\": \"Ada\"",
                "\"date\": \"2026-12-03\"", "\"verdict\": \"fail\"");
    }

    @Test
    void aRealReplayRecordCountsForItemNine(@TempDir Path dir) throws Exception {
        Path records = dir.resolve("replays");
        Path notebook = EXAMPLES.resolve("clean-reproducible.ipynb");
        CliRunner.Result replay = CliRunner.run("replay", notebook.toString(), "--seeded", "--python", "/usr/bin/python3",
                "--record", records.toString());
        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        CliRunner.Result review = CliRunner.run("review", notebook.toString(), "--replay", records.toString());
        assertThat(review.out()).contains("[pass] 9. Reproduced", "- replay reproduced: ",
                "cell(s) compared with the saved outputs, seeded: ", "clean-reproducible.replay-seeded.json");
        // The other items still decide: a replayed notebook is not a pinned job.
        assertThat(review.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(review.out()).contains("[FAIL] 6. Hardware shape declared");
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** Runs the CLI with a given environment for the review command. */
    private static Result run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = LockstepCommand.commandLine();
        ReviewCommand review = commandLine.getSubcommands().get("review").getCommand();
        review.environment = environment;
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
