package dev.lockstep.analyzer.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Rule documentation: the markdown resource {@code /dev/lockstep/rules/<id>.md} with fixed
 * sections, combined with the rule's metadata into the page {@code lockstep explain} prints
 * and docs/rules.md collects.
 */
public final class RuleDocs {

    /** The sections every rule document has, in this order. */
    public static final List<String> SECTIONS = List.of(
            "What it does", "Why it breaks reproducibility", "Example", "Use instead", "What extract does");

    private RuleDocs() {
    }

    /** The raw markdown body of a rule's document, if there is one. */
    public static Optional<String> body(String ruleId) {
        try (InputStream in = RuleDocs.class.getResourceAsStream("/dev/lockstep/rules/" + ruleId + ".md")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sections of {@link #SECTIONS} missing from a document, in order. */
    public static List<String> missingSections(String body) {
        return SECTIONS.stream().filter(s -> !body.contains("\n## " + s + "\n") && !body.startsWith("## " + s + "\n"))
                .toList();
    }

    /** The full page for one rule: a heading and a metadata line, then the document. */
    public static String page(RuleMetadata rule) {
        return page(rule, body(rule.id()).orElse(null));
    }

    /** The full page for a rule whose document is given (a team rule's, made from its configuration). */
    public static String page(RuleMetadata rule, String body) {
        StringBuilder page = new StringBuilder();
        page.append("# ").append(rule.id()).append(' ').append(rule.name()).append("\n\n");
        page.append(rule.summary()).append("\n\n");
        page.append("Severity: **").append(rule.severity().label()).append("** · Category: ")
                .append(rule.category().title()).append(" · Extract: ").append(rule.remedy().description())
                .append(rule.isFixable() ? " (fixable)" : "").append("\n\n");
        page.append(body == null ? "(no documentation)" : body.strip()).append('\n');
        return page.toString();
    }
}
