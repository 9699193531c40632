package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.rules.BuiltInRules;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.NotebookChecker;
import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.extractor.code.SyntheticNotebook;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.OrderDecision;
import dev.lockstep.extractor.plan.OrderMode;
import dev.lockstep.extractor.plan.PlannedCell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;

/**
 * Pass 1: chooses the order the job runs cells in. {@code auto} keeps document order when no
 * name is used before it is defined, else takes the recorded execution order when that
 * resolves every name, else blocks, naming the unresolved names and cells.
 */
public final class OrderPass implements Pass {
    private static final NotebookChecker USE_BEFORE_DEFINITION =
            new NotebookChecker(RuleSet.of(BuiltInRules.all(), List.of("LS104"), Set.of(), Map.of()));

    @Override
    public String name() {
        return "order";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        AnalyzedNotebook source = plan.source();
        List<PlannedCell> document = plan.cells();
        List<PlannedCell> recorded = recordedOrder(plan);
        boolean executed = source.history().anyExecuted();
        ExtractionPlan.Builder next = plan.toBuilder();
        OrderMode mode = plan.options().order();

        List<Finding> documentGaps = USE_BEFORE_DEFINITION.check(source);
        if (mode == OrderMode.DOCUMENT || (mode == OrderMode.AUTO && documentGaps.isEmpty())) {
            String reason = mode == OrderMode.DOCUMENT ? "document order, as asked (--order document)"
                    : "document order: no name is used before it is defined";
            blockUnresolved(next, documentGaps, document, "document order");
            return next.order(decision(OrderMode.DOCUMENT, document, reason)).cells(document).build();
        }
        List<Finding> recordedGaps = gaps(plan, recorded);
        if (mode == OrderMode.RECORDED) {
            blockUnresolved(next, recordedGaps, recorded, "recorded order");
            return next.order(decision(OrderMode.RECORDED, recorded, "recorded execution order, as asked (--order recorded)"))
                    .cells(recorded).build();
        }
        if (executed && recordedGaps.isEmpty()) {
            String reason = "recorded execution order: document order uses " + describe(documentGaps, document)
                    + " before defining it, and the order the cells were last run resolves every name";
            return next.order(decision(OrderMode.RECORDED, recorded, reason)).cells(recorded).build();
        }
        String reason = "document order, unresolved: neither document order nor the recorded order defines "
                + describe(documentGaps, document) + " before use";
        blockUnresolved(next, documentGaps, document, "document order" + (executed ? " or the recorded order" : ""));
        return next.order(decision(OrderMode.DOCUMENT, document, reason)).cells(document).build();
    }

    private static OrderDecision decision(OrderMode mode, List<PlannedCell> cells, String reason) {
        return new OrderDecision(mode, cells.stream().map(PlannedCell::index).toList(), reason);
    }

    /** Executed cells by count, then the never-run cells in document order. */
    private static List<PlannedCell> recordedOrder(ExtractionPlan plan) {
        Map<Integer, Cell> byIndex = new HashMap<>();
        plan.source().notebook().codeCells().forEach(c -> byIndex.put(c.index(), c));
        List<PlannedCell> ran = new ArrayList<>();
        List<PlannedCell> never = new ArrayList<>();
        for (PlannedCell cell : plan.cells()) {
            (byIndex.get(cell.index()).executionCount() == null ? never : ran).add(cell);
        }
        ran.sort(Comparator.comparingInt((PlannedCell c) -> byIndex.get(c.index()).executionCount())
                .thenComparingInt(PlannedCell::index));
        List<PlannedCell> order = new ArrayList<>(ran);
        order.addAll(never);
        return order;
    }

    /** Use-before-definition findings when the cells run in the given order. */
    private static List<Finding> gaps(ExtractionPlan plan, List<PlannedCell> order) {
        SyntheticNotebook synthetic = SyntheticNotebook.of(plan.source(), order);
        List<Finding> findings = USE_BEFORE_DEFINITION.check(synthetic.analyzed());
        // Report them against the notebook's own cell numbers.
        List<Finding> mapped = new ArrayList<>();
        for (Finding f : findings) {
            PlannedCell cell = synthetic.planned(f.location().cell() - 1);
            mapped.add(new Finding(f.ruleId(), f.ruleName(), f.severity(),
                    new dev.lockstep.analyzer.rules.Location(cell.number(), cell.id(), f.location().line(),
                            f.location().column(), f.location().endLine(), f.location().endColumn()),
                    f.message(), f.sourceLine(), null));
        }
        return mapped;
    }

    private static void blockUnresolved(ExtractionPlan.Builder next, List<Finding> gaps, List<PlannedCell> order,
            String orderName) {
        for (Finding gap : gaps) {
            next.blocker(new Blocker("LS104", gap.location().cell(), gap.location().line(), gap.message(),
                    "reorder the cells (or define the name above its first use) so that " + orderName
                            + " runs; then extract again"));
        }
    }

    /** "'model' (cell 2), 'X_test' (cell 2)". */
    private static String describe(List<Finding> gaps, List<PlannedCell> order) {
        Map<String, Integer> names = new java.util.LinkedHashMap<>();
        for (Finding gap : gaps) {
            String message = gap.message();
            int start = message.indexOf('\'');
            int end = start < 0 ? -1 : message.indexOf('\'', start + 1);
            String name = start >= 0 && end > start ? message.substring(start + 1, end) : "a name";
            names.putIfAbsent(name, gap.location().cell());
        }
        Set<String> parts = new LinkedHashSet<>();
        for (Entry<String, Integer> e : names.entrySet()) {
            parts.add("'" + e.getKey() + "' (cell " + e.getValue() + ")");
        }
        return String.join(", ", parts);
    }
}
