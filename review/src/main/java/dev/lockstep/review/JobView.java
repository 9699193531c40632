package dev.lockstep.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.runtime.JobException;
import dev.lockstep.runtime.hashing.JobHash;
import dev.lockstep.runtime.record.RunHistory;
import dev.lockstep.runtime.record.StoredRun;
import dev.lockstep.jobformat.InvalidJobSpecException;
import dev.lockstep.jobformat.JobSpec;
import dev.lockstep.jobformat.JobSpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A job as the review sees it: its config, extract's record, pins, and (for a job directory) the
 * runs, lock and provenance found beside them. Every file is optional: what is missing is named,
 * never guessed.
 *
 * @param location     the job directory as shown to the user, or null for the job extract would write
 * @param written      whether this is a job directory on disk (false: planned in memory from a notebook)
 * @param spec         lockstep.yaml as the runtime reads it, or null
 * @param specProblem  why lockstep.yaml could not be read, or null
 * @param extraction   extraction.json, or null
 * @param requirements pipeline/requirements.txt's lines (blank and comment lines dropped), or null when absent
 * @param jobHash      the job hash (lockstep.yaml + pipeline/), or null when not on disk
 * @param hasLauncher  whether RunJob.java is there (the reproduction command)
 * @param runs         recorded runs, oldest first
 * @param lock         lockstep.lock, or null
 */
public record JobView(
        String location,
        boolean written,
        JobSpec spec,
        String specProblem,
        ExtractionRecord extraction,
        List<String> requirements,
        String jobHash,
        boolean hasLauncher,
        List<RunEvidence> runs,
        ClosureFiles.Lock lock) {

    public static final String CONFIG = "lockstep.yaml";
    public static final String EXTRACTION = "extraction.json";
    public static final String REQUIREMENTS = "pipeline/requirements.txt";
    public static final String LAUNCHER = "RunJob.java";

    public JobView {
        requirements = requirements == null ? null : List.copyOf(requirements);
        runs = List.copyOf(runs);
    }

    /** A recorded run: its record, or why it could not be read; and its provenance.json when present. */
    public record RunEvidence(String runId, StoredRun run, String problem, ClosureFiles.Provenance provenance) {
        public boolean succeeded() {
            return run != null && run.record().status() == dev.lockstep.runtime.record.RunRecord.Status.SUCCEEDED;
        }
    }

    /** Whether a directory is a job directory (it holds lockstep.yaml). */
    public static boolean isJob(Path directory) {
        return Files.isDirectory(directory) && Files.isRegularFile(directory.resolve(CONFIG));
    }

    /** The job extract would write, from its rendered files (nothing on disk, no runs). */
    public static JobView planned(Map<String, byte[]> files) {
        JobSpec spec = null;
        String problem = null;
        byte[] yaml = files.get(CONFIG);
        if (yaml != null) {
            try {
                spec = new JobSpecLoader().parse(new String(yaml, StandardCharsets.UTF_8));
            } catch (InvalidJobSpecException e) {
                problem = e.getMessage();
            }
        }
        ExtractionRecord extraction = null;
        byte[] report = files.get(EXTRACTION);
        if (report != null) {
            try {
                extraction = ExtractionRecord.read(new ObjectMapper().readTree(report));
            } catch (IOException e) {
                throw new IllegalStateException("extract wrote an unreadable extraction.json: " + e.getMessage(), e);
            }
        }
        byte[] requirements = files.get(REQUIREMENTS);
        return new JobView(null, false, spec, problem, extraction,
                requirements == null ? null : lines(new String(requirements, StandardCharsets.UTF_8)), null,
                files.containsKey(LAUNCHER), List.of(), null);
    }

    /** A job directory on disk. */
    public static JobView load(Path directory, String display) {
        JobSpec spec = null;
        String problem = null;
        try {
            spec = new JobSpecLoader().load(directory);
        } catch (InvalidJobSpecException e) {
            problem = e.getMessage();
        }
        ExtractionRecord extraction = null;
        Path report = directory.resolve(EXTRACTION);
        if (Files.isRegularFile(report)) {
            try {
                extraction = ExtractionRecord.read(new ObjectMapper().readTree(report.toFile()));
            } catch (IOException e) {
                problem = (problem == null ? "" : problem + "; ") + EXTRACTION + ": " + e.getMessage();
            }
        }
        List<String> requirements = null;
        Path requirementsFile = directory.resolve(REQUIREMENTS);
        if (Files.isRegularFile(requirementsFile)) {
            try {
                requirements = lines(Files.readString(requirementsFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                requirements = List.of();
            }
        }
        String hash = null;
        try {
            hash = JobHash.of(directory);
        } catch (IOException | RuntimeException e) {
            hash = null;
        }
        return new JobView(display, true, spec, problem, extraction, requirements, hash,
                Files.isRegularFile(directory.resolve(LAUNCHER)), runs(directory), ClosureFiles.lock(directory));
    }

    private static List<RunEvidence> runs(Path directory) {
        RunHistory history = new RunHistory(directory);
        List<RunEvidence> runs = new ArrayList<>();
        List<String> ids;
        try {
            ids = history.runIds();
        } catch (IOException e) {
            return runs;
        }
        for (String id : ids) {
            ClosureFiles.Provenance provenance = ClosureFiles.provenance(directory.resolve("runs").resolve(id));
            try {
                runs.add(new RunEvidence(id, history.load(id), null, provenance));
            } catch (IOException | JobException | RuntimeException e) {
                runs.add(new RunEvidence(id, null, "runs/" + id + "/record.json cannot be read: " + oneLine(e), provenance));
            }
        }
        return runs;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The JSON tree of a file, or null when it is absent or not JSON. */
    static JsonNode json(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }
}
