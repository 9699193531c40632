package dev.lockstep.analyzer.config;

import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleMetadata;
import dev.lockstep.analyzer.rules.Severity;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A team's own API rule from {@code [[rules.custom]]} in lockstep.toml: calls to one qualified
 * name (matched after import resolution, so {@code from ourlib.data import load_table as lt}
 * still counts) must pass a keyword, or must not be made at all.
 *
 * <p>Precision: a call that passes {@code **kwargs} may carry the keyword and is left alone;
 * a keyword passed by position is not recognised (the rule does not know the signature).
 */
public final class CustomCallRule implements Rule {
    private final RuleMetadata metadata;
    private final String call;
    private final String requiredKeyword;
    private final String message;
    private final Path source;

    /**
     * @param id              the team's id ({@code ACME001})
     * @param name            kebab-case name
     * @param severity        default severity
     * @param call            the qualified name of the callee
     * @param requiredKeyword the keyword every call must pass, or null when calls are forbidden
     * @param message         what the team wants done, one line
     * @param source          the lockstep.toml that defines it
     */
    public CustomCallRule(String id, String name, Severity severity, String call, String requiredKeyword,
            String message, Path source) {
        this.call = Objects.requireNonNull(call, "call");
        this.requiredKeyword = requiredKeyword;
        this.message = Objects.requireNonNull(message, "message");
        this.source = source;
        String summary = requiredKeyword == null ? "calls to " + call + " are not allowed"
                : "calls to " + call + " must pass " + requiredKeyword + "=";
        this.metadata = new RuleMetadata(id, name, Category.CUSTOM, severity, summary, Remedy.REPORTED);
    }

    @Override
    public RuleMetadata metadata() {
        return metadata;
    }

    public String call() {
        return call;
    }

    /** The keyword calls must pass, or null for a rule that forbids the call. */
    public String requiredKeyword() {
        return requiredKeyword;
    }

    public boolean forbids() {
        return requiredKeyword == null;
    }

    public String message() {
        return message;
    }

    @Override
    public void check(RuleContext context) {
        for (CallSite site : context.notebook().callsTo(call)) {
            SyntaxNode at = site.callee() != null ? site.callee() : site.node();
            if (forbids()) {
                context.report(site.cell(), at, "call to " + call + ": " + message);
            } else if (!site.hasKeyword(requiredKeyword) && !passesKeywordDictionary(site)) {
                context.report(site.cell(), at, call + " called without " + requiredKeyword + "=: " + message);
            }
        }
    }

    private static boolean passesKeywordDictionary(CallSite site) {
        SyntaxNode arguments = site.node().child("arguments");
        if (arguments == null) {
            return false;
        }
        for (SyntaxNode argument : arguments.namedChildren()) {
            if (argument.is("dictionary_splat")) {
                return true;
            }
        }
        return false;
    }

    /** The documentation page body ({@code lockstep explain}) in the sections built-in rules have. */
    public String documentation() {
        String head = forbids() ? "Flags every call to `" + call + "`."
                : "Flags calls to `" + call + "` that do not pass `" + requiredKeyword + "=` by name. A call that "
                        + "passes `**kwargs` may carry it and is left alone.";
        String instead = forbids() ? "Do what the team's message says: " + message + ".\n\n"
                : "```python\n" + call + "(..., " + requiredKeyword + "=...)\n```\n\n";
        return "## What it does\n" + head + " Calls are matched by qualified name after imports and aliases are "
                + "resolved.\n\n"
                + "## Why it breaks reproducibility\n" + message + " (a team rule defined in "
                + (source == null ? "lockstep.toml" : "`" + source + "`") + ").\n\n"
                + "## Example\n```python\n" + call + "(...)\n```\n\n"
                + "## Use instead\n" + instead
                + "## What extract does\nExtract reports it; team rules do not change the job.\n";
    }
}
