package dev.lockstep.review;

import java.util.List;

/**
 * Everything one {@code lockstep review PATH} reviewed.
 *
 * @param path    as the user named it
 * @param folder  whether PATH is a folder of notebooks (the page gets a summary table)
 * @param reviews one per notebook or job, in a stable order (folders: sorted paths)
 */
public record ReviewSet(String path, boolean folder, List<Review> reviews) {

    public ReviewSet {
        reviews = List.copyOf(reviews);
    }

    /** Pass when every review passes (and there is at least one). */
    public Verdict verdict() {
        return !reviews.isEmpty() && reviews.stream().allMatch(r -> r.verdict() == Verdict.PASS) ? Verdict.PASS : Verdict.FAIL;
    }

    public boolean anyFailedToRead() {
        return reviews.stream().anyMatch(Review::failed);
    }
}
