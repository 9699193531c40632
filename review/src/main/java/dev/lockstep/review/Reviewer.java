package dev.lockstep.review;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.config.ConfigResolver;
import dev.lockstep.analyzer.config.RuleSelection;
import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.analyzer.notebook.NotebookFormatException;
import dev.lockstep.analyzer.notebook.NotebookReader;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.NotebookChecker;
import dev.lockstep.analyzer.scan.NotebookFiles;
import dev.lockstep.analyzer.scan.ScanSettings;
import dev.lockstep.extractor.ExtractionPipeline;
import dev.lockstep.extractor.emit.JobRenderer;
import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.OrderMode;
import dev.lockstep.jobformat.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code lockstep review}: reviews a notebook, a folder of notebooks, or a job directory against
 * the reproducibility contract. Reads only; never writes (the sign-off trail is {@link SignOffTrail}).
 */
public final class Reviewer {

    /**
     * @param notebook the source notebook of a job, when it is not beside the job; or null
     * @param replays  replay records to count as evidence for item 9 (one notebook or job only)
     */
    public record Options(Path notebook, List<Path> replays) {
        public Options {
            replays = List.copyOf(replays);
        }

        public static Options none() {
            return new Options(null, List.of());
        }
    }

    private final NotebookReader reader = new NotebookReader();
    private final NotebookAnalyzer analyzer = new NotebookAnalyzer();
    private final ConfigResolver configs = ConfigResolver.discovering(new RuleSelection(null, null));
    private final ContractChecks checks = new ContractChecks(RuleItems.standard());

    /**
     * @throws ReviewException when PATH does not exist or a folder holds no notebook
     */
    public ReviewSet review(String path, Options options) {
        Path target = Path.of(path);
        if (!Files.exists(target)) {
            throw new ReviewException(path + ": no such file or directory");
        }
        for (Path replay : options.replays()) {
            if (!Files.exists(replay)) {
                throw new ReviewException("--replay " + replay + ": no such file or directory");
            }
        }
        if (JobView.isJob(target)) {
            return new ReviewSet(path, false, List.of(reviewJob(target, path, options.notebook(), options.replays())));
        }
        if (options.notebook() != null) {
            throw new ReviewException("--notebook names a job's source notebook; " + path + " is not a job directory"
                    + " (it has no lockstep.yaml)");
        }
        if (Files.isDirectory(target)) {
            if (options.replays().stream().anyMatch(Files::isRegularFile)) {
                throw new ReviewException("--replay FILE applies to one notebook or job; for a folder, name the folder"
                        + " replay --record wrote (records are matched to notebooks by name)");
            }
            List<NotebookFiles.Target> notebooks = NotebookFiles.expand(List.of(path));
            if (notebooks.isEmpty()) {
                throw new ReviewException(path + ": no notebooks (.ipynb) in this folder");
            }
            List<Review> reviews = new ArrayList<>();
            for (NotebookFiles.Target notebook : notebooks) {
                reviews.add(reviewNotebook(notebook.path(), notebook.displayPath(), options.replays()));
            }
            return new ReviewSet(path, true, reviews);
        }
        return new ReviewSet(path, false, List.of(reviewNotebook(target, path, options.replays())));
    }

    /**
     * The replay records for a notebook: files named by the user as they are, and in each folder named
     * the records {@code replay --record} wrote for a notebook of this file name.
     */
    private static List<ClosureFiles.Replay> replays(List<Path> named, String notebookFile) {
        List<ClosureFiles.Replay> replays = new ArrayList<>();
        for (Path path : named) {
            if (Files.isDirectory(path)) {
                for (Path record : ClosureFiles.replaysFor(path, notebookFile)) {
                    replays.add(ClosureFiles.replay(record, record.toString()));
                }
            } else {
                replays.add(ClosureFiles.replay(path, path.toString()));
            }
        }
        return replays;
    }

    private Review reviewNotebook(Path file, String display, List<Path> replayPaths) {
        List<ClosureFiles.Replay> replays = replays(replayPaths, file.getFileName().toString());
        Notebook notebook;
        try {
            notebook = reader.read(file, display);
        } catch (NotebookFormatException e) {
            return Review.failed(Review.Kind.NOTEBOOK, display, e.getMessage());
        }
        Analysis analysis;
        try {
            analysis = analyse(file, notebook);
        } catch (RuntimeException e) {
            return Review.failed(Review.Kind.NOTEBOOK, display, "cannot analyse: " + e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        JobView planned = null;
        try {
            ExtractOptions options = new ExtractOptions(OrderMode.AUTO, false, true, 0, Map.of(), List.of(), Map.of(),
                    file.toAbsolutePath().getParent(), null, null);
            ExtractionPlan plan = ExtractionPipeline.standard()
                    .run(ExtractionPlan.initial(analysis.notebook(), file.getFileName().toString(), options));
            planned = JobView.planned(JobRenderer.render(plan));
        } catch (RuntimeException e) {
            notes.add("extract cannot plan a job for this notebook: " + e.getMessage());
        }
        List<ItemResult> items = checks.decide(new ContractChecks.Subject(Review.Kind.NOTEBOOK, analysis.findings(),
                analysis.notebook().history(), planned, null, replays));
        ExtractionRecord extraction = planned == null ? null : planned.extraction();
        return new Review(Review.Kind.NOTEBOOK, display, notebook.sha256(), null, display, analysis.notebook(),
                analysis.findings(), planned, replays, graph(analysis, extraction), items,
                Inventory.of(extraction, analysis.notebook().facts().hub().all(), null), notes);
    }

    private Review reviewJob(Path directory, String display, Path notebookOption, List<Path> replayPaths) {
        JobView job = JobView.load(directory, display);
        String notebookName = notebookOption != null ? notebookOption.getFileName().toString()
                : job.spec() != null && job.spec().source().isPresent() ? job.spec().source().get().notebook() : "";
        List<ClosureFiles.Replay> replays = replays(replayPaths, notebookName == null ? "" : notebookName);
        List<String> notes = new ArrayList<>();
        if (job.specProblem() != null) {
            notes.add("lockstep.yaml: " + job.specProblem());
        }
        if (job.extraction() == null) {
            notes.add("no extraction.json: extract's decisions and blockers are unknown");
        } else if (!job.extraction().hubRecorded()) {
            notes.add("extraction.json has no \"hub\" array (written by an older lockstep extract): its Hub loads are "
                    + "taken from the source notebook when it is beside the job; run lockstep extract again");
        }
        Analysis analysis = null;
        String notebookDisplay = null;
        SourceSpec source = job.spec() == null ? null : job.spec().source().orElse(null);
        List<Path> candidates = new ArrayList<>();
        if (notebookOption != null) {
            candidates.add(notebookOption);
        } else if (source != null && source.notebook() != null) {
            Path parent = directory.toAbsolutePath().normalize().getParent();
            if (parent != null) {
                candidates.add(parent.resolve(source.notebook()));
            }
            candidates.add(directory.resolve(source.notebook()));
        }
        for (Path candidate : candidates) {
            if (!Files.isRegularFile(candidate)) {
                if (candidate == notebookOption) {
                    throw new ReviewException(candidate + ": no such notebook file");
                }
                continue;
            }
            String shown = candidate == notebookOption ? candidate.toString() : relative(candidate);
            Notebook notebook;
            try {
                notebook = reader.read(candidate, shown);
            } catch (NotebookFormatException e) {
                notes.add(shown + ": " + e.getMessage());
                continue;
            }
            boolean same = source == null || source.sha256() == null || source.sha256().equals(notebook.sha256());
            if (!same) {
                notes.add(shown + " has changed since the job was extracted (its sha256 is not lockstep.yaml's source.sha256)"
                        + (candidate == notebookOption ? "; its findings are shown anyway" : "; its findings are not shown"));
                if (candidate != notebookOption) {
                    continue;
                }
            }
            try {
                analysis = analyse(candidate, notebook);
                notebookDisplay = shown;
            } catch (RuntimeException e) {
                notes.add(shown + ": cannot analyse: " + e.getMessage());
            }
            break;
        }
        if (analysis == null && candidates.stream().noneMatch(Files::isRegularFile)) {
            notes.add("the source notebook" + (source == null ? "" : " " + source.notebook())
                    + " is not beside the job: its findings are not part of this review (name it with --notebook)");
        }
        List<Finding> findings = analysis == null ? List.of() : analysis.findings();
        List<ItemResult> items = checks.decide(new ContractChecks.Subject(Review.Kind.JOB, findings,
                analysis == null ? null : analysis.notebook().history(), job, directory, replays));
        return new Review(Review.Kind.JOB, display, job.jobHash(), null, notebookDisplay,
                analysis == null ? null : analysis.notebook(), findings, job, replays,
                analysis == null ? null : graph(analysis, job.extraction()), items,
                Inventory.of(job.extraction(), analysis == null ? null : analysis.notebook().facts().hub().all(), job.lock()),
                notes);
    }

    private record Analysis(AnalyzedNotebook notebook, List<Finding> findings) {
    }

    private Analysis analyse(Path file, Notebook notebook) {
        AnalyzedNotebook analyzed = analyzer.analyze(notebook);
        ScanSettings settings = configs.settingsFor(file);
        analyzed.useCatalogue(settings.catalogue()); // a team's [[io]] APIs count in a review as in scan and extract
        List<Finding> findings = settings.filter().apply(analyzed, new NotebookChecker(settings.rules()).check(analyzed));
        return new Analysis(analyzed, findings);
    }

    private static CellGraph graph(Analysis analysis, ExtractionRecord extraction) {
        Map<Integer, Integer> byCell = new TreeMap<>();
        analysis.findings().forEach(f -> byCell.merge(f.location().cell(), 1, Integer::sum));
        return CellGraph.of(analysis.notebook(), extraction, byCell);
    }

    private static String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}
