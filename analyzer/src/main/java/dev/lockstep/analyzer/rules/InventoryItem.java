package dev.lockstep.analyzer.rules;

import java.util.Comparator;
import java.util.Objects;

/**
 * One entry of a notebook's inventory: a site a rule lists rather than reports one by one
 * (hyperparameter literals, reduced-precision settings, device literals, environment reads). The
 * rule reports at most one summary finding; the inventory keeps every site for the report and
 * the job plan.
 *
 * @param ruleId   the rule that listed it
 * @param location where
 * @param item     what it is, in a few words ({@code lr = 2e-4}, {@code bf16=True})
 */
public record InventoryItem(String ruleId, Location location, String item) {

    /** Inventories sort by rule, then place, then text: reports are deterministic. */
    public static final Comparator<InventoryItem> ORDER = Comparator.comparing(InventoryItem::ruleId)
            .thenComparing(InventoryItem::location)
            .thenComparing(InventoryItem::item);

    public InventoryItem {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(item, "item");
    }
}
