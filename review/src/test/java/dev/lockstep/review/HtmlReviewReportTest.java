package dev.lockstep.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReviewReportTest {

    @Test
    void notebookTextIsEscapedEverywhere(@TempDir Path dir) throws Exception {
        Path notebook = TestNotebooks.write(dir.resolve("hostile<b>.ipynb"), List.of(
                new TestNotebooks.CodeCell("import random\nx = \"</script><script>alert(1)</script>\"\n"
                        + "y = random.random()  # <img src=x onerror=alert(2)>", 1),
                new TestNotebooks.CodeCell("<img src=x onerror=alert(3)> = 1\nprint(\"</svg><svg onload=alert(4)>\")", 2),
                new TestNotebooks.CodeCell("df = open('/home/eve/\"><img src=x onerror=alert(5)>.csv').read()", 3)));
        String page = page(notebook.toString(), dir);
        // One script element, ours; no markup from the notebook survives as markup.
        assertThat(count(page, "<script")).isEqualTo(1);
        assertThat(page).doesNotContain("<img", "<svg onload", "<b>.ipynb")
                .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("hostile&lt;b&gt;.ipynb");
    }

    @Test
    void thePageIsSelfContainedAndItsScriptIsAllowedByHash() {
        String page = page(TestNotebooks.examples().toString(), null);
        assertThat(page).doesNotContain("<link", "<img", "<iframe", " src=", "url(http", "@import");
        Matcher urls = Pattern.compile("https?://[^\"' <)]+").matcher(page);
        List<String> found = new ArrayList<>();
        while (urls.find()) {
            found.add(urls.group());
        }
        assertThat(found).as("no URL but the SVG namespace").containsOnly("http://www.w3.org/2000/svg");
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(script.find()).isTrue();
        String hash = "sha256-" + Base64.getEncoder().encodeToString(sha256(script.group(1)));
        assertThat(page).contains("script-src '" + hash + "'", "default-src 'none'");
    }

    @Test
    void checklistVerdictGraphAndSummaryAreOnThePage() {
        String single = page(TestNotebooks.examples().resolve("sklearn-churn-model.ipynb").toString(), null);
        assertThat(single).contains("id=\"verdict\"", "NOT REPRODUCIBLE", "id=\"checklist\"", "<svg class=\"graph\"",
                "class=\"edge late\"", "node dropped", "node blocked", "<mark>");
        String folder = page(TestNotebooks.examples().toString(), null);
        assertThat(folder).contains("<table id=\"summary\" class=\"sortable\">", "href=\"#r5\"");
        assertThat(count(folder, "<svg class=\"graph\"")).isEqualTo(7);
    }

    @Test
    void theSamePageTwice() {
        String path = TestNotebooks.examples().toString();
        assertThat(page(path, null)).isEqualTo(page(path, null));
    }

    @Test
    void aThreeHundredCellNotebookStaysUnderThreeMegabytes(@TempDir Path dir) throws Exception {
        Path notebook = TestNotebooks.write(dir.resolve("long.ipynb"), longNotebook(300));
        ReviewSet set = new Reviewer().review(notebook.toString(), Reviewer.Options.none());
        String page = new HtmlReviewReport(dir).render(set);
        int bytes = page.getBytes(StandardCharsets.UTF_8).length;
        System.out.println("300-cell notebook (" + set.reviews().get(0).findings().size() + " findings): page " + bytes
                + " bytes");
        assertThat(set.reviews().get(0).findings().size()).isGreaterThan(100);
        assertThat(count(page, "<g class=\"node")).isEqualTo(300);
        assertThat(bytes).isLessThan(3_000_000);
    }

    /** Realistic cells: data loading from absolute paths, unseeded draws, out-of-order counts, hyperparameters. */
    static List<TestNotebooks.CodeCell> longNotebook(int cells) {
        List<TestNotebooks.CodeCell> list = new ArrayList<>();
        list.add(new TestNotebooks.CodeCell("import numpy as np\nimport pandas as pd\nimport random", 1));
        for (int i = 1; i < cells; i++) {
            String source = switch (i % 5) {
                case 0 -> "df" + i + " = pd.read_csv(\"/home/ana/data/part-" + i + ".csv\")\ndf" + i + ".describe()";
                case 1 -> "noise" + i + " = np.random.normal(size=100)\nweights" + i + " = noise" + i + " * " + i;
                case 2 -> "learning_rate = 0.00" + i + "\nepochs = " + (i % 7 + 1) + "\nbatch_size = 32";
                case 3 -> "sample" + i + " = random.random()\ntotal = sample" + i + " + " + i + "  # later: x" + (i + 2);
                default -> "x" + i + " = total * 2\nprint(x" + i + ", learning_rate, epochs)";
            };
            list.add(new TestNotebooks.CodeCell(source, i % 17 == 0 ? i + 5 : i + 1));
        }
        return list;
    }

    static String page(String path, Path htmlDir) {
        return new HtmlReviewReport(htmlDir).render(new Reviewer().review(path, Reviewer.Options.none()));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
