package dev.lockstep.extractor.codes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The blockers only extract reports ({@code EX...}): gaps that no scan rule names because they
 * are about turning the notebook into a job (what it produces, which data it reads here), not
 * about the notebook's code. Each has a page, {@code /dev/lockstep/extractor/codes/<ID>.md}, that
 * {@code lockstep explain ID} prints and docs/extract-codes.md collects.
 */
public enum ExtractCode {
    EX001("no-saved-output", "The notebook saves no output, so the job would produce nothing to record or verify."),
    EX002("input-not-on-this-machine",
            "A file the notebook reads is not on this machine and no --input binds it, so its sha256 cannot be recorded."),
    EX003("place-not-determined",
            "A read or write whose path extract cannot determine, so it can be neither declared nor moved into the run folder."),
    EX004("write-outside-run-folder",
            "A write (or folder made or removed) outside the job's run folder that extract cannot move into it.");

    /** The sections every code's page has, in this order. */
    public static final List<String> SECTIONS = List.of("What it means", "Why extract stops", "What to do");

    private final String title;
    private final String summary;

    ExtractCode(String title, String summary) {
        this.title = title;
        this.summary = summary;
    }

    /** The id printed in blockers, {@code EX001}. */
    public String id() {
        return name();
    }

    /** The short name, {@code no-saved-output}. */
    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    /** A code by id (any case) or short name. */
    public static Optional<ExtractCode> find(String idOrName) {
        String wanted = idOrName.strip();
        return Arrays.stream(values())
                .filter(c -> c.id().equalsIgnoreCase(wanted) || c.title.equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** The Markdown document of this code (without its heading). */
    public String body() {
        String resource = "/dev/lockstep/extractor/codes/" + id() + ".md";
        try (InputStream in = ExtractCode.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page {@code lockstep explain} prints: heading, summary, kind, then the document. */
    public String page() {
        return "# " + id() + " " + title + "\n\n" + summary + "\n\n"
                + "Kind: **extract blocker** (reported by `lockstep extract`, not by `scan`) · Exit: 1, or nothing"
                + " written with `--strict`\n\n" + body().strip() + "\n";
    }

    /** The anchor of this code in docs/extract-codes.md. */
    public String anchor() {
        return id().toLowerCase(Locale.ROOT);
    }
}
