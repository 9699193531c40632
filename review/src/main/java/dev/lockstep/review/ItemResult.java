package dev.lockstep.review;

import java.util.List;
import java.util.Objects;

/**
 * One contract item, decided.
 *
 * @param item     which
 * @param status   pass, fail or not applicable
 * @param summary  one sentence saying why
 * @param evidence the facts, deciding ones first
 */
public record ItemResult(ContractItem item, ItemStatus status, String summary, List<Evidence> evidence) {

    public ItemResult {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
    }
}
