package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.facts.params.Hyperparameter;
import dev.lockstep.analyzer.facts.params.Hyperparameters;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.extractor.ExtractException;
import dev.lockstep.extractor.code.PythonText;
import dev.lockstep.extractor.code.SyntheticNotebook;
import dev.lockstep.extractor.code.CellEdits;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.Param;
import dev.lockstep.extractor.plan.PlannedCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pass 5: literals bound to hyperparameters become {@code params} in lockstep.yaml and the
 * script reads them from the config. What counts as a hyperparameter is LS509's catalogue
 * ({@link Hyperparameters}), so the scan and the job agree; {@code --param NAME} also lifts the
 * literal (of any type) bound to a module-level name the catalogue does not know.
 */
public final class ParamPass implements Pass {

    @Override
    public String name() {
        return "params";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        List<PlannedCell> kept = plan.keptCells();
        SyntheticNotebook synthetic = SyntheticNotebook.of(plan.source(), kept);
        ExtractionPlan.Builder next = plan.toBuilder();
        Map<Integer, List<Fix.Edit>> edits = new HashMap<>();
        Set<String> taken = new HashSet<>();
        Set<SyntaxNode> lifted = new HashSet<>();
        for (Hyperparameter h : synthetic.analyzed().facts().hyperparameters()) {
            taken.add(h.parameter());
            lifted.add(h.literal());
            lift(next, edits, synthetic, h.cell(), h.literal(), h.parameter(), h.value());
        }
        for (String requested : plan.options().paramNames()) {
            if (!liftRequested(requested, synthetic, next, edits, taken, lifted)) {
                throw new ExtractException("--param " + requested + ": no module-level '" + requested
                        + " = <literal>' in the cells the job keeps");
            }
        }
        List<PlannedCell> cells = CellEdits.apply(plan.cells(), kept, edits);
        return next.cells(cells).build();
    }

    /** Lifts {@code NAME = literal}, bound once at module level, for {@code --param NAME}. */
    private boolean liftRequested(String name, SyntheticNotebook synthetic, ExtractionPlan.Builder next,
            Map<Integer, List<Fix.Edit>> edits, Set<String> taken, Set<SyntaxNode> lifted) {
        List<Definition> definitions = synthetic.analyzed().definitionsOf(name);
        if (definitions.size() != 1 || definitions.get(0).node() == null) {
            return false;
        }
        SyntaxNode assignment = definitions.get(0).node().parent();
        if (assignment == null || !assignment.is("assignment")) {
            return false;
        }
        SyntaxNode literal = assignment.child("right");
        // The one evaluator's value of the literal itself: ~5 is -6, 1_000 is 1000, 1e-3 is 0.001.
        Object value = literal == null || !isLiteral(literal) ? null
                : synthetic.analyzed().facts().values().of(definitions.get(0).cell(), literal).toJava();
        if (value == null) {
            return false;
        }
        if (lifted.contains(literal)) {
            return true; // already a catalogued hyperparameter
        }
        String parameter = name;
        int n = 2;
        while (!taken.add(parameter)) {
            parameter = name + "_" + n++;
        }
        lift(next, edits, synthetic, definitions.get(0).cell(), literal, parameter, value);
        return true;
    }

    /** A literal, possibly signed or inverted ({@code -3}, {@code ~5}): not a name or a computation the job must keep. */
    private static boolean isLiteral(SyntaxNode node) {
        SyntaxNode n = node;
        while (n.is("unary_operator") || n.is("parenthesized_expression")) {
            SyntaxNode inner = n.is("unary_operator") ? n.child("argument")
                    : n.namedChildren().size() == 1 ? n.namedChildren().get(0) : null;
            if (inner == null) {
                return false;
            }
            n = inner;
        }
        return n.is("integer") || n.is("float") || n.is("true") || n.is("false")
                || (n.is("string") && n.firstChildOfType("interpolation") == null) || n.is("concatenated_string");
    }

    private void lift(ExtractionPlan.Builder next, Map<Integer, List<Fix.Edit>> edits, SyntheticNotebook synthetic,
            AnalyzedCell cell, SyntaxNode literal, String param, Object value) {
        PlannedCell planned = synthetic.planned(cell);
        int line = cell.position(literal).line();
        next.param(new Param(param, value, planned.number(), line, literal.text()));
        String access = "CONFIG.params[" + PythonText.string(param) + "]";
        edits.computeIfAbsent(cell.index(), k -> new ArrayList<>())
                .add(new Fix.Edit(literal.startOffset(), literal.endOffset(), access));
        next.change(new Change(name(), planned.number(), line, "literal " + literal.text() + " became param '" + param + "'"));
    }
}
