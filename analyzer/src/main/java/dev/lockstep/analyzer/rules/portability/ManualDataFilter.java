package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.ArrayList;
import java.util.List;

/**
 * LS507: rows removed or kept by a hand-written list of row labels: {@code df.drop([3, 17, 42])},
 * {@code df.drop(index=[...])}, {@code df.drop(df.index[[...]])}, {@code np.delete(X, [...], axis=0)},
 * {@code df[~df.index.isin([...])]}, and {@code df2 = df.iloc[[...]]} / {@code df.loc[[...]]}.
 * Column drops ({@code columns=}, {@code axis=1}) are not row filters. Without an explicit
 * index or row axis only integer labels count ({@code df.drop(["a"])} is most often a column
 * name missing its axis). Slices and positions computed from the data ({@code df.iloc[:-n]})
 * are criteria, not hand-picked rows. A selection shown without being kept
 * ({@code df.iloc[[3, 17]]} as a cell's last line) is a look at the data, not a filter.
 * polars and Spark frames, whose {@code drop} removes columns, are left alone.
 */
@RuleInfo(id = "LS507", name = "manual-data-filter", category = Category.PORTABILITY,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "Rows dropped by hand-picked literals (df.drop([3, 17, 42]), literal index lists): a filter step that needs a written criterion and a test")
public final class ManualDataFilter implements Rule {

    private static final int SHOWN = 6;

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        for (CallSite call : notebook.calls()) {
            if (call.hasStarArgs()) {
                continue;
            }
            List<String> labels = null;
            String what = null;
            if ("drop".equals(call.methodName()) && call.receiver() != null
                    && notebook.qualify(call.cell(), call.receiver()) == null && !isColumnFrame(call.receiverOrigin())) {
                labels = droppedRows(call);
                what = "drops rows picked by hand";
            } else if (call.is("numpy.delete") && isRowAxis(call.argument(2, "axis"), false)) {
                labels = handPicked(call.argument(1, "obj"), false, 1);
                what = "deletes rows picked by hand";
            } else if ("isin".equals(call.methodName()) && isIndex(call.receiver())) {
                labels = handPicked(call.argument(0, "values"), true, 1);
                what = "filters rows by a hand-picked index list";
            }
            if (labels != null) {
                context.report(call.cell(), call.node(), what + " (" + shown(labels) + "): write the reason down as a "
                        + "criterion on the data, or as a reviewed exclusion list read from a file, and test it");
            }
        }
        for (AnalyzedCell cell : notebook.pythonCells()) {
            cell.root().walk(node -> {
                List<String> kept = keptSelection(node);
                if (kept != null) {
                    context.report(cell, node, "keeps only rows picked by hand (" + shown(kept) + "): write the reason "
                            + "down as a criterion on the data, or as a reviewed list read from a file, and test it");
                }
            });
        }
    }

    /** The row labels {@code x.drop(...)} removes by literal, or null when it drops columns or computed rows. */
    private static List<String> droppedRows(CallSite call) {
        SyntaxNode index = call.keyword("index");
        if (index != null) {
            return handPicked(index, true, 1);
        }
        if (call.hasKeyword("columns")) {
            return null;
        }
        SyntaxNode axis = call.argument(1, "axis");
        if (axis != null && !isRowAxis(axis, true)) {
            return null;
        }
        return handPicked(call.argument(0, "labels"), axis != null, 1);
    }

    /** {@code df2 = df.iloc[[3, 17]]} or {@code df.loc[[...]]} whose result is kept (assigned). */
    private static List<String> keptSelection(SyntaxNode node) {
        if (!node.is("subscript")) {
            return null;
        }
        SyntaxNode value = node.child("value");
        if (value == null || !value.is("attribute") || value.child("attribute") == null) {
            return null;
        }
        String accessor = value.child("attribute").text();
        if (!accessor.equals("iloc") && !accessor.equals("loc")) {
            return null;
        }
        List<SyntaxNode> keys = node.children("subscript");
        if (keys.size() != 1 || !keys.get(0).is("list") || !isAssignedValue(node)) {
            return null;
        }
        return handPicked(keys.get(0), false, 2);
    }

    /** Whether the expression is (part of) the value of an assignment, not its target and not a bare display. */
    private static boolean isAssignedValue(SyntaxNode node) {
        SyntaxNode child = node;
        for (SyntaxNode parent = node.parent(); parent != null; child = parent, parent = parent.parent()) {
            if (parent.is("assignment") || parent.is("augmented_assignment")) {
                return child == parent.child("right");
            }
            if (parent.is("expression_statement") || parent.is("block") || parent.is("module")) {
                return false;
            }
        }
        return false;
    }

    /**
     * The labels of a literal list, tuple or set of integers (of strings too when {@code strings}),
     * a single integer, or {@code df.index[[...]]}; null for anything computed or too short.
     */
    private static List<String> handPicked(SyntaxNode node, boolean strings, int minimum) {
        if (node == null) {
            return null;
        }
        if (node.is("subscript") && isIndex(node.child("value"))) {
            List<SyntaxNode> keys = node.children("subscript");
            return keys.size() == 1 ? handPicked(keys.get(0), false, minimum) : null;
        }
        if (isInteger(node)) {
            return minimum <= 1 ? List.of(node.text()) : null;
        }
        if (!node.is("list") && !node.is("tuple") && !node.is("set")) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (SyntaxNode element : node.namedChildren()) {
            if (element.is("comment")) {
                continue;
            }
            if (isInteger(element) || (strings && StringLiterals.value(element) != null)) {
                labels.add(element.text());
            } else {
                return null;
            }
        }
        return labels.size() >= minimum ? labels : null;
    }

    private static boolean isInteger(SyntaxNode node) {
        return node.is("integer") || (node.is("unary_operator") && node.namedChildren().size() == 1
                && node.namedChildren().get(0).is("integer") && node.text().startsWith("-"));
    }

    /** {@code x.index}. */
    private static boolean isIndex(SyntaxNode node) {
        return node != null && node.is("attribute") && node.child("attribute") != null
                && node.child("attribute").text().equals("index");
    }

    /**
     * Whether an axis argument means rows ({@code 0}, {@code "index"}, {@code "rows"}); an absent
     * one counts when {@code absentIsRows}.
     */
    private static boolean isRowAxis(SyntaxNode axis, boolean absentIsRows) {
        if (axis == null) {
            return absentIsRows;
        }
        String literal = StringLiterals.value(axis);
        return axis.text().strip().equals("0") || "index".equals(literal) || "rows".equals(literal);
    }

    /** Frames whose {@code drop} takes column names. */
    private static boolean isColumnFrame(String origin) {
        return origin != null && (origin.startsWith("polars.") || origin.startsWith("pyspark."));
    }

    private static String shown(List<String> labels) {
        List<String> head = labels.size() > SHOWN ? labels.subList(0, SHOWN) : labels;
        return String.join(", ", head) + (labels.size() > SHOWN ? ", ..." : "");
    }
}
