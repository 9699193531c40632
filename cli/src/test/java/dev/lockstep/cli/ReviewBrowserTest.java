package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review page as a person sees it: rendered by Debian's Chromium (headless), for the shipped
 * examples and for an extracted job that was run and verified with real Python. Without Chromium
 * this test fails (scripts/ensure-browser.sh installs it); it never passes by skipping.
 * Screenshots are kept in cli/target/review-browser/ for people to look at.
 */
class ReviewBrowserTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path EXAMPLES = CliRunner.repoRoot().resolve("test-notebooks/examples");
    private static final Path ADAPTER = EXAMPLES.resolve("pytorch-adapter-finetune.ipynb");
    private static final Path SHOTS = CliRunner.repoRoot().resolve("cli/target/review-browser");

    @TempDir
    static Path work;

    private static HeadlessChromium browser;

    @BeforeAll
    static void chromium() throws Exception {
        assertThat(HeadlessChromium.available())
                .withFailMessage("%s is missing: the review page must be checked in a real browser (Debian: chromium;"
                        + " scripts/ensure-browser.sh installs it)", HeadlessChromium.BINARY)
                .isTrue();
        browser = new HeadlessChromium(work);
        Files.createDirectories(SHOTS);
    }

    @Test
    void theConsoleCheckSeesErrorsWhenThereAreSome() throws Exception {
        Path bad = Files.writeString(work.resolve("bad.html"),
                "<!DOCTYPE html><html><body><p>x</p><script>console.error('oops'); notDefined();</script></body></html>");
        HeadlessChromium.Rendered rendered = browser.open(bad);
        assertThat(rendered.console()).anySatisfy(m -> assertThat(m).contains("oops"))
                .anySatisfy(m -> assertThat(m).contains("notDefined"));
    }

    @Test
    void theShippedExamplesFolderPage() throws Exception {
        Path page = work.resolve("examples.html");
        CliRunner.Result result = CliRunner.run("review", EXAMPLES.toString(), "--html", page.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.FINDINGS);

        HeadlessChromium.Rendered rendered = browser.open(page);
        assertThat(rendered.console()).as("console messages").isEmpty();
        assertThat(rendered.dom()).contains("id=\"verdict\"", "NOT REPRODUCIBLE", "<table id=\"summary\" class=\"sortable\">",
                "class=\"checklist\"", "Training data pinned", "Reproduced");
        assertThat(count(rendered.dom(), "<svg class=\"graph\"")).isEqualTo(7);
        assertThat(count(rendered.dom(), "<tr><td data-sort=")).isEqualTo(7);
        looksLikeAPage(page, "examples.png");
    }

    @Test
    void thePyTorchAdapterExamplePage() throws Exception {
        Path page = work.resolve("adapter.html");
        CliRunner.Result result = CliRunner.run("review", ADAPTER.toString(), "--html", page.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);

        HeadlessChromium.Rendered rendered = browser.open(page);
        assertThat(rendered.console()).isEmpty();
        assertThat(rendered.dom()).contains("<table class=\"checklist\" id=\"checklist\">", "NOT REPRODUCIBLE",
                "<svg class=\"graph\"", "<mark>", "/home/maria/projects/churn-adapter/data/train.csv");
        looksLikeAPage(page, "pytorch-adapter.png");
    }

    @Test
    void anExtractedRunAndVerifiedJobPasses() throws Exception {
        Launch probe = Launch.run(work, PYTHON.toString(), "-c", "import numpy, pandas, torch");
        assertThat(probe.exitCode()).withFailMessage("%s cannot import numpy, pandas and torch (Debian: python3-numpy"
                + " python3-pandas python3-torch; scripts/ensure-python-packages.sh)%n%s", PYTHON, probe.err()).isZero();
        // Pin what the interpreter really has, as a team would from its environment.
        Launch versions = Launch.run(work, PYTHON.toString(), "-c", "import importlib.metadata as m\n"
                + "for d in ('numpy', 'pandas', 'torch'): print(d + '==' + m.version(d))");
        Path requirements = Files.writeString(work.resolve("requirements.txt"), versions.out());

        Path job = work.resolve("adapter-job");
        CliRunner.Result extract = CliRunner.run("extract", ADAPTER.toString(), "-o", job.toString(), "--input",
                "data=" + EXAMPLES.resolve("data/train.csv"), "--requirements", requirements.toString());
        assertThat(extract.exitCode()).as(extract.out() + extract.err()).isZero();

        // Before any run: item 9 cannot pass.
        CliRunner.Result unrun = CliRunner.run("review", job.toString(), "--notebook", ADAPTER.toString());
        assertThat(unrun.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(unrun.out()).contains("[FAIL] 9. Reproduced: 0 successful run(s) of this version of the job");

        CliRunner.Result run = CliRunner.run("run", job.toString(), "--python", PYTHON.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRunner.Result once = CliRunner.run("review", job.toString(), "--notebook", ADAPTER.toString());
        assertThat(once.out()).contains("[FAIL] 9. Reproduced: 1 successful run(s) of this version of the job");

        CliRunner.Result verify = CliRunner.run("verify", job.toString(), "--python", PYTHON.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();

        Path page = work.resolve("job.html");
        CliRunner.Result review = CliRunner.run("review", job.toString(), "--notebook", ADAPTER.toString(), "--html",
                page.toString());
        assertThat(review.exitCode()).as(review.out()).isEqualTo(ExitCodes.OK);
        assertThat(review.out()).contains("[pass] 9. Reproduced", "output adapter: identical", "output metrics: identical",
                "Verdict: REPRODUCIBLE (8 of 8 applicable items pass, 0 fail, 1 not applicable)");

        HeadlessChromium.Rendered rendered = browser.open(page);
        assertThat(rendered.console()).isEmpty();
        assertThat(rendered.dom()).contains("<div id=\"verdict\" class=\"verdict pass\">REPRODUCIBLE</div>",
                "id=\"checklist\"", "<svg class=\"graph\"", "<table class=\"runs\">");
        assertThat(count(rendered.dom(), "<span class=\"status pass\">pass</span>")).isGreaterThanOrEqualTo(8);
        looksLikeAPage(page, "verified-job.png");
    }

    @Test
    void theFolderSummarySortsWhenAPersonClicksAColumnHeading() throws Exception {
        Path page = work.resolve("sortable.html");
        CliRunner.run("review", EXAMPLES.toString(), "--html", page.toString());
        Path control = Files.writeString(work.resolve("control.html"),
                "<!DOCTYPE html><html><body><script>console.warn('control'); missing();</script></body></html>");
        try (DevToolsPage controlPage = DevToolsPage.launch(work)) {
            controlPage.open(control);
            assertThat(controlPage.problems()).as("the DevTools check sees console calls and exceptions")
                    .anySatisfy(p -> assertThat(p).contains("control"))
                    .anySatisfy(p -> assertThat(p).contains("missing"));
        }
        try (DevToolsPage browserPage = DevToolsPage.launch(work)) {
            browserPage.open(page);
            String column = "Array.from(document.querySelectorAll('#summary tbody tr'))"
                    + ".map(function (r) { return r.cells[%d].getAttribute('data-sort'); })";
            String click = "document.querySelectorAll('#summary th')[%d].click();";
            List<Integer> before = numbers(browserPage.evaluate(String.format(column, 4)));
            browserPage.evaluate(String.format(click, 4));
            List<Integer> ascending = numbers(browserPage.evaluate(String.format(column, 4)));
            browserPage.evaluate(String.format(click, 4));
            List<Integer> descending = numbers(browserPage.evaluate(String.format(column, 4)));
            assertThat(ascending).hasSize(before.size()).isSorted().containsExactlyInAnyOrderElementsOf(before);
            assertThat(descending).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(ascending).isNotEqualTo(before); // the click changed the order (document order is by name)
            assertThat(browserPage.evaluate("document.querySelectorAll('#summary th')[4].getAttribute('aria-sort')")
                    .asText()).isEqualTo("descending");
            assertThat(browserPage.evaluate("document.querySelector('svg.graph').getBBox().height").asDouble())
                    .isGreaterThan(100);
            assertThat(browserPage.problems()).as("console calls, exceptions, CSP violations").isEmpty();
        }
    }

    private static List<Integer> numbers(com.fasterxml.jackson.databind.JsonNode array) {
        List<Integer> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(Integer.parseInt(v.asText())));
        return values;
    }

    /** A screenshot that a person would call a page: many colours, not one. */
    private static void looksLikeAPage(Path page, String name) throws Exception {
        BufferedImage image = browser.screenshot(page, SHOTS.resolve(name), 1200, 1600);
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(HeadlessChromium.distinctColours(image)).as("distinct colours in " + name).isGreaterThan(50);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private record Launch(int exitCode, String out, String err) {
        static Launch run(Path directory, String... command) throws Exception {
            Path out = Files.createTempFile(directory, "launch", ".out");
            Path err = Files.createTempFile(directory, "launch", ".err");
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + List.of(command));
            }
            return new Launch(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }
}
