package dev.lockstep.review;

import java.util.Collection;

/** The overall answer: every applicable item passes, or not. */
public enum Verdict {
    PASS("pass", "REPRODUCIBLE"),
    FAIL("fail", "NOT REPRODUCIBLE");

    private final String id;
    private final String headline;

    Verdict(String id, String headline) {
        this.id = id;
        this.headline = headline;
    }

    public String id() {
        return id;
    }

    /** What the page and the text report print in capitals. */
    public String headline() {
        return headline;
    }

    /** Pass only when nothing fails and at least one item was applicable (a review that checked nothing passes nothing). */
    public static Verdict of(Collection<ItemResult> items) {
        boolean anyApplicable = items.stream().anyMatch(i -> i.status() != ItemStatus.NOT_APPLICABLE);
        boolean anyFailed = items.stream().anyMatch(i -> i.status() == ItemStatus.FAIL);
        return anyApplicable && !anyFailed ? PASS : FAIL;
    }
}
