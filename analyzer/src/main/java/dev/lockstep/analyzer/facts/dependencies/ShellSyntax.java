package dev.lockstep.analyzer.facts.dependencies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Just enough POSIX shell syntax to read install and git commands out of a notebook's shell
 * lines: words with quotes removed, simple commands split at {@code ; && || | &}, comments and
 * redirections dropped. Words that the shell or IPython would expand ({@code $VAR},
 * {@code {expr}}, backquotes) are marked dynamic: their value is unknown to analysis.
 */
final class ShellSyntax {

    /**
     * One word of a command.
     *
     * @param text    the word with quotes and escapes removed
     * @param dynamic whether it holds an expansion whose value analysis cannot know
     */
    record Word(String text, boolean dynamic) {
        boolean is(String value) {
            return !dynamic && text.equals(value);
        }
    }

    /** Programs that run the rest of the command line as another command. */
    private static final Set<String> WRAPPERS = Set.of("sudo", "time", "nohup", "env", "command",
            "exec", "nice");

    private ShellSyntax() {
    }

    /** The simple commands of a command line, in order; each is a non-empty list of words. */
    static List<List<Word>> commands(String line) {
        List<List<Word>> commands = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean dynamic = false;
        boolean dropNextWord = false;
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                end = end < 0 ? n : end;
                String quoted = line.substring(i + 1, end);
                word.append(quoted);
                dynamic |= hasInterpolation(quoted);
                inWord = true;
                i = end + 1;
                continue;
            }
            if (c == '"') {
                int j = i + 1;
                while (j < n && line.charAt(j) != '"') {
                    char d = line.charAt(j);
                    if (d == '\\' && j + 1 < n && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
                        word.append(line.charAt(j + 1));
                        j += 2;
                        continue;
                    }
                    if (d == '$' || d == '`') {
                        dynamic = true;
                    }
                    word.append(d);
                    j++;
                }
                dynamic |= hasInterpolation(line.substring(i + 1, Math.min(j, n)));
                inWord = true;
                i = j + 1;
                continue;
            }
            if (c == '\\') {
                if (i + 1 < n) {
                    word.append(line.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    dropNextWord = endWord(current, word, dynamic, dropNextWord);
                    inWord = false;
                    dynamic = false;
                }
                i++;
                continue;
            }
            if (c == '#' && !inWord) {
                break; // a comment runs to the end of the line
            }
            if (c == '>' || c == '<' || (c == '&' && i + 1 < n && line.charAt(i + 1) == '>')) {
                if (inWord && word.toString().matches("\\d+")) {
                    word.setLength(0); // a file descriptor number: part of the redirection
                    inWord = false;
                    dynamic = false;
                } else if (inWord) {
                    dropNextWord = endWord(current, word, dynamic, dropNextWord);
                    inWord = false;
                    dynamic = false;
                }
                i++;
                while (i < n && (line.charAt(i) == '>' || line.charAt(i) == '<')) {
                    i++;
                }
                if (i < n && line.charAt(i) == '&') {
                    i++;
                    while (i < n && (Character.isDigit(line.charAt(i)) || line.charAt(i) == '-')) {
                        i++;
                    }
                } else {
                    dropNextWord = true;
                }
                continue;
            }
            if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '\n') {
                if (inWord) {
                    dropNextWord = endWord(current, word, dynamic, dropNextWord);
                    inWord = false;
                    dynamic = false;
                }
                if (!current.isEmpty()) {
                    commands.add(List.copyOf(current));
                    current.clear();
                }
                i++;
                continue;
            }
            if (c == '$' || c == '`') {
                dynamic = true;
            }
            if (c == '{' && line.indexOf('}', i + 1) > i + 1) {
                dynamic = true; // IPython interpolates {expr} before the shell sees the line
            }
            word.append(c);
            inWord = true;
            i++;
        }
        if (inWord) {
            endWord(current, word, dynamic, dropNextWord);
        }
        if (!current.isEmpty()) {
            commands.add(List.copyOf(current));
        }
        return commands;
    }

    /** Adds the finished word (unless it is a redirection target); returns the new drop flag. */
    private static boolean endWord(List<Word> current, StringBuilder word, boolean dynamic, boolean drop) {
        if (!drop) {
            current.add(new Word(word.toString(), dynamic));
        }
        word.setLength(0);
        return false;
    }

    private static boolean hasInterpolation(String text) {
        int open = text.indexOf('{');
        return open >= 0 && text.indexOf('}', open + 1) > open + 1 || text.contains("$");
    }

    /**
     * The command without leading variable assignments and wrappers ({@code sudo -H},
     * {@code env}, {@code time}): what is left starts with the program that really runs.
     */
    static List<Word> program(List<Word> command) {
        int i = 0;
        while (i < command.size()) {
            Word w = command.get(i);
            if (!w.dynamic() && w.text().matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                i++;
            } else if (!w.dynamic() && WRAPPERS.contains(w.text())) {
                i++;
                while (i < command.size() && command.get(i).text().startsWith("-")) {
                    i++;
                }
            } else {
                break;
            }
        }
        return command.subList(i, command.size());
    }

    /** The last path component of a word naming a directory ({@code repo} for {@code /content/repo/}). */
    static String lastComponent(String path) {
        String p = path;
        while (p.length() > 1 && (p.endsWith("/") || p.endsWith("\\"))) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
