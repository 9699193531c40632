package dev.lockstep.analyzer.relevance;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Position;
import dev.lockstep.analyzer.history.CellRoles;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Location;
import dev.lockstep.analyzer.semantics.NameRead;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which code can affect the notebook's results, so that findings about results are not raised
 * on code that cannot: the body of a branch that never runs ({@code if False:}, {@code if 0:},
 * {@code while False:}), and a random pick ({@code randint}, {@code choice}, {@code sample})
 * whose value is only shown (an example to plot or print). A draw that is data (a permutation
 * fed to a metric) stays relevant even when the metric is only printed: it is a result. Findings about the file itself (secrets, syntax, suppressions) stay whatever
 * the code does.
 */
public final class Relevance {

    /** Rules whose findings are about results; only these are dropped on irrelevant code. */
    private static final Set<String> ABOUT_RESULTS_PREFIXES = Set.of("LS1", "LS2", "LS3", "LS4", "LS5");
    private static final Set<String> ALWAYS_KEPT = Set.of("LS101", "LS102", "LS103", "LS109", "LS405", "LS503",
            "LS504", "LS506");
    /** Rules about draws, which a draw that only feeds a display makes moot. */
    private static final Set<String> DRAW_RULES = Set.of("LS301", "LS302", "LS303", "LS304", "LS305", "LS310");

    /** Draws that pick an example (an index or an element), as opposed to drawing data. */
    private static final java.util.regex.Pattern PICKER =
            java.util.regex.Pattern.compile("\\b(randint|randrange|choice|choices|sample)\\s*\\(");

    private final AnalyzedNotebook notebook;
    private final List<Range> dead = new ArrayList<>();

    private Relevance(AnalyzedNotebook notebook) {
        this.notebook = notebook;
        for (AnalyzedCell cell : notebook.pythonCells()) {
            cell.root().walk(node -> {
                if ((node.is("if_statement") || node.is("while_statement")) && isConstantFalse(node.child("condition"))) {
                    SyntaxNode body = node.child("consequence") != null ? node.child("consequence") : node.child("body");
                    if (body != null) {
                        dead.add(new Range(cell.number(), cell.position(body)));
                    }
                }
            });
        }
    }

    public static Relevance of(AnalyzedNotebook notebook) {
        return new Relevance(notebook);
    }

    /** The findings that are about code which can affect results, or about the file itself. */
    public List<Finding> filter(List<Finding> findings) {
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            if (!aboutResults(finding.ruleId()) || !(inDeadCode(finding.location()) || onlyShown(finding))) {
                kept.add(finding);
            }
        }
        return kept;
    }

    private static boolean aboutResults(String ruleId) {
        return ruleId.length() >= 3 && ABOUT_RESULTS_PREFIXES.contains(ruleId.substring(0, 3))
                && !ALWAYS_KEPT.contains(ruleId);
    }

    /** Whether the location lies in the body of a branch whose condition is a false constant. */
    public boolean inDeadCode(Location at) {
        for (Range range : dead) {
            if (range.contains(at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A draw bound to a name ({@code idx = random.randint(0, n)}) whose every read is in a
     * statement that only shows something ({@code plt.imshow(images[idx])}, {@code print(...)}).
     */
    private boolean onlyShown(Finding finding) {
        if (!DRAW_RULES.contains(finding.ruleId()) || finding.location().cell() <= 0) {
            return false;
        }
        AnalyzedCell cell = notebook.cell(finding.location().cell() - 1);
        if (!cell.isPython() || cell.hasSyntaxErrors()) {
            return false;
        }
        for (SyntaxNode statement : cell.root().namedChildren()) {
            Position p = cell.position(statement);
            Location at = finding.location();
            if (!(p.line() <= at.line() && at.line() <= p.endLine())) {
                continue;
            }
            if (!PICKER.matcher(statement.text()).find()) {
                return false; // a draw that is data (a permutation, noise), not the choice of an example to show
            }
            if (CellRoles.showsOnly(statement)) {
                return true; // print(random.choice(words)): shown, not kept
            }
            if (!statement.is("expression_statement") || statement.namedChildren().size() != 1
                    || !statement.namedChildren().get(0).is("assignment")) {
                return false;
            }
            SyntaxNode left = statement.namedChildren().get(0).child("left");
            if (left == null || !left.is("identifier")) {
                return false;
            }
            return readsOnlyShow(left.text(), cell);
        }
        return false;
    }

    private boolean readsOnlyShow(String name, AnalyzedCell defining) {
        boolean any = false;
        for (AnalyzedCell cell : notebook.pythonCells()) {
            if (cell.index() < defining.index()) {
                continue;
            }
            for (NameRead read : cell.semantics().reads()) {
                if (!read.name().equals(name)) {
                    continue;
                }
                any = true;
                SyntaxNode statement = read.node();
                while (statement.parent() != null && !statement.parent().is("module")) {
                    statement = statement.parent();
                }
                if (!CellRoles.showsOnly(statement)) {
                    return false;
                }
            }
        }
        return any;
    }

    private static boolean isConstantFalse(SyntaxNode condition) {
        if (condition == null) {
            return false;
        }
        String text = condition.text().strip();
        while (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text.equals("False") || text.equals("0") || text.equals("None");
    }

    /** The source range of a dead branch body in a cell. */
    private record Range(int cell, Position position) {
        boolean contains(Location at) {
            if (at.cell() != cell) {
                return false;
            }
            boolean afterStart = at.line() > position.line()
                    || (at.line() == position.line() && at.column() >= position.column());
            boolean beforeEnd = at.line() < position.endLine()
                    || (at.line() == position.endLine() && at.column() < position.endColumn());
            return afterStart && beforeEnd;
        }
    }
}
