package dev.lockstep.analyzer.rules;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Position;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.facts.secrets.SecretDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What a rule sees of one notebook, and where it reports. One context per rule and notebook. */
public final class RuleContext {
    private final AnalyzedNotebook notebook;
    private final RuleMetadata rule;
    private final List<Finding> findings = new ArrayList<>();
    private final List<InventoryItem> inventory = new ArrayList<>();
    /** For {@link #reportOnce}: a message's finding (its index) and the cells that repeat it. */
    private final Map<String, Integer> firstByMessage = new HashMap<>();
    private final Map<Integer, TreeSet<Integer>> repeatCells = new HashMap<>();

    public RuleContext(AnalyzedNotebook notebook, RuleMetadata rule) {
        this.notebook = notebook;
        this.rule = rule;
    }

    public AnalyzedNotebook notebook() {
        return notebook;
    }

    /** The metadata of the rule being run (its id and severity, for messages that need them). */
    public RuleMetadata rule() {
        return rule;
    }

    /** Reports a finding on a node of a cell's parsed code. */
    public void report(AnalyzedCell cell, SyntaxNode node, String message) {
        report(cell, cell.position(node), message);
    }

    /**
     * Reports a finding once per cause: a later report with the same message (the same hub id
     * loaded unpinned again, the same generator drawn from again) is not a finding of its own; the
     * first one names the cells that repeat it. One cause, one finding, one fix to make.
     */
    public void reportOnce(AnalyzedCell cell, SyntaxNode node, String message) {
        reportOnce(cell, node, message, message);
    }

    /** {@link #reportOnce(AnalyzedCell, SyntaxNode, String)} for a cause named by {@code cause}, not the message. */
    public void reportOnce(AnalyzedCell cell, SyntaxNode node, String cause, String message) {
        Integer first = firstByMessage.get(cause);
        if (first != null) {
            if (cell.number() != findings.get(first).location().cell()) {
                repeatCells.computeIfAbsent(first, k -> new TreeSet<>()).add(cell.number());
            } else {
                repeatCells.computeIfAbsent(first, k -> new TreeSet<>());
            }
            return;
        }
        firstByMessage.put(cause, findings.size());
        report(cell, node, message);
    }

    /** Reports a finding on a node, with a fix that {@code extract} can apply. */
    public void report(AnalyzedCell cell, SyntaxNode node, String message, Fix fix) {
        Position position = cell.position(node);
        Location location = new Location(cell.number(), cell.cell().id(), position.line(), position.column(),
                position.endLine(), position.endColumn());
        // Redacted like every other report: a fix is no reason to repeat a credential in a code frame.
        findings.add(new Finding(rule.id(), rule.name(), rule.severity(), location, SecretDetector.redact(message),
                SecretDetector.redact(cell.sourceLine(position.line() - 1)), fix));
    }

    /** Reports a finding on an IPython escape. */
    public void report(AnalyzedCell cell, Magic magic, String message) {
        report(cell, cell.position(magic), message);
    }

    /** Reports a finding at a position in a cell's own source. */
    public void report(AnalyzedCell cell, Position position, String message) {
        Location location = new Location(cell.number(), cell.cell().id(), position.line(), position.column(),
                position.endLine(), position.endColumn());
        // Reports never repeat a credential: code frames and messages show it redacted (RULES.md, LS6).
        findings.add(new Finding(rule.id(), rule.name(), rule.severity(), location, SecretDetector.redact(message),
                SecretDetector.redact(cell.sourceLine(position.line() - 1))));
    }

    /**
     * Reports a finding about a whole cell with its severity moved {@code shift} steps from the
     * rule's (configured) one, within info..error: +1 escalates, -1 demotes. For rules whose
     * findings matter more or less by what the cell does (a training cell that never ran).
     */
    public void reportCell(AnalyzedCell cell, String message, int shift) {
        int before = findings.size();
        reportCell(cell, message);
        Finding finding = findings.get(before);
        Severity[] all = Severity.values();
        int level = Math.max(0, Math.min(all.length - 1, finding.severity().ordinal() + shift));
        findings.set(before, finding.withSeverity(all[level]));
    }

    /**
     * Records one entry of the notebook's inventory for this rule (a hyperparameter literal, a
     * reduced-precision site, a device literal): things a reviewer may want listed, which do not
     * each deserve a finding. Reports show them apart from the findings.
     */
    public void inventory(AnalyzedCell cell, SyntaxNode node, String item) {
        Position position = cell.position(node);
        inventory.add(new InventoryItem(rule.id(), new Location(cell.number(), cell.cell().id(), position.line(),
                position.column(), position.endLine(), position.endColumn()), SecretDetector.redact(item)));
    }

    /** Records an inventory entry at a location a finding already names. */
    public void inventory(Location location, String item) {
        inventory.add(new InventoryItem(rule.id(), location, SecretDetector.redact(item)));
    }

    /** The inventory entries recorded so far. */
    public List<InventoryItem> inventory() {
        return List.copyOf(inventory);
    }

    /** Reports a finding about a whole cell: it points at the cell's first non-blank line. */
    public void reportCell(AnalyzedCell cell, String message) {
        String source = cell.cell().source();
        String[] lines = source.split("\n", -1);
        int line = 0;
        while (line < lines.length - 1 && lines[line].isBlank()) {
            line++;
        }
        String text = lines.length == 0 ? "" : lines[line].stripTrailing();
        int indent = text.length() - text.stripLeading().length();
        int end = text.codePointCount(0, text.length()) + 1;
        report(cell, new Position(line + 1, indent + 1, line + 1, Math.max(end, indent + 1)), message);
    }

    /** Reports a finding about the notebook as a whole (no cell). */
    public void reportNotebook(String message) {
        findings.add(new Finding(rule.id(), rule.name(), rule.severity(), new Location(0, null, 1, 1, 1, 1),
                SecretDetector.redact(message), ""));
    }

    /** The findings reported so far. */
    public List<Finding> findings() {
        if (repeatCells.isEmpty()) {
            return List.copyOf(findings);
        }
        List<Finding> all = new ArrayList<>(findings);
        repeatCells.forEach((index, cells) -> {
            Finding f = all.get(index);
            String where = cells.isEmpty() ? " (repeated in the same cell)"
                    : " (repeated in cell" + (cells.size() > 1 ? "s " : " ")
                            + cells.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
            all.set(index, new Finding(f.ruleId(), f.ruleName(), f.severity(), f.location(), f.message() + where,
                    f.sourceLine(), f.fix()));
        });
        return List.copyOf(all);
    }
}
