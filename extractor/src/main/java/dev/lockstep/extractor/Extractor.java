package dev.lockstep.extractor;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.config.ConfigException;
import dev.lockstep.analyzer.config.ConfigResolver;
import dev.lockstep.analyzer.config.LockstepConfig;
import dev.lockstep.analyzer.config.RuleSelection;
import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.analyzer.notebook.NotebookFormatException;
import dev.lockstep.analyzer.notebook.NotebookReader;
import dev.lockstep.extractor.emit.InputCarrier;
import dev.lockstep.extractor.emit.JobRenderer;
import dev.lockstep.extractor.emit.JobWriter;
import dev.lockstep.extractor.emit.LauncherFiles;
import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.ExtractionPlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code lockstep extract}: a notebook in, a job directory out, with an honest list of what
 * could not be made deterministic. The notebook is only read.
 */
public final class Extractor {
    private final NotebookReader reader = new NotebookReader();
    private final NotebookAnalyzer analyzer = new NotebookAnalyzer();
    private final ExtractionPipeline pipeline;
    private final ConfigResolver configs;

    /** Extracts with the nearest lockstep.toml above each notebook, as {@code lockstep scan} finds it. */
    public Extractor() {
        this(ExtractionPipeline.standard());
    }

    public Extractor(ExtractionPipeline pipeline) {
        this(pipeline, ConfigResolver.discovering(RuleSelection.NONE));
    }

    /**
     * @param configs where each notebook's lockstep.toml is found: its {@code [[io]]} APIs are
     *                places the job reads and writes, exactly as scan sees them
     */
    public Extractor(ExtractionPipeline pipeline, ConfigResolver configs) {
        this.pipeline = pipeline;
        this.configs = configs;
    }

    /** An extractor that uses one configuration file for every notebook ({@code --config FILE}). */
    public static Extractor withConfig(Path file) {
        return new Extractor(ExtractionPipeline.standard(), ConfigResolver.using(file, RuleSelection.NONE));
    }

    /** Plans the extraction without writing anything. */
    public ExtractionPlan plan(Path notebookPath, ExtractOptions options) {
        Notebook notebook;
        try {
            notebook = reader.read(notebookPath, notebookPath.toString());
        } catch (NotebookFormatException e) {
            throw new ExtractException(notebookPath + ": " + e.getMessage(), e);
        }
        LockstepConfig config;
        try {
            config = configs.configFor(notebookPath);
        } catch (ConfigException e) {
            throw new ExtractException(e.getMessage(), e);
        }
        AnalyzedNotebook analyzed = analyzer.analyze(notebook);
        analyzed.useCatalogue(config.catalogue());
        String name = notebookPath.getFileName().toString();
        return pipeline.run(ExtractionPlan.initial(analyzed, name, options));
    }

    /** The files of the job a plan describes, by relative path. */
    public static Map<String, byte[]> files(ExtractionPlan plan) {
        Map<String, byte[]> files = new TreeMap<>(JobRenderer.render(plan));
        files.putAll(LauncherFiles.render(plan));
        return files;
    }

    /**
     * Extracts {@code notebookPath} into {@code outputDirectory}.
     *
     * @param strict with blockers, write nothing
     */
    public ExtractionResult extract(Path notebookPath, Path outputDirectory, ExtractOptions options, boolean force,
            boolean strict) {
        return extract(notebookPath, outputDirectory, options, force, strict, false);
    }

    /**
     * @param carryInputs {@code --carry-inputs}: copy bound local inputs into the job (see InputCarrier)
     */
    public ExtractionResult extract(Path notebookPath, Path outputDirectory, ExtractOptions options, boolean force,
            boolean strict, boolean carryInputs) {
        JobWriter.checkTarget(outputDirectory, force);
        ExtractionPlan plan = plan(notebookPath, options);
        if (carryInputs) {
            plan = InputCarrier.carry(plan, outputDirectory);
        }
        if (strict && !plan.blockers().isEmpty()) {
            return new ExtractionResult(plan, null);
        }
        JobWriter.write(outputDirectory, files(plan), force);
        return new ExtractionResult(plan, outputDirectory);
    }

    /**
     * What extraction did.
     *
     * @param plan    every decision
     * @param written where the job was written, or null when --strict refused because of blockers
     */
    public record ExtractionResult(ExtractionPlan plan, Path written) {
        public boolean blocked() {
            return !plan.blockers().isEmpty();
        }
    }
}
