package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.python.PythonParser;
import dev.lockstep.analyzer.python.SyntaxProblem;
import dev.lockstep.analyzer.rules.BuiltInRules;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.NotebookChecker;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleDocs;
import dev.lockstep.analyzer.rules.RuleMetadata;
import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.PlannedCell;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pass 9: collects everything that cannot be made deterministic and runnable. The analyzer's
 * findings of rules whose remedy is BLOCKER, in the cells the job keeps (or about the whole
 * notebook), join the blockers earlier passes raised; a kept cell whose final code does not
 * parse is commented out so the script still parses, and blocks. GPU-nondeterministic ops do
 * not block when the user declared a tolerance for the outputs.
 */
public final class BlockerPass implements Pass {
    private static final PythonParser PARSER = new PythonParser();

    /** Blockers other passes already raise, or rules whose gap those passes resolve. */
    private static final Set<String> HANDLED_ELSEWHERE = Set.of("LS104", "LS401", "LS204");

    @Override
    public String name() {
        return "blockers";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        ExtractionPlan.Builder next = plan.toBuilder();
        Set<String> seen = new HashSet<>();
        for (Blocker b : plan.blockers()) {
            seen.add(b.ruleId() + "@" + b.cell() + ":" + b.line());
        }
        Set<Integer> keptNumbers = new HashSet<>();
        plan.keptCells().forEach(c -> keptNumbers.add(c.number()));
        List<Rule> blocking = BuiltInRules.all().stream()
                .filter(r -> r.metadata().remedy() == Remedy.BLOCKER && !HANDLED_ELSEWHERE.contains(r.metadata().id()))
                .toList();
        List<Finding> findings = new NotebookChecker(RuleSet.of(blocking, null, Set.of(), Map.of())).check(plan.source());
        boolean tolerated = !plan.options().tolerances().isEmpty();
        for (Finding finding : findings) {
            int cell = finding.location().cell();
            if (cell > 0 && !keptNumbers.contains(cell)) {
                continue;
            }
            if (finding.ruleId().equals("LS308") && tolerated) {
                continue;
            }
            if (seen.add(finding.ruleId() + "@" + cell + ":" + finding.location().line())) {
                next.blocker(new Blocker(finding.ruleId(), cell, cell > 0 ? finding.location().line() : 0,
                        finding.message(), decision(finding.ruleId())));
            }
        }
        List<PlannedCell> cells = new ArrayList<>();
        for (PlannedCell cell : plan.cells()) {
            if (!cell.kept()) {
                cells.add(cell);
                continue;
            }
            List<SyntaxProblem> problems = new ArrayList<>(PARSER.parse(cell.code()).problems());
            int indented = firstIndentedStatementLine(cell.code());
            if (problems.isEmpty() && indented >= 0) {
                // IPython runs a cell whose code starts indented (it dedents it); in the script the
                // cell's code sits at module level, where CPython refuses the indent.
                problems.add(new SyntaxProblem(indented, 0, "the code starts indented, which only IPython accepts"));
            }
            if (problems.isEmpty()) {
                cells.add(cell);
                continue;
            }
            if (seen.add("LS504@" + cell.number() + ":" + (problems.get(0).line() + 1))) {
                next.blocker(new Blocker("LS504", cell.number(), problems.get(0).line() + 1,
                        "the cell's code does not parse: " + problems.get(0).message(), decision("LS504")));
            }
            cells.add(cell.withCode(commentedOut(cell.code())));
        }
        return next.cells(cells).build();
    }

    /** What the user must decide, from the rule's "Use instead" advice where there is one. */
    private static String decision(String ruleId) {
        RuleMetadata rule = BuiltInRules.all().stream().map(Rule::metadata).filter(m -> m.id().equals(ruleId))
                .findFirst().orElse(null);
        String summary = rule == null ? ruleId : rule.name();
        return switch (ruleId) {
            case "LS105" -> "define or import the name in the notebook, or drop the code that uses it";
            case "LS308" -> "declare a tolerance for the outputs (--tolerance OUTPUT=ATOL) or replace the op";
            case "LS402", "LS403", "LS404" -> "pin the exact revision (a 40-character commit hash) in the notebook";
            case "LS502" -> "replace the interactive input with a value from the config or the environment";
            case "LS504" -> "fix the cell so it parses as Python 3";
            case "LS207" -> "replace the hosted-notebook call with a local equivalent (inputs bound with --input)";
            default -> "see `lockstep explain " + ruleId + "` (" + summary + ")" + (RuleDocs.body(ruleId).isPresent() ? "" : "");
        };
    }

    /**
     * The line with U+FFFD for what cannot stand in a comment: NUL (CPython refuses it anywhere),
     * a lone surrogate (from a "\\ud800" in the notebook's JSON: UTF-8 cannot encode it), and
     * U+FEFF, U+FFFE, U+FFFF, at which tree-sitter-python ends a comment.
     */
    private static String commentSafe(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1))) {
                out.append(c).append(line.charAt(++i));
            } else {
                boolean unsafe = Character.isSurrogate(c) || c == '\0' || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF';
                out.append(unsafe ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** The 0-based line of the code's first statement when that line is indented, else -1. */
    private static int firstIndentedStatementLine(String code) {
        String[] lines = code.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            return Character.isWhitespace(lines[i].charAt(0)) ? i : -1;
        }
        return -1;
    }

    private static String commentedOut(String code) {
        StringBuilder out = new StringBuilder("# lockstep: this cell does not parse; it is kept as comments:\n");
        // Every line break Python knows (\r\n, \r, \n): a bare \r would end the comment early.
        for (String line : code.split("\r\n|\r|\n", -1)) {
            out.append("# ").append(commentSafe(line)).append('\n');
        }
        out.append("raise RuntimeError(\"lockstep: a notebook cell did not parse; see the blockers in README.md\")");
        return out.toString();
    }
}
