package dev.lockstep.review;

/** How one contract item stands. */
public enum ItemStatus {
    PASS("pass"),
    FAIL("fail"),
    NOT_APPLICABLE("not-applicable");

    private final String id;

    ItemStatus(String id) {
        this.id = id;
    }

    /** The value JSON, the page and the trail use. */
    public String id() {
        return id;
    }

    /** For people: "pass", "fail", "not applicable". */
    public String label() {
        return id.replace('-', ' ');
    }
}
