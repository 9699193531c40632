package dev.lockstep.analyzer.facts;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.facts.dependencies.GitCommands;
import dev.lockstep.analyzer.facts.dependencies.InstallSite;
import dev.lockstep.analyzer.facts.dependencies.LocalModules;
import dev.lockstep.analyzer.facts.dependencies.ShellLines;
import dev.lockstep.analyzer.facts.environment.EnvironmentVariables;
import dev.lockstep.analyzer.facts.frameworks.GpuUse;
import dev.lockstep.analyzer.facts.hub.HubLoads;
import dev.lockstep.analyzer.facts.io.IoCatalogue;
import dev.lockstep.analyzer.facts.io.IoFacts;
import dev.lockstep.analyzer.facts.params.Hyperparameter;
import dev.lockstep.analyzer.facts.params.Hyperparameters;
import dev.lockstep.analyzer.facts.source.StringLiteralSites;
import dev.lockstep.analyzer.facts.values.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analyzer knows about one notebook's program, computed once per analysis and asked
 * by rules and extract passes alike: values of expressions, its I/O, its GPU use, its
 * hyperparameter literals, the string literals of its cells, its shell lines, package installs,
 * git clones, local-module imports, the environment variables it reads and its Hugging Face Hub loads. Each part is built on
 * first use.
 */
public final class Facts {
    private final AnalyzedNotebook notebook;
    private final IoCatalogue catalogue;
    private Values values;
    private IoFacts io;
    private GpuUse gpu;
    private EnvironmentVariables environment;
    private List<Hyperparameter> hyperparameters;
    private List<ShellLines.Line> shellLines;
    private List<InstallSite> installs;
    private GitCommands git;
    private LocalModules localModules;
    private HubLoads hub;
    private final Map<Integer, List<StringLiteralSites.Literal>> stringLiterals = new HashMap<>();

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

    /**
     * The hyperparameter literals, in document order with unique {@code params} names: what LS509
     * reports and what extract lifts into {@code lockstep.yaml}, so the two agree.
     */
    public synchronized List<Hyperparameter> hyperparameters() {
        if (hyperparameters == null) {
            hyperparameters = Hyperparameters.of(notebook);
        }
        return hyperparameters;
    }

    /**
     * The string literals of {@code cell} (a cell of this notebook) that are values in code, in
     * document order: what path, hosted-service and secret checks read, and what extract's
     * secret pass rewrites.
     */
    public synchronized List<StringLiteralSites.Literal> stringLiterals(AnalyzedCell cell) {
        return stringLiterals.computeIfAbsent(cell.index(), i -> List.copyOf(StringLiteralSites.of(cell)));
    }

    /** Every shell command line the notebook runs ({@code !cmd}, {@code %pip}, {@code %%bash}, {@code os.system}...), in document order. */
    public synchronized List<ShellLines.Line> shellLines() {
        if (shellLines == null) {
            shellLines = List.copyOf(ShellLines.of(notebook));
        }
        return shellLines;
    }

    /** Every package install ({@code !pip install}, {@code %conda install}...), in document order. */
    public synchronized List<InstallSite> installs() {
        if (installs == null) {
            installs = InstallSite.of(notebook);
        }
        return installs;
    }

    /** The {@code git clone}s the notebook runs and what each ends up checked out at. */
    public synchronized GitCommands git() {
        if (git == null) {
            git = GitCommands.of(notebook);
        }
        return git;
    }

    /** The imports of modules that are files next to the notebook: what LS406 reports and extract ships, not installs. */
    public synchronized LocalModules localModules() {
        if (localModules == null) {
            localModules = LocalModules.of(notebook);
        }
        return localModules;
    }

    /** Every load from a Hugging Face Hub repository, with its id, kind and revision: what LS402-LS404 check and extract records. */
    public synchronized HubLoads hub() {
        if (hub == null) {
            hub = HubLoads.of(notebook);
        }
        return hub;
    }

    public IoCatalogue catalogue() {
        return catalogue;
    }
}
