package dev.lockstep.extractor.plan;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything extract has decided so far. Each pass takes a plan and returns a new one; nothing
 * is mutated, so a pass's effect is exactly the difference between its input and its output.
 *
 * @param source        the notebook as analysed (never changed)
 * @param notebookName  the notebook's file name, for the config and README
 * @param options       what the user asked for
 * @param order         the run order, or null before the order pass
 * @param cells         code cells in run order (document order before the order pass)
 * @param params        lifted parameters
 * @param inputs        files the job reads
 * @param outputs       files the job writes
 * @param environment   variables set before Python starts, sorted by name
 * @param secrets       names of environment variables holding secrets, sorted
 * @param requirements  distributions, in the order found
 * @param frameworks    frameworks the determinism prelude covers, sorted
 * @param accelerator   expected accelerator kind: cpu or cuda
 * @param shipped       local files the job carries, by path in the job (pipeline/utils.py) to source file
 * @param rewritten     the text a shipped source file goes into the job with, where extract changed it
 *                      (a path a local module reads, pointed at the job's input), by source file
 * @param blockers      what the user must decide
 * @param changes       what extract changed
 */
public record ExtractionPlan(
        AnalyzedNotebook source,
        String notebookName,
        ExtractOptions options,
        OrderDecision order,
        List<PlannedCell> cells,
        List<Param> params,
        List<InputSpec> inputs,
        List<OutputSpec> outputs,
        Map<String, String> environment,
        Set<String> secrets,
        List<Requirement> requirements,
        Set<String> frameworks,
        String accelerator,
        Map<String, java.nio.file.Path> shipped,
        Map<java.nio.file.Path, String> rewritten,
        List<Blocker> blockers,
        List<Change> changes) {

    public ExtractionPlan {
        Objects.requireNonNull(source, "source");
        cells = List.copyOf(cells);
        params = List.copyOf(params);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
        secrets = java.util.Collections.unmodifiableSet(new TreeSet<>(secrets));
        requirements = List.copyOf(requirements);
        frameworks = java.util.Collections.unmodifiableSet(new TreeSet<>(frameworks));
        shipped = java.util.Collections.unmodifiableMap(new TreeMap<>(shipped));
        rewritten = java.util.Collections.unmodifiableMap(new TreeMap<>(rewritten));
        blockers = List.copyOf(blockers);
        changes = List.copyOf(changes);
    }

    /** The plan before any pass: every code cell, in document order, kept. */
    public static ExtractionPlan initial(AnalyzedNotebook source, String notebookName, ExtractOptions options) {
        List<PlannedCell> cells = new ArrayList<>();
        source.notebook().codeCells().forEach(c -> cells.add(new PlannedCell(c.index(), c.id(), c.source(), true, "")));
        return new ExtractionPlan(source, notebookName, options, null, cells, List.of(), List.of(), List.of(), Map.of(),
                Set.of(), List.of(), Set.of(), "cpu", Map.of(), Map.of(), List.of(), List.of());
    }

    /** The cells that go into the job, in run order. */
    public List<PlannedCell> keptCells() {
        return cells.stream().filter(PlannedCell::kept).toList();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies a plan with some parts replaced or added to. */
    public static final class Builder {
        private final ExtractionPlan base;
        private OrderDecision order;
        private List<PlannedCell> cells;
        private final List<Param> params;
        private final List<InputSpec> inputs;
        private final List<OutputSpec> outputs;
        private final Map<String, String> environment;
        private final Set<String> secrets;
        private final List<Requirement> requirements;
        private final Set<String> frameworks;
        private String accelerator;
        private final Map<String, java.nio.file.Path> shipped;
        private final Map<java.nio.file.Path, String> rewritten;
        private final List<Blocker> blockers;
        private final List<Change> changes;

        private Builder(ExtractionPlan base) {
            this.base = base;
            this.order = base.order;
            this.cells = base.cells;
            this.params = new ArrayList<>(base.params);
            this.inputs = new ArrayList<>(base.inputs);
            this.outputs = new ArrayList<>(base.outputs);
            this.environment = new TreeMap<>(base.environment);
            this.secrets = new TreeSet<>(base.secrets);
            this.requirements = new ArrayList<>(base.requirements);
            this.frameworks = new TreeSet<>(base.frameworks);
            this.accelerator = base.accelerator;
            this.shipped = new TreeMap<>(base.shipped);
            this.rewritten = new TreeMap<>(base.rewritten);
            this.blockers = new ArrayList<>(base.blockers);
            this.changes = new ArrayList<>(base.changes);
        }

        public Builder order(OrderDecision value) {
            this.order = value;
            return this;
        }

        public Builder cells(List<PlannedCell> value) {
            this.cells = value;
            return this;
        }

        public Builder param(Param value) {
            params.add(value);
            return this;
        }

        public Builder input(InputSpec value) {
            inputs.add(value);
            return this;
        }

        public Builder inputs(List<InputSpec> value) {
            inputs.clear();
            inputs.addAll(value);
            return this;
        }

        public Builder output(OutputSpec value) {
            outputs.add(value);
            return this;
        }

        public Builder outputs(List<OutputSpec> value) {
            outputs.clear();
            outputs.addAll(value);
            return this;
        }

        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder secret(String name) {
            secrets.add(name);
            return this;
        }

        public Builder requirement(Requirement value) {
            requirements.add(value);
            return this;
        }

        public Builder requirements(List<Requirement> value) {
            requirements.clear();
            requirements.addAll(value);
            return this;
        }

        public Builder framework(String value) {
            frameworks.add(value);
            return this;
        }

        public Builder accelerator(String value) {
            this.accelerator = value;
            return this;
        }

        public Builder ship(String jobPath, java.nio.file.Path source) {
            shipped.put(jobPath, source);
            return this;
        }

        /** Ships {@code source} with this text instead of its own. */
        public Builder rewrite(java.nio.file.Path source, String text) {
            rewritten.put(source, text);
            return this;
        }

        public Builder blocker(Blocker value) {
            blockers.add(value);
            return this;
        }

        public Builder change(Change value) {
            changes.add(value);
            return this;
        }

        public ExtractionPlan build() {
            return new ExtractionPlan(base.source, base.notebookName, base.options, order, cells, params, inputs, outputs,
                    environment, secrets, requirements, frameworks, accelerator, shipped, rewritten, blockers, changes);
        }
    }
}
