package dev.lockstep.analyzer.ipython;

import dev.lockstep.analyzer.python.PythonStrings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a cell's IPython source into plain Python with the same line structure, the way
 * IPython's own input transformers do, recording every escape as a {@link Magic}.
 *
 * <p>Escapes are recognised only at the start of a logical line, never inside strings,
 * brackets or continuations, because that is the only place IPython recognises them:
 * {@code "!"} inside a docstring stays text. Translations use the calls IPython itself
 * generates ({@code get_ipython().system(...)}, {@code run_line_magic}), so the result is what
 * the kernel really ran; {@code %time stmt} and {@code %%time}-style wrapper bodies keep their
 * Python so that it is analysed like any other code.
 */
public final class IPythonTranslator {

    /** Cell magics whose body is Python that runs in the kernel's namespace. */
    private static final Set<String> PYTHON_BODY_CELL_MAGICS =
            Set.of("time", "timeit", "capture", "prun", "debug", "memit", "mprun", "lprun");

    /** Line magics whose argument is a Python statement run in the kernel's namespace. */
    private static final Set<String> PYTHON_ARGUMENT_LINE_MAGICS = Set.of("time");

    private static final Pattern MAGIC_NAME = Pattern.compile("[A-Za-z_][\\w.]*");
    private static final Pattern ASSIGNMENT_ESCAPE = Pattern.compile(
            "^([A-Za-z_][\\w.]*(?:\\s*,\\s*[A-Za-z_][\\w.]*)*)\\s*=\\s*(?=[!%])");
    private static final Pattern HELP_SUFFIX = Pattern.compile("^%{0,2}[A-Za-z_*][\\w.*\\[\\]]*(?:\\(\\))?(\\?\\??)$");
    private static final Pattern BRACED_EXPRESSION = Pattern.compile("\\{([^{}]+)}");
    private static final Pattern DOLLAR_NAME = Pattern.compile("(?<!\\$)\\$([A-Za-z_]\\w*)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.'\"])([A-Za-z_]\\w*)");

    public TranslatedSource translate(String source) {
        List<String> lines = splitLines(source);
        List<String> out = new ArrayList<>(lines.size());
        List<LineMapping> mappings = new ArrayList<>(lines.size());
        List<Magic> magics = new ArrayList<>();

        int first = firstNonBlank(lines);
        int bodyStart = 0;
        boolean bodyIsPython = true;
        if (first >= 0 && lines.get(first).startsWith("%%")) {
            for (int i = 0; i < first; i++) {
                out.add(lines.get(i));
                mappings.add(LineMapping.IDENTITY);
            }
            String header = stripCr(lines.get(first)).substring(2);
            Matcher name = MAGIC_NAME.matcher(header);
            String magicName = name.lookingAt() ? name.group() : "";
            String args = header.substring(magicName.length()).strip();
            bodyIsPython = PYTHON_BODY_CELL_MAGICS.contains(magicName);
            String body = String.join("\n", lines.subList(first + 1, lines.size()));
            String target = magicName.equals("capture") ? captureTarget(args) : null;
            magics.add(new Magic(MagicKind.CELL_MAGIC, magicName, args, first + 1, 1, first + 1,
                    lines.get(first).length() + 1, target, body, bodyIsPython, List.of()));
            String call = bodyIsPython
                    ? "get_ipython().run_line_magic(" + pyString(magicName) + ", " + pyString(args) + ")"
                    : "get_ipython().run_cell_magic(" + pyString(magicName) + ", " + pyString(args) + ", '')";
            out.add(withCr(lines.get(first), target == null ? call : target + " = " + call));
            mappings.add(LineMapping.rewritten(0, 0));
            bodyStart = first + 1;
            if (!bodyIsPython) {
                for (int i = bodyStart; i < lines.size(); i++) {
                    out.add("");
                    mappings.add(LineMapping.rewritten(0, 0));
                }
                return finish(out, mappings, magics);
            }
        }

        LogicalLineScanner scanner = new LogicalLineScanner();
        int i = bodyStart;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!scanner.atLogicalLineStart()) {
                out.add(line);
                mappings.add(LineMapping.IDENTITY);
                scanner.feed(line);
                i++;
                continue;
            }
            int consumed = translateEscape(lines, i, out, mappings, magics);
            if (consumed == 0) {
                out.add(line);
                mappings.add(LineMapping.IDENTITY);
                scanner.feed(line);
                i++;
            } else {
                i += consumed; // escaped lines never open strings or brackets for what follows
            }
        }
        return finish(out, mappings, magics);
    }

    private static TranslatedSource finish(List<String> out, List<LineMapping> mappings, List<Magic> magics) {
        return new TranslatedSource(String.join("\n", out), new SourceMap(mappings), magics);
    }

    /**
     * Translates an escape starting at line {@code index}, if there is one.
     *
     * @return how many original lines were consumed (0 when the line is plain Python)
     */
    private int translateEscape(List<String> lines, int index, List<String> out, List<LineMapping> mappings,
            List<Magic> magics) {
        String line = stripCr(lines.get(index));
        int indent = leadingWhitespace(line);
        String content = line.substring(indent);
        if (content.isEmpty()) {
            return 0;
        }
        String target = null;
        int escapeAt = indent;
        Matcher assignment = ASSIGNMENT_ESCAPE.matcher(content);
        char firstChar = content.charAt(0);
        if (firstChar != '%' && firstChar != '!' && firstChar != '?') {
            Matcher help = HELP_SUFFIX.matcher(content.strip());
            if (help.matches() && !content.contains("#")) {
                String object = content.strip();
                object = object.substring(0, object.length() - help.group(1).length());
                String magicName = help.group(1).length() == 2 ? "pinfo2" : "pinfo";
                magics.add(new Magic(MagicKind.HELP, object, "", index + 1, indent + 1, index + 1,
                        line.length() + 1, null, "", false, List.of()));
                emit(lines.get(index), line.substring(0, indent)
                        + "get_ipython().run_line_magic(" + pyString(magicName) + ", " + pyString(object) + ")",
                        LineMapping.rewritten(indent, indent), out, mappings);
                return 1;
            }
            if (!assignment.lookingAt()) {
                return 0;
            }
            target = assignment.group(1).replaceAll("\\s+", "");
            escapeAt = indent + assignment.end();
        }

        // Join backslash continuations: IPython treats "!cmd \" + next line as one command.
        StringBuilder escaped = new StringBuilder(line.substring(escapeAt));
        int consumed = 1;
        while (escaped.length() > 0 && escaped.charAt(escaped.length() - 1) == '\\' && index + consumed < lines.size()) {
            escaped.setLength(escaped.length() - 1);
            while (escaped.length() > 0 && Character.isWhitespace(escaped.charAt(escaped.length() - 1))) {
                escaped.setLength(escaped.length() - 1);
            }
            escaped.append(stripCr(lines.get(index + consumed)).strip().isEmpty() ? "" : " ")
                    .append(stripCr(lines.get(index + consumed)).strip());
            consumed++;
        }
        String text = escaped.toString();
        int endLine = index + consumed;
        int endColumn = stripCr(lines.get(index + consumed - 1)).length() + 1;
        String prefix = line.substring(0, escapeAt);
        String assign = target == null ? "" : prefix.substring(indent);
        String indentText = line.substring(0, indent);
        String translated;
        LineMapping mapping = LineMapping.rewritten(escapeAt, escapeAt);
        Magic magic;

        Matcher magicHelp = HELP_SUFFIX.matcher(text.strip());
        if (text.startsWith("%") && target == null && magicHelp.matches() && !text.contains("#")) {
            // "%cd?" asks for the magic's help, as IPython's help_end transformer reads it; it runs nothing
            String object = text.strip().substring(0, text.strip().length() - magicHelp.group(1).length());
            magic = new Magic(MagicKind.HELP, object, "", index + 1, escapeAt + 1, endLine, endColumn, null, "", false,
                    List.of());
            translated = indentText + "get_ipython().run_line_magic(" + pyString(magicHelp.group(1).length() == 2
                    ? "pinfo2" : "pinfo") + ", " + pyString(object) + ")";
            mapping = LineMapping.rewritten(indent, indent);
        } else if (text.startsWith("?")) {
            String object = text.replaceFirst("^\\?+", "").strip();
            magic = new Magic(MagicKind.HELP, object, "", index + 1, escapeAt + 1, endLine, endColumn, null, "", false,
                    List.of());
            translated = indentText + "get_ipython().run_line_magic('pinfo', " + pyString(object) + ")";
            mapping = LineMapping.rewritten(indent, indent);
        } else if (text.startsWith("!")) {
            boolean capture = text.startsWith("!!") || target != null;
            String command = text.substring(text.startsWith("!!") ? 2 : 1).strip();
            String program = command.isEmpty() ? "" : command.split("\\s+", 2)[0];
            String rest = command.substring(program.length()).strip();
            magic = new Magic(MagicKind.SHELL, program, rest, index + 1, escapeAt + 1, endLine, endColumn, target,
                    "", false, interpolatedNames(command));
            translated = prefix + "get_ipython()." + (capture ? "getoutput(" : "system(") + pyString(command) + ")";
        } else {
            String afterPercent = text.substring(text.startsWith("%%") ? 2 : 1);
            Matcher name = MAGIC_NAME.matcher(afterPercent);
            String magicName = (text.startsWith("%%") ? "%" : "") + (name.lookingAt() ? name.group() : "");
            int nameLength = name.lookingAt() ? name.group().length() : 0;
            String args = afterPercent.substring(nameLength).strip();
            magic = new Magic(MagicKind.LINE_MAGIC, magicName, args, index + 1, escapeAt + 1, endLine, endColumn,
                    target, "", false, interpolatedNames(args));
            if (target == null && consumed == 1 && PYTHON_ARGUMENT_LINE_MAGICS.contains(magicName) && !args.isEmpty()
                    && !args.startsWith("-")) {
                // "%time stmt" runs stmt in the kernel: keep it as Python, mapped to its own columns.
                int argStart = line.indexOf(args, escapeAt + 1 + nameLength);
                translated = indentText + args;
                mapping = new LineMapping(indent, escapeAt, indent, args.length(), argStart);
            } else {
                translated = prefix + "get_ipython().run_line_magic(" + pyString(magicName) + ", " + pyString(args)
                        + ")";
            }
        }
        magics.add(magic);
        emit(lines.get(index), translated, mapping, out, mappings);
        for (int k = 1; k < consumed; k++) {
            out.add(lines.get(index + k).endsWith("\r") ? "\r" : "");
            mappings.add(LineMapping.rewritten(0, 0));
        }
        return consumed;
    }

    private static void emit(String original, String translated, LineMapping mapping, List<String> out,
            List<LineMapping> mappings) {
        out.add(withCr(original, translated));
        mappings.add(mapping);
    }

    /** The names a shell command interpolates: {@code {expr}} and {@code $name}. */
    static List<String> interpolatedNames(String command) {
        Set<String> names = new LinkedHashSet<>();
        Matcher braces = BRACED_EXPRESSION.matcher(command);
        while (braces.find()) {
            Matcher id = IDENTIFIER.matcher(braces.group(1));
            while (id.find()) {
                names.add(id.group(1));
            }
        }
        Matcher dollar = DOLLAR_NAME.matcher(command);
        while (dollar.find()) {
            names.add(dollar.group(1));
        }
        return List.copyOf(names);
    }

    /** The variable {@code %%capture [options] name} stores its result in, if any. */
    private static String captureTarget(String args) {
        String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        for (int i = words.length - 1; i >= 0; i--) {
            if (!words[i].startsWith("-") && words[i].matches("[A-Za-z_]\\w*")) {
                return words[i];
            }
        }
        return null;
    }

    /** A Python single-quoted string literal holding {@code text}. */
    static String pyString(String text) {
        return PythonStrings.literal(text, '\'');
    }

    static List<String> splitLines(String source) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                lines.add(source.substring(start, i));
                start = i + 1;
            }
        }
        lines.add(source.substring(start));
        return lines;
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int leadingWhitespace(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\f')) {
            i++;
        }
        return i;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String withCr(String original, String translated) {
        return original.endsWith("\r") ? translated + "\r" : translated;
    }
}
