package dev.lockstep.extractor.plan;

import java.util.List;

/**
 * The order the job runs the code cells in, and why.
 *
 * @param mode     the order chosen (never AUTO)
 * @param cells    0-based indexes of code cells, in run order
 * @param reason   one sentence for extraction.json and the README
 */
public record OrderDecision(OrderMode mode, List<Integer> cells, String reason) {
    public OrderDecision {
        cells = List.copyOf(cells);
    }
}
