package dev.lockstep.review;

import java.io.PrintWriter;

/** The checklist for a terminal: one block per notebook or job, the overall verdict last. */
public final class TextReviewReport {
    private TextReviewReport() {
    }

    public static void write(ReviewSet set, PrintWriter out) {
        for (Review review : set.reviews()) {
            write(review, out);
            out.print("\n");
        }
        if (set.folder()) {
            long passed = set.reviews().stream().filter(r -> r.verdict() == Verdict.PASS).count();
            out.print("Folder " + set.path() + ": " + set.verdict().headline() + " (" + passed + " of "
                    + set.reviews().size() + " notebooks pass)\n");
        }
        out.flush();
    }

    private static void write(Review review, PrintWriter out) {
        out.print("Review of " + review.path() + " (" + review.kind().id()
                + (review.sha256() == null ? "" : ", sha256 " + review.sha256()) + ")\n");
        if (review.failed()) {
            out.print("  error: " + review.error() + "\n");
            out.print("Verdict: " + Verdict.FAIL.headline() + " (cannot be reviewed)\n");
            return;
        }
        for (String note : review.notes()) {
            out.print("  note: " + note + "\n");
        }
        for (ItemResult item : review.items()) {
            out.print(String.format("  [%s] %d. %s: %s%n", mark(item.status()), item.item().number(), item.item().title(),
                    item.summary()).replace(System.lineSeparator(), "\n"));
            for (Evidence e : item.evidence()) {
                out.print("        " + (e.decides() ? "x " : "- ") + e.text()
                        + (e.file() == null ? "" : "  [" + e.file() + "]") + "\n");
            }
        }
        long applicable = review.items().size() - review.count(ItemStatus.NOT_APPLICABLE);
        out.print("Verdict: " + review.verdict().headline() + " (" + review.count(ItemStatus.PASS) + " of " + applicable
                + " applicable items pass, " + review.count(ItemStatus.FAIL) + " fail, "
                + review.count(ItemStatus.NOT_APPLICABLE) + " not applicable)\n");
    }

    private static String mark(ItemStatus status) {
        return switch (status) {
            case PASS -> "pass";
            case FAIL -> "FAIL";
            case NOT_APPLICABLE -> " n/a";
        };
    }
}
