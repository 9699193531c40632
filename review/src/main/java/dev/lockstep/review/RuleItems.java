package dev.lockstep.review;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which contract item each rule and each extract blocker id is evidence for, read from the table
 * {@code rule-items.tsv} kept beside this class (data, not code: one row per id).
 */
public final class RuleItems {

    /** What a finding of the rule does to its item. */
    public enum Role {
        /** Fails the item. */
        DECIDES,
        /** Fails the item only when extract left a blocker for the same rule and cell (job reviews). */
        BLOCKER,
        /** Shown as evidence, decides nothing. */
        NOTES;

        static Role parse(String text, boolean jobColumn) {
            return switch (text) {
                case "decides" -> DECIDES;
                case "notes" -> NOTES;
                case "blocker" -> {
                    if (!jobColumn) {
                        throw new IllegalArgumentException("'blocker' is a job-column role");
                    }
                    yield BLOCKER;
                }
                default -> throw new IllegalArgumentException("unknown role '" + text + "'");
            };
        }
    }

    /** One row of the table. */
    public record Row(String id, ContractItem item, Role notebook, Role job) {
    }

    private static final String TABLE = "rule-items.tsv";
    private static final RuleItems DEFAULT = load();

    private final Map<String, Row> rows;

    private RuleItems(Map<String, Row> rows) {
        this.rows = Collections.unmodifiableMap(new TreeMap<>(rows));
    }

    public static RuleItems standard() {
        return DEFAULT;
    }

    public Optional<Row> row(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    /** Every row, by id. */
    public Map<String, Row> rows() {
        return rows;
    }

    private static RuleItems load() {
        Map<String, Row> rows = new TreeMap<>();
        try (InputStream in = RuleItems.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the review module's resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                try {
                    if (cells.length != 4) {
                        throw new IllegalArgumentException("expected 4 tab-separated columns, found " + cells.length);
                    }
                    Row row = new Row(cells[0], ContractItem.of(Integer.parseInt(cells[1])),
                            Role.parse(cells[2], false), Role.parse(cells[3], true));
                    if (rows.put(row.id(), row) != null) {
                        throw new IllegalArgumentException("id " + row.id() + " appears twice");
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(TABLE + ":" + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleItems(rows);
    }
}
