package dev.lockstep.packaging.lock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes {@code revision="<commit>"} into the Hub load calls of a job's Python source.
 *
 * <p>A small Python tokenizer (strings with prefixes and triple quotes, comments, brackets) finds
 * each call of a Hub loader ({@code from_pretrained}, {@code load_dataset}, {@code hf_hub_download},
 * {@code snapshot_download}, {@code pipeline}, {@code SentenceTransformer}, {@code CrossEncoder})
 * whose repository argument is a plain string literal equal to a resolved id: the first
 * positional argument, or a keyword such as {@code repo_id=}, {@code pretrained_model_name_or_path=},
 * {@code path=}, {@code model=}.
 * The edit is minimal and local to that call's argument list: a literal {@code revision=} that is
 * not a full commit is replaced, a missing one is appended before the closing parenthesis; a call
 * already at the commit is left byte for byte. A {@code revision=} given by an expression is not
 * guessed at and is reported. Packaging does not depend on the analyzer, so its tree-sitter
 * parser is not at hand here; what this tokenizer cannot read (an id in a variable or f-string)
 * is reported as unpinned rather than edited.
 */
final class RevisionPinner {

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
  private static final Set<String> ID_KEYWORDS = Set.of("repo_id", "pretrained_model_name_or_path", "path", "model",
      "model_id", "model_name_or_path", "model_name", "identifier");
  /** The loaders the analyzer's Hub-load fact knows (dev.lockstep.analyzer.facts.hub.HubLoads), by the called name. */
  private static final Set<String> LOADERS = Set.of("from_pretrained", "load_dataset", "hf_hub_download",
      "snapshot_download", "pipeline", "SentenceTransformer", "CrossEncoder");

  /**
   * @param named ids some loader call names as a literal (edited, already at the commit, or reported)
   * @param problems one line each: calls this cannot pin without guessing
   */
  record Outcome(String source, Set<String> named, List<String> problems) {}

  private enum Kind { NAME, STRING, OP, OTHER }

  private record Token(Kind kind, int start, int end, String text, String value) {}

  private record Edit(int start, int end, String replacement) {}

  private RevisionPinner() {}

  static Outcome pin(String source, Map<String, String> commits, String fileName) {
    List<Token> tokens = tokenize(source);
    int[] match = matchBrackets(tokens);
    List<Edit> edits = new ArrayList<>();
    java.util.TreeSet<String> named = new java.util.TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.kind() != Kind.STRING || token.value() == null || !commits.containsKey(token.value())) {
        continue;
      }
      int open = argumentOfCall(tokens, i);
      if (open < 0 || match[open] < 0) {
        continue;
      }
      String id = token.value();
      String commit = commits.get(id);
      named.add(id);
      int close = match[open];
      int revision = keywordValue(tokens, match, open, close, "revision");
      if (revision >= 0) {
        Token value = tokens.get(revision);
        boolean literal = value.kind() == Kind.STRING && value.value() != null && isWholeArgument(tokens, revision);
        if (!literal) {
          problems.add(fileName + ": the load of '" + id + "' passes revision= as an expression; pin it to " + commit + " by hand");
          continue;
        }
        if (COMMIT.matcher(value.value()).matches()) {
          if (!value.value().equals(commit)) {
            problems.add(fileName + ": the load of '" + id + "' is pinned to " + value.value() + ", not the resolved " + commit);
            continue;
          }
        } else {
          edits.add(new Edit(value.start(), value.end(), "\"" + commit + "\""));
        }
      } else {
        edits.add(insertion(source, tokens, open, close, commit));
      }
    }
    edits.sort(Comparator.comparingInt(Edit::start).reversed());
    StringBuilder out = new StringBuilder(source);
    for (Edit edit : edits) {
      out.replace(edit.start(), edit.end(), edit.replacement());
    }
    return new Outcome(out.toString(), named, problems);
  }

  /** The index of the call's '(' when the string at {@code at} is its repository argument, else -1. */
  private static int argumentOfCall(List<Token> tokens, int at) {
    if (!isWholeArgument(tokens, at) || at < 1) {
      return -1;
    }
    Token before = tokens.get(at - 1);
    int open;
    if (before.text().equals("(")) {
      open = at - 1;
    } else if (before.text().equals("=") && at >= 3 && tokens.get(at - 2).kind() == Kind.NAME
        && ID_KEYWORDS.contains(tokens.get(at - 2).text())
        && (tokens.get(at - 3).text().equals("(") || tokens.get(at - 3).text().equals(","))) {
      open = enclosingOpen(tokens, at - 2);
    } else {
      return -1;
    }
    if (open < 1 || !tokens.get(open).text().equals("(")) {
      return -1;
    }
    Token callee = tokens.get(open - 1);
    return callee.kind() == Kind.NAME && LOADERS.contains(callee.text()) ? open : -1;
  }

  private static boolean isWholeArgument(List<Token> tokens, int at) {
    if (at + 1 >= tokens.size()) {
      return false;
    }
    String next = tokens.get(at + 1).text();
    return next.equals(",") || next.equals(")");
  }

  private static int enclosingOpen(List<Token> tokens, int at) {
    int depth = 0;
    for (int i = at - 1; i >= 0; i--) {
      String text = tokens.get(i).kind() == Kind.OP ? tokens.get(i).text() : "";
      if (text.equals(")") || text.equals("]") || text.equals("}")) {
        depth++;
      } else if (text.equals("(") || text.equals("[") || text.equals("{")) {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  /** The value token of {@code name=} directly inside the call's parentheses, else -1. */
  private static int keywordValue(List<Token> tokens, int[] match, int open, int close, String name) {
    for (int i = open + 1; i < close; i++) {
      Token token = tokens.get(i);
      if (match[i] > i && token.kind() == Kind.OP) {
        i = match[i]; // skip nested brackets
        continue;
      }
      if (token.kind() == Kind.NAME && token.text().equals(name) && i + 2 < close
          && tokens.get(i + 1).text().equals("=")
          && (tokens.get(i - 1).text().equals("(") || tokens.get(i - 1).text().equals(","))) {
        return i + 2;
      }
    }
    return -1;
  }

  /** {@code , revision="C"} after the last argument, keeping a trailing comma and the layout before ')'. */
  private static Edit insertion(String source, List<Token> tokens, int open, int close, String commit) {
    Token last = tokens.get(close - 1);
    String argument = "revision=\"" + commit + "\"";
    if (last.text().equals(",")) {
      // multi-line call with a trailing comma: a new line indented like the first argument
      String lineBreak = source.substring(last.end(), tokens.get(close).start());
      if (lineBreak.contains("\n") && close - 1 > open + 1) {
        Token first = tokens.get(open + 1);
        int lineStart = source.lastIndexOf('\n', first.start()) + 1;
        String indent = source.substring(lineStart, first.start());
        if (indent.isBlank()) {
          return new Edit(last.end(), last.end(), "\n" + indent + argument + ",");
        }
      }
      return new Edit(last.end(), last.end(), " " + argument + ",");
    }
    return new Edit(last.end(), last.end(), ", " + argument);
  }

  /** For each token, the index of its matching bracket (-1 when none or not a bracket). */
  private static int[] matchBrackets(List<Token> tokens) {
    int[] match = new int[tokens.size()];
    java.util.Arrays.fill(match, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      String text = tokens.get(i).kind() == Kind.OP ? tokens.get(i).text() : "";
      if (text.equals("(") || text.equals("[") || text.equals("{")) {
        stack.push(i);
      } else if ((text.equals(")") || text.equals("]") || text.equals("}")) && !stack.isEmpty()) {
        int open = stack.pop();
        match[open] = i;
        match[i] = open;
      }
    }
    return match;
  }

  private static List<Token> tokenize(String s) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '#') {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else if (Character.isWhitespace(c) || c == '\\') {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        String word = s.substring(start, i);
        if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'') && word.length() <= 2
            && word.toLowerCase().matches("[rbuf]+")) {
          i = string(s, start, i, word.toLowerCase(), tokens);
        } else {
          tokens.add(new Token(Kind.NAME, start, i, word, null));
        }
      } else if (c == '"' || c == '\'') {
        i = string(s, i, i, "", tokens);
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Kind.OTHER, start, i, s.substring(start, i), null));
      } else {
        // '==' and friends are one token so that a keyword's '=' is never confused with them
        int end = i + 1;
        if (end < n && s.charAt(end) == '=' && "=!<>+-*/%&|^:".indexOf(c) >= 0) {
          end++;
        }
        tokens.add(new Token(Kind.OP, i, end, s.substring(i, end), null));
        i = end;
      }
    }
    return tokens;
  }

  /** Adds one string token starting at {@code start} (prefix included); returns the index after it. */
  private static int string(String s, int start, int quoteAt, String prefix, List<Token> tokens) {
    char quote = s.charAt(quoteAt);
    boolean triple = s.startsWith(String.valueOf(quote).repeat(3), quoteAt);
    String delimiter = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
    int i = quoteAt + delimiter.length();
    int n = s.length();
    boolean escaped = false;
    while (i < n && !s.startsWith(delimiter, i)) {
      if (s.charAt(i) == '\\') {
        escaped = true;
        i++;
      } else if (!triple && s.charAt(i) == '\n') {
        break;
      }
      i++;
    }
    int bodyEnd = Math.min(i, n);
    int end = Math.min(n, i + delimiter.length());
    // Only plain literals have a value we trust: no escapes, no f-string, no bytes.
    String value = escaped || prefix.contains("f") || prefix.contains("b") || i >= n ? null
        : s.substring(quoteAt + delimiter.length(), bodyEnd);
    tokens.add(new Token(Kind.STRING, start, end, s.substring(start, end), value));
    return end;
  }
}
