package dev.lockstep.review;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.analysis.ProgramPoint;
import dev.lockstep.analyzer.semantics.BindingKind;
import dev.lockstep.analyzer.semantics.NameRead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The notebook as a graph for the page: code cells in document order with their execution counts,
 * and def-use edges between cells read from the analyzer's definitions and name reads.
 *
 * @param nodes code cells, in document order
 * @param edges one per (defining cell, using cell) pair, sorted
 */
public record CellGraph(List<Node> nodes, List<Edge> edges) {

    public CellGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * A code cell.
     *
     * @param cell           1-based position among all cells
     * @param executionCount saved count, or null when never run
     * @param firstLine      its first non-blank line, for the label
     * @param kept           whether extract keeps it
     * @param blocked        whether extract left a blocker on it
     * @param findings       findings on it
     */
    public record Node(int cell, Integer executionCount, String firstLine, boolean kept, boolean blocked, int findings) {
    }

    /**
     * Names defined in cell {@code from} and read in cell {@code to}.
     *
     * @param outOfOrder the definition is in a later cell: the read works only if that cell ran first
     * @param importsOnly every name is bound by an import (drawn lighter: imports reach most cells)
     */
    public record Edge(int from, int to, Set<String> names, boolean outOfOrder, boolean importsOnly) {
        public Edge {
            names = java.util.Collections.unmodifiableSet(new TreeSet<>(names));
        }
    }

    /**
     * Builds the graph. A read takes the definition that reaches it in document order: the last one
     * above it (none when it is in the same cell, above the read). A read with no definition above
     * it but one below gets an out-of-order edge from the first cell below that defines it.
     */
    public static CellGraph of(AnalyzedNotebook notebook, ExtractionRecord extraction, Map<Integer, Integer> findingsByCell) {
        Set<Integer> blockedCells = new TreeSet<>();
        if (extraction != null) {
            extraction.blockers().forEach(b -> blockedCells.add(b.cell()));
        }
        List<Node> nodes = new ArrayList<>();
        Map<Long, Edge> edges = new TreeMap<>();
        for (AnalyzedCell cell : notebook.cells()) {
            if (!cell.cell().isCode()) {
                continue;
            }
            int number = cell.number();
            nodes.add(new Node(number, cell.cell().executionCount(), firstLine(cell.cell().source()),
                    extraction == null || extraction.kept(number), blockedCells.contains(number),
                    findingsByCell.getOrDefault(number, 0)));
            for (NameRead read : cell.semantics().reads()) {
                ProgramPoint at = new ProgramPoint(cell.index(), read.node().startOffset());
                Definition reaching = null;
                Definition later = null;
                for (Definition d : notebook.definitionsOf(read.name())) {
                    if (d.point().compareTo(at) < 0) {
                        reaching = d;
                    } else if (later == null && d.cell().index() > cell.index()) {
                        later = d;
                    }
                }
                Definition source = reaching != null ? reaching : later;
                if (source == null || source.cell().index() == cell.index()) {
                    continue;
                }
                int from = source.cell().number();
                boolean outOfOrder = reaching == null;
                long key = ((long) from << 32) | number;
                Edge existing = edges.get(key);
                Set<String> names = new TreeSet<>(existing == null ? Set.of() : existing.names());
                names.add(read.name());
                boolean importsOnly = source.kind() == BindingKind.IMPORT && (existing == null || existing.importsOnly());
                edges.put(key, new Edge(from, number, names, outOfOrder || (existing != null && existing.outOfOrder()),
                        importsOnly));
            }
        }
        return new CellGraph(nodes, new ArrayList<>(edges.values()));
    }

    private static String firstLine(String source) {
        for (String line : source.split("\n", -1)) {
            if (!line.isBlank()) {
                String stripped = line.strip();
                return stripped.codePointCount(0, stripped.length()) > 60
                        ? stripped.substring(0, stripped.offsetByCodePoints(0, 59)) + "\u2026" : stripped;
            }
        }
        return "";
    }
}
