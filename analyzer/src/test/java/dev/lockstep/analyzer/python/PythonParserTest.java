package dev.lockstep.analyzer.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser reports what CPython refuses, including the code tree-sitter-python accepts
 * without an ERROR node (found by the property tests: extraction wrote such cells into scripts
 * that did not run). Each refused case is also checked against CPython's own ast.parse where
 * Debian's Python is installed.
 */
class PythonParserTest {
    private static final PythonParser PARSER = new PythonParser();
    private static final Path CPYTHON = Path.of("/usr/bin/python3");

    @ParameterizedTest
    @ValueSource(strings = {
        "if x:\nprint(x)",             // expected an indented block
        "def f():\n",
        "for i in y:\n# c\nz = 1",
        "class A:\n  pass\n    x = 1",  // unexpected indent
        "x = 1\n  y = 2",
        "\\\n  indented = 1",          // a line of only a backslash continues nothing
        "  x = 1\n    y = 2",
        "async",                        // keywords as names
        "else:\nx = 1",
        "x =\n1",                        // a statement past the end of its line
        "x:\ny = 1",
        "import pandas as pd\n'(((('\t1",  // two statements on one line
        "x = 1 \\",                     // a line continuation into the end of the text
        "\uFFFF",                       // characters tree-sitter skips
        "x = 1 \uFEFF",
        "\uFEFFbom",
        "x = \u00A01",
        "import os\n0a\n",              // one token to CPython
        "09",
        "10L",
        "x = '\uD800'",                 // a lone surrogate
    })
    void reportsWhatCPythonRefuses(String source) throws Exception {
        assertThat(PARSER.parse(source).problems()).as("problems in %s", source).isNotEmpty();
        assertThat(cpythonParses(source)).as("CPython on %s", source).isNotEqualTo(Boolean.TRUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "if x: y = 1; z = 2",
        "x = (1 +\n 2)",
        "x = 1 + \\\n2",
        "if a:\n  b = 1 + \\\n    2\n  c = 3",
        "s = '''a\nb'''",
        "ss = \"\"\"\\\n    a,b\n    1,2\"\"\"\ndf = f(ss)", // a backslash-newline escape in a triple-quoted string
        "x = f'''{a}\n{b!r}\n'''\ny = 1",
        "x = \\\n\"a\"\\\n\n# c\ny = 1",   // a backslash before a blank line ends the statement there
        "x = 1\n\f\n# c\ny = 2\n\fz = 3", // form feeds (the stdlib's ^L section breaks) are white space
        "if x:\n    \f    y = 1",
        "x = 1  # c \\",
        "  indented = 1\n  b = 2",      // IPython dedents the cell
        "  x = 1\ny = 2",
        "  # c\nx = 1",
        "match point:\n    case Point(x=0) | [0, *rest]:\n        pass\n    case _:\n        pass",
        "0_0\n00\n0j\n09j\n0o17\n1.5e3\n1if x else 2",
        "δ = 1\nπ = 3.14",
        "f(print=1)\nmatch = 1\ntype = 2",
        "async def f():\n    await g()\n    async with a as b:\n        pass",
        "x = 'é' # ü \uD83D\uDE00",
    })
    void acceptsWhatCPythonAccepts(String source) throws Exception {
        List<SyntaxProblem> problems = PARSER.parse(source).problems();
        assertThat(problems).as("problems in %s", source).isEmpty();
        assertThat(cpythonParses(source)).as("CPython on %s", source).isNotEqualTo(Boolean.FALSE);
    }

    @Test
    void cpythonsNestingLimitsAreReported() throws Exception {
        String parens = "x = " + "(".repeat(201) + "1" + ")".repeat(201);
        StringBuilder indents = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            indents.append(" ".repeat(i)).append("if x:\n");
        }
        indents.append(" ".repeat(100)).append("pass\n");
        for (String source : List.of(parens, indents.toString())) {
            assertThat(PARSER.parse(source).problems()).hasSize(1);
            assertThat(cpythonParses(source)).isNotEqualTo(Boolean.TRUE);
        }
        String fine = "x = " + "(".repeat(200) + "1" + ")".repeat(200);
        assertThat(PARSER.parse(fine).problems()).isEmpty();
        assertThat(cpythonParses(fine)).isNotEqualTo(Boolean.FALSE);
    }

    @Test
    void loneSurrogatesAreReportedWhereTheyAre() {
        List<SyntaxProblem> problems = PARSER.parse("x = 1\ny = '\uDC00'").problems();
        assertThat(problems).extracting(SyntaxProblem::line, SyntaxProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 5));
    }

    /**
     * Precision on real code: CPython compiles its own standard library, so the checks for what
     * CPython refuses must find nothing in it (this caught a triple-quoted string with a
     * backslash-newline escape, a backslash before a blank line, and form feeds, all wrongly
     * reported). Runs where Debian's Python 3.11 is installed, as in CI.
     */
    @Test
    void theStandardLibraryHasNoProblems() throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (Path folder : List.of(Path.of("/usr/lib/python3.11"), Path.of("/usr/lib/python3.11/email"))) {
            if (Files.isDirectory(folder)) {
                try (var listing = Files.list(folder)) {
                    listing.filter(file -> file.toString().endsWith(".py")).sorted().forEach(files::add);
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(files.size() > 100, "Debian's Python 3.11 standard library is not installed");
        java.util.Map<String, List<SyntaxProblem>> wrong = new java.util.TreeMap<>();
        for (Path file : files) {
            List<SyntaxProblem> problems = PARSER.parse(Files.readString(file, StandardCharsets.UTF_8)).problems();
            if (!problems.isEmpty()) {
                wrong.put(file.toString(), problems);
            }
        }
        assertThat(wrong).as("problems reported in %d standard-library files", files.size()).isEmpty();
    }

    /** CPython's ast.parse verdict (null without Debian's Python), after IPython's own clean-up of a cell's indentation. */
    private static Boolean cpythonParses(String source) throws Exception {
        if (!Files.isExecutable(CPYTHON) || PythonParser.firstLoneSurrogate(source) >= 0) {
            return null;
        }
        Path file = Files.createTempFile("cell", ".py");
        try {
            Files.writeString(file, source, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(CPYTHON.toString(), "-I", "-W", "ignore", "-c",
                    String.join("\n",
                            "import ast, re, sys",
                            "lines = open(sys.argv[1], encoding='utf-8', newline='').read().splitlines(True)",
                            "while lines and not lines[0].strip():",  // IPython's leading_empty_lines
                            "    lines.pop(0)",
                            "space = re.match(r'[ \\t]*', lines[0]).group(0) if lines else ''",  // and leading_indent
                            "ast.parse(''.join(l[len(space):] if l.startswith(space) else l for l in lines))"),
                    file.toString()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return process.exitValue() == 0;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
