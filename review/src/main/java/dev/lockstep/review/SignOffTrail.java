package dev.lockstep.review;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.analyzer.report.JsonOutput;
import dev.lockstep.runtime.record.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The board's trail: {@code review-signoffs.json} beside the job (in it), the notebook, or in the
 * folder reviewed. Each sign-off appends one entry -- reviewer, what was reviewed and its hash, the
 * date, the verdict and each item's status -- and the file is replaced atomically. The date is
 * never read from the clock, so the same review signed on the same date gives the same bytes.
 */
public final class SignOffTrail {
    public static final String FILE = "review-signoffs.json";
    /** Environment variables the date is read from when --date is not given, in this order. */
    public static final String DATE_VARIABLE = "LOCKSTEP_REVIEW_DATE";
    public static final String EPOCH_VARIABLE = "SOURCE_DATE_EPOCH";

    private SignOffTrail() {
    }

    /**
     * The sign-off date: {@code --date}, else LOCKSTEP_REVIEW_DATE, else SOURCE_DATE_EPOCH (UTC).
     *
     * @throws ReviewException when none is given or one is malformed
     */
    public static LocalDate date(String option, Map<String, String> environment) {
        if (option != null) {
            return parse(option, "--date");
        }
        String variable = environment.get(DATE_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return parse(variable.strip(), DATE_VARIABLE);
        }
        String epoch = environment.get(EPOCH_VARIABLE);
        if (epoch != null && !epoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.strip())).atZone(ZoneOffset.UTC).toLocalDate();
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new ReviewException(EPOCH_VARIABLE + "=" + epoch + ": expected whole seconds since 1970-01-01");
            }
        }
        throw new ReviewException("--sign-off needs a date: pass --date YYYY-MM-DD or set " + DATE_VARIABLE + " or "
                + EPOCH_VARIABLE + " (the clock is never read, so a review's output stays the same)");
    }

    private static LocalDate parse(String text, String source) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ReviewException(source + " " + text + ": expected a date as YYYY-MM-DD");
        }
    }

    /** Where the trail for a review of {@code path} lives. */
    public static Path location(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return absolute.resolve(FILE);
        }
        return absolute.getParent().resolve(FILE);
    }

    /**
     * Appends a sign-off for {@code set} to the trail and returns the trail's path.
     *
     * @throws ReviewException when the existing trail is not a JSON array (it is left untouched)
     */
    public static Path append(ReviewSet set, Path path, String reviewer, LocalDate date) {
        if (reviewer == null || reviewer.isBlank()) {
            throw new ReviewException("--sign-off needs the reviewer's name");
        }
        Path file = location(path);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode existing = null;
        if (Files.exists(file)) {
            try {
                existing = mapper.readTree(file.toFile());
            } catch (IOException e) {
                throw new ReviewException(file + ": not a sign-off trail (" + e.getMessage().lines().findFirst().orElse("")
                        + "); left as it is");
            }
            if (existing == null || !existing.isArray()) {
                throw new ReviewException(file + ": not a sign-off trail (expected a JSON array); left as it is");
            }
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.setCodec(mapper);
            json.writeStartArray();
            if (existing != null) {
                for (JsonNode entry : existing) {
                    json.writeTree(entry);
                }
            }
            json.writeStartObject();
            json.writeStringField("reviewer", reviewer.strip());
            json.writeStringField("date", date.toString());
            json.writeObjectFieldStart("subject");
            json.writeStringField("kind", set.folder() ? "folder" : set.reviews().get(0).kind().id());
            json.writeStringField("path", set.path());
            String hash = set.folder() ? folderHash(set) : set.reviews().get(0).sha256();
            if (hash == null) {
                json.writeNullField("sha256");
            } else {
                json.writeStringField("sha256", hash);
            }
            json.writeEndObject();
            json.writeStringField("verdict", set.verdict().id());
            json.writeArrayFieldStart("reviews");
            for (Review review : set.reviews()) {
                json.writeStartObject();
                json.writeStringField("path", review.path());
                if (review.sha256() == null) {
                    json.writeNullField("sha256");
                } else {
                    json.writeStringField("sha256", review.sha256());
                }
                json.writeStringField("verdict", review.verdict().id());
                json.writeObjectFieldStart("items");
                for (ItemResult item : review.items()) {
                    json.writeStringField(String.valueOf(item.item().number()), item.status().id());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            AtomicFiles.write(file, out + "\n");
        } catch (IOException e) {
            throw new ReviewException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** A folder's hash: sha256 of one {@code <sha256>  <path>\n} line per notebook, in review order. */
    static String folderHash(ReviewSet set) {
        StringBuilder manifest = new StringBuilder();
        for (Review review : set.reviews()) {
            manifest.append(review.sha256() == null ? "-" : review.sha256()).append("  ").append(review.path()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(manifest.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
