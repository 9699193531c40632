package dev.lockstep.extractor;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
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

    public Extractor() {
        this(ExtractionPipeline.standard());
    }

    public Extractor(ExtractionPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Plans the extraction without writing anything. */
    public ExtractionPlan plan(Path notebookPath, ExtractOptions options) {
        Notebook notebook;
        try {
            notebook = reader.read(notebookPath, notebookPath.toString());
        } catch (NotebookFormatException e) {
            throw new ExtractException(notebookPath + ": " + e.getMessage(), e);
        }
        AnalyzedNotebook analyzed = analyzer.analyze(notebook);
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
