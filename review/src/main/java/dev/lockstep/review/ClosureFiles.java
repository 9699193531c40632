package dev.lockstep.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.packaging.PackagingException;
import dev.lockstep.packaging.lock.JobLocker;
import dev.lockstep.packaging.lock.LockFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The closure files other commands write beside a job -- {@code lockstep.lock},
 * {@code runs/<id>/provenance.json} and replay records -- read by file and tolerantly: an absent
 * file is reported as absent, an unreadable one as unreadable, and only fields found are used.
 */
public final class ClosureFiles {
    public static final String LOCK = LockFile.FILE_NAME;
    public static final String PROVENANCE = "provenance.json";

    private ClosureFiles() {
    }

    /**
     * lockstep.lock, read with the packaging module's own model.
     *
     * @param problem why it could not be read, or null
     * @param file    the lock, or null when unreadable
     */
    public record Lock(String problem, LockFile file) {
    }

    /** runs/ID/provenance.json: an in-toto Statement, its subjects' sha256 digests and predicate type. */
    public record Provenance(String file, String problem, List<String> subjects, String predicateType) {
        public Provenance {
            subjects = List.copyOf(subjects);
        }
    }

    /**
     * A replay record ({@code lockstep replay --record DIR}: {@code <stem>.replay[-twice][-seeded].json}).
     *
     * @param file     as named by the user
     * @param verdict  the notebook-level verdict it records ("reproduced", "not reproduced", "nothing compared"), or null
     * @param passed   reproduced, with at least one cell compared
     * @param detail   what was compared and how, for the evidence line
     * @param problem  why it could not be read, or null
     */
    public record Replay(String file, String verdict, boolean passed, String detail, String problem) {
    }

    static Lock lock(Path jobDirectory) {
        if (!Files.isRegularFile(jobDirectory.resolve(LockFile.FILE_NAME))) {
            return null;
        }
        try {
            return new Lock(null, JobLocker.read(jobDirectory));
        } catch (PackagingException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            return new Lock(message.lines().findFirst().orElse(message), null);
        }
    }

    static Provenance provenance(Path runDirectory) {
        Path file = runDirectory.resolve(PROVENANCE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String display = "runs/" + runDirectory.getFileName() + "/" + PROVENANCE;
        JsonNode root = JobView.json(file);
        if (root == null) {
            return new Provenance(display, "not JSON", List.of(), null);
        }
        String type = root.path("_type").asText("");
        if (!type.startsWith("https://in-toto.io/Statement/")) {
            return new Provenance(display, "not an in-toto Statement (_type " + (type.isEmpty() ? "missing" : type) + ")",
                    List.of(), null);
        }
        List<String> digests = new ArrayList<>();
        root.path("subject").forEach(subject -> digests.add(subject.path("digest").path("sha256").asText("")));
        digests.sort(null);
        return new Provenance(display, null, digests, root.path("predicateType").asText(null));
    }

    /** A replay record named by the user. */
    public static Replay replay(Path file, String display) {
        if (!Files.isRegularFile(file)) {
            return new Replay(display, null, false, "", "no such file");
        }
        JsonNode root = JobView.json(file);
        if (root == null) {
            return new Replay(display, null, false, "", "not JSON");
        }
        JsonNode verdict = root.path("verdict");
        if (!verdict.isTextual()) {
            return new Replay(display, null, false, "", "records no verdict");
        }
        int compared = root.path("compared").asInt(0);
        List<String> counts = new ArrayList<>();
        root.path("counts").fields().forEachRemaining(c -> {
            if (c.getValue().asInt() > 0) {
                counts.add(c.getValue().asInt() + " " + c.getKey());
            }
        });
        String detail = compared + " cell(s) compared with " + ("twice".equals(root.path("compare").asText())
                ? "a second replay" : "the saved outputs") + ", " + root.path("seeding").asText("?")
                + (counts.isEmpty() ? "" : ": " + String.join(", ", counts));
        String text = verdict.asText();
        return new Replay(display, text, text.equals("reproduced") && compared > 0, detail, null);
    }

    /** Replay records in {@code directory} for the notebook named {@code notebookFile}, sorted. */
    static List<Path> replaysFor(Path directory, String notebookFile) {
        String stem = notebookFile.endsWith(".ipynb") ? notebookFile.substring(0, notebookFile.length() - 6) : notebookFile;
        List<Path> found = new ArrayList<>();
        try (var files = Files.list(directory)) {
            files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(stem + ".replay") && name.endsWith(".json") && Files.isRegularFile(f);
            }).forEach(found::add);
        } catch (java.io.IOException e) {
            return List.of();
        }
        found.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
        return found;
    }

}
