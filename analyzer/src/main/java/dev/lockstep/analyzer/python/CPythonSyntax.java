package dev.lockstep.analyzer.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What CPython's parser refuses in code that tree-sitter-python parses without an ERROR node:
 * empty and misindented blocks, statements joined across lines outside brackets, a trailing
 * line continuation, characters tree-sitter skips as white space, malformed number literals,
 * nesting beyond CPython's limits. Without these, a cell that cannot run would count as
 * parsed, and extraction would copy it into a script that fails (the property tests found
 * each of them; PythonParserTest holds one case of each, checked against CPython).
 */
final class CPythonSyntax {
    private CPythonSyntax() {
    }

    /** The problems in {@code root} (the tree of {@code source}), in no particular order. */
    static List<SyntaxProblem> problems(SyntaxNode root, String source) {
        List<SyntaxProblem> problems = new ArrayList<>();
        Set<Integer> commentEnds = new java.util.HashSet<>();
        root.walk(node -> {
            if (node.is("comment")) {
                commentEnds.add(node.endOffset());
            }
        });
        addBlockProblems(root, source, commentEnds, problems);
        addContinuationProblems(root, source, problems);
        addTrailingBackslashProblem(root, source, problems);
        addInvalidCharacterProblem(root, source, problems);
        if (source.startsWith("\uFEFF")) { // tree-sitter skips a leading byte order mark; compile() of a str refuses it
            problems.add(new SyntaxProblem(0, 0, "invalid character U+FEFF (a byte order mark)"));
        }
        return problems;
    }

    /**
     * Indentation errors that tree-sitter-python accepts without an ERROR node but CPython
     * refuses: a block with no statement ({@code if x:} followed by a dedented line: "expected
     * an indented block"), and a statement of a block indented differently from the block's
     * first ("unexpected indent", "unindent does not match"). At module level the first
     * statement sets the indentation: IPython dedents an indented cell before running it.
     */
    private static void addBlockProblems(SyntaxNode root, String source, Set<Integer> commentEnds,
            List<SyntaxProblem> problems) {
        root.walk(node -> {
            boolean block = node.is("block") && node.parent() != null;
            if (!(block || node == root) || (block && hasErrorOrMissing(node.parent()))) {
                return;
            }
            // A block's first statement sets its indentation; a cell's is its first non-blank
            // line's (IPython removes that much from every line before running the cell).
            String expected = block ? null : firstLineIndent(source);
            boolean any = !block;
            for (SyntaxNode statement : node.children()) {
                if (!statement.isNamed() || isExtra(statement) || statement.isError()) {
                    continue;
                }
                String indent = lineIndent(source, statement.startOffset(), commentEnds);
                if (!any) {
                    any = true;
                    expected = indent; // null: the suite sits on its header's line (if x: y = 1)
                } else if (indent != null && !indent.equals(expected) && (block || !indent.isEmpty())) {
                    // (at module level an unindented line is left as it is by IPython's dedent: fine)
                    boolean deeper = expected == null || indent.length() > expected.length() && indent.startsWith(expected);
                    problems.add(new SyntaxProblem(statement.startLine(), statement.startColumn(), deeper
                            ? "unexpected indent" : "unindent does not match any outer indentation level"));
                }
            }
            if (block && blockDepth(node) == 100) { // CPython's tokenizer: MAXINDENT; reported once
                problems.add(new SyntaxProblem(node.startLine(), node.startColumn(),
                        "too many levels of indentation (CPython allows 99)"));
            }
            if (!any && block) {
                SyntaxNode header = node.parent().children().isEmpty() ? node.parent() : node.parent().children().get(0);
                problems.add(new SyntaxProblem(node.startLine(), node.startColumn(),
                        "expected an indented block after '" + header.type() + "'"));
            }
        });
    }

    private static final Set<String> COMPOUND_STATEMENTS = Set.of("if_statement", "for_statement",
            "while_statement", "try_statement", "with_statement", "function_definition", "class_definition",
            "decorated_definition", "match_statement", "case_clause", "comment", "ERROR");

    /**
     * Simple statements that go on past the end of their line outside brackets, without a
     * backslash ({@code x =} then {@code 1} on the next line; {@code else:} then a line read as
     * an annotation), and two statements on one line with no {@code ;} between them:
     * tree-sitter-python accepts both while recovering, CPython refuses them.
     */
    private static void addContinuationProblems(SyntaxNode root, String source, List<SyntaxProblem> problems) {
        root.walk(node -> {
            if (!node.is("module") && !node.is("block")) {
                return;
            }
            SyntaxNode previous = null;
            for (SyntaxNode statement : node.children()) {
                if (!statement.isNamed() || isExtra(statement) || statement.isError()) {
                    continue;
                }
                if (previous != null && previous.endLine() == statement.startLine()
                        && source.substring(previous.endOffset(), statement.startOffset()).indexOf(';') < 0) {
                    problems.add(new SyntaxProblem(statement.startLine(), statement.startColumn(),
                            "invalid syntax: two statements on one line without ';'"));
                }
                previous = statement;
                if (COMPOUND_STATEMENTS.contains(statement.type()) || statement.startLine() == statement.endLine()) {
                    continue;
                }
                SyntaxNode joined = unbracketedLineBreak(statement, source);
                if (joined != null) {
                    problems.add(new SyntaxProblem(joined.startLine(), joined.startColumn(),
                            "invalid syntax: the statement goes on past the end of its line (outside brackets, no backslash)"));
                }
            }
        });
    }

    /** The first token of {@code statement} on a new line outside brackets (not after a backslash), or null. */
    private static SyntaxNode unbracketedLineBreak(SyntaxNode statement, String source) {
        int[] depth = {0};
        int[] previousEnd = {-1};
        SyntaxNode[] found = {null};
        boolean[] error = {false};
        statement.walk(node -> {
            if (found[0] != null || error[0]) {
                return;
            }
            if (node.isError() || node.isMissing()) {
                error[0] = true; // reported as such already
                return;
            }
            if (node.startOffset() < previousEnd[0]) {
                return; // inside a string already taken as one token
            }
            // A string is one token however it is split into children: a triple-quoted string's
            // line breaks (and a backslash-newline escape in it) are its content, not the statement's.
            if ((!node.children().isEmpty() && !node.is("string")) || node.is("comment")) {
                return;
            }
            if (previousEnd[0] >= 0 && depth[0] == 0 && node.startOffset() > previousEnd[0]
                    && breaksLine(source, previousEnd[0], node.startOffset())) {
                found[0] = node;
                return;
            }
            switch (node.type()) {
                case "(", "[", "{" -> depth[0]++;
                case ")", "]", "}" -> depth[0] = Math.max(0, depth[0] - 1);
                default -> {
                }
            }
            previousEnd[0] = node.endOffset();
        });
        return error[0] ? null : found[0];
    }

    /** A backslash that continues the last line into the end of the text: CPython's "unexpected EOF". */
    private static void addTrailingBackslashProblem(SyntaxNode root, String source, List<SyntaxProblem> problems) {
        int last = source.length() - 1;
        while (last >= 0 && Character.isWhitespace(source.charAt(last))) {
            last--;
        }
        if (last < 0 || source.charAt(last) != '\\') {
            return;
        }
        int at = last;
        boolean[] quoted = {false};
        root.walk(node -> {
            if ((node.is("comment") || node.is("string")) && node.startOffset() <= at && at < node.endOffset()) {
                quoted[0] = true;
            }
        });
        if (!quoted[0]) {
            problems.add(new SyntaxProblem(lineOf(source, at), at - source.lastIndexOf('\n', at - 1) - 1,
                    "unexpected end of file after a line continuation (backslash)"));
        }
    }

    /**
     * The first character outside tokens, strings and comments that CPython does not take as
     * white space (tree-sitter-python skips U+00A0, U+FEFF, U+200B, U+000B... as white space and
     * stops at U+FFFF), or inside a name that no Python name may hold.
     */
    private static void addInvalidCharacterProblem(SyntaxNode root, String source, List<SyntaxProblem> problems) {
        int[] covered = {0};
        int[] invalid = {-1};
        String[] why = {null};
        SyntaxNode[] previous = {null};
        int[] brackets = {0};
        root.walk(node -> {
            if (invalid[0] >= 0 || node == root) {
                return;
            }
            boolean token = node.children().isEmpty() || node.is("string") || node.is("comment");
            if (!token || node.startOffset() < covered[0]) {
                return;
            }
            if (node.startOffset() > covered[0]) {
                invalid[0] = firstNonBlank(source, covered[0], node.startOffset());
            } else if (previous[0] != null && isNumber(previous[0]) && (isNumber(node) || node.is("identifier"))) {
                invalid[0] = previous[0].startOffset(); // 0a, 1x: one token to CPython
                why[0] = "invalid number literal '" + source.substring(previous[0].startOffset(), node.endOffset()) + "'";
            }
            previous[0] = node;
            switch (node.type()) {
                case "(", "[", "{" -> {
                    if (++brackets[0] > 200) { // CPython's tokenizer stops at 200 (MAXLEVEL)
                        invalid[0] = node.startOffset();
                        why[0] = "too many nested parentheses (CPython allows 200)";
                    }
                }
                case ")", "]", "}" -> brackets[0] = Math.max(0, brackets[0] - 1);
                default -> {
                }
            }
            if (invalid[0] < 0 && node.is("integer") && !validInteger(node.text())) {
                invalid[0] = node.startOffset();
                why[0] = "invalid number literal '" + node.text() + "' (leading zeros, or Python 2's L)";
            }
            if (invalid[0] < 0 && node.is("identifier")) {
                invalid[0] = firstNonNameCharacter(source, node.startOffset(), node.endOffset());
            }
            covered[0] = Math.max(covered[0], node.endOffset());
        });
        if (invalid[0] < 0) {
            invalid[0] = firstNonBlank(source, covered[0], source.length());
        }
        if (invalid[0] >= 0) {
            int at = invalid[0];
            problems.add(new SyntaxProblem(lineOf(source, at), at - source.lastIndexOf('\n', at - 1) - 1,
                    why[0] != null ? why[0] : String.format("invalid character U+%04X", source.codePointAt(at))));
        }
    }

    /** CPython refuses leading zeros in a decimal integer (09) and Python 2's long suffix (10L). */
    private static boolean validInteger(String text) {
        if (text.endsWith("l") || text.endsWith("L")) {
            return false;
        }
        if (text.length() < 2 || text.charAt(0) != '0' || text.endsWith("j") || text.endsWith("J")) {
            return true;
        }
        char second = text.charAt(1);
        if (second != '_' && !Character.isDigit(second)) {
            return true; // 0x, 0o, 0b
        }
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) >= '1' && text.charAt(i) <= '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A comment or a line continuation: tree-sitter-python's named extras, which can sit among a
     * block's statements (a backslash before a blank line is a line_continuation of its own).
     */
    private static boolean isExtra(SyntaxNode node) {
        return node.is("comment") || node.is("line_continuation");
    }

    private static boolean isNumber(SyntaxNode node) {
        return node.is("integer") || node.is("float");
    }

    /** The offset of the first character in [from, to) that is not Python white space or a line continuation, or -1. */
    private static int firstNonBlank(String source, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = source.charAt(i);
            if (c != ' ' && c != '\t' && c != '\f' && c != '\n' && c != '\r' && c != '\\') {
                return i;
            }
        }
        return -1;
    }

    /** The offset of the first code point of a name that Python does not allow in names, or -1. */
    private static int firstNonNameCharacter(String source, int from, int to) {
        for (int i = from; i < to; ) {
            int cp = source.codePointAt(i);
            boolean ok = i == from ? cp == '_' || Character.isUnicodeIdentifierStart(cp)
                    : Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
            if (!ok) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static int lineOf(String source, int offset) {
        int line = 0;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Whether the gap between two tokens holds a line break that no backslash continues. */
    private static boolean breaksLine(String source, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < to && (source.charAt(i + 1) == '\n' || source.charAt(i + 1) == '\r')) {
                i += source.charAt(i + 1) == '\r' && i + 2 < to && source.charAt(i + 2) == '\n' ? 2 : 1;
            } else if (c == '\n' || c == '\r') {
                return true;
            } else if (c == '#') {
                return true; // a comment runs to the end of the line, which then breaks it
            }
        }
        return false;
    }

    /** Whether the line holding {@code offset} has only white space before it. */
    private static boolean onlyWhiteSpaceBefore(String source, int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            char c = source.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    /** The white space that starts the first line with anything else on it. */
    private static String firstLineIndent(String source) {
        int lineStart = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n' || c == '\r') {
                lineStart = i + 1;
            } else if (c != ' ' && c != '\t' && c != '\f') {
                return afterFormFeed(source.substring(lineStart, i));
            }
        }
        return "";
    }

    private static int blockDepth(SyntaxNode block) {
        int depth = 0;
        for (SyntaxNode node = block; node != null; node = node.parent()) {
            if (node.is("block")) {
                depth++;
            }
        }
        return depth;
    }

    private static boolean hasErrorOrMissing(SyntaxNode node) {
        for (SyntaxNode child : node.children()) {
            if (child.isError() || child.isMissing()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The whitespace before {@code offset} when it is the first thing on its logical line, else
     * null (after other code, or on a line continued with a backslash that ends no comment).
     */
    private static String lineIndent(String source, int offset, Set<Integer> commentEnds) {
        int i = offset - 1;
        while (i >= 0 && (source.charAt(i) == ' ' || source.charAt(i) == '\t' || source.charAt(i) == '\f')) {
            i--;
        }
        if (i >= 0 && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
            return null;
        }
        int lineBreak = i;
        if (lineBreak > 0 && source.charAt(lineBreak) == '\n' && source.charAt(lineBreak - 1) == '\r') {
            lineBreak--;
        }
        if (lineBreak > 0 && source.charAt(lineBreak - 1) == '\\' && !commentEnds.contains(lineBreak)
                && !onlyWhiteSpaceBefore(source, lineBreak - 1)) {
            return null; // continues a line that holds code; a line of only a backslash continues nothing
        }
        return afterFormFeed(source.substring(i + 1, offset));
    }

    /** CPython's tokenizer counts indentation from the last form feed of a line's white space. */
    private static String afterFormFeed(String indent) {
        return indent.substring(indent.lastIndexOf('\f') + 1);
    }
}
