package dev.lockstep.analyzer.facts;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.facts.environment.EnvironmentVariables;
import dev.lockstep.analyzer.facts.frameworks.GpuUse;
import dev.lockstep.analyzer.facts.io.IoCatalogue;
import dev.lockstep.analyzer.facts.io.IoFacts;
import dev.lockstep.analyzer.facts.values.Values;

/**
 * What the analyzer knows about one notebook's program, computed once per analysis and asked
 * by rules and extract passes alike: values of expressions, its I/O, its GPU use, the
 * environment variables it reads. Each part is built on first use.
 */
public final class Facts {
    private final AnalyzedNotebook notebook;
    private final IoCatalogue catalogue;
    private Values values;
    private IoFacts io;
    private GpuUse gpu;
    private EnvironmentVariables environment;

    public Facts(AnalyzedNotebook notebook, IoCatalogue catalogue) {
        this.notebook = notebook;
        this.catalogue = catalogue;
    }

    public synchronized Values values() {
        if (values == null) {
            values = new Values(notebook);
        }
        return values;
    }

    public synchronized IoFacts io() {
        if (io == null) {
            io = new IoFacts(notebook, values(), catalogue);
        }
        return io;
    }

    public synchronized GpuUse gpu() {
        if (gpu == null) {
            gpu = GpuUse.of(notebook, values());
        }
        return gpu;
    }

    /** The environment variables the notebook reads, and which of them it sets itself first. */
    public synchronized EnvironmentVariables environment() {
        if (environment == null) {
            environment = EnvironmentVariables.of(notebook);
        }
        return environment;
    }

    public IoCatalogue catalogue() {
        return catalogue;
    }
}
