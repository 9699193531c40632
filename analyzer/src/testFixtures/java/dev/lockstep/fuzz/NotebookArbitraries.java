package dev.lockstep.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of notebook files and cell sources for the property tests of every module
 * (analyzer, extractor, cli share this directory as a test source folder).
 *
 * <p>They aim at what breaks readers and parsers: arbitrary JSON shapes, random bytes,
 * truncated and mutated files, deep nesting, huge strings, odd Unicode (astral characters,
 * lone surrogates, NUL, BOM, right-to-left marks, CR and U+2028 line ends), every IPython
 * form, and Python that does not parse. Notebooks are written as JSON by hand, so that lone
 * surrogates can be written as {@code \ud800} escapes, as real files hold them.
 */
public final class NotebookArbitraries {
    private NotebookArbitraries() {
    }

    private static final List<String> PYTHON = List.of(
            "import torch\nimport numpy as np\nimport pandas as pd",
            "from sklearn.model_selection import train_test_split\nX_train, X_test = train_test_split(X, test_size=0.2)",
            "df = pd.read_csv(\"/home/ana/data/train.csv\")\ndf.head()",
            "model = AutoModel.from_pretrained(\"bert-base-uncased\")",
            "for epoch in range(3):\n    for xb, yb in loader:\n        loss = model(xb).sum()\n        loss.backward()\n"
                    + "        optimizer.step()\n    print(f\"epoch {epoch}: {loss.item():.3f}\")",
            "torch.manual_seed(0)\nnp.random.seed(0)\nx = torch.randn(3, 3).cuda()",
            "def f(a, *args, b=1, **kw):\n    global g\n    g = a\n    return [i for i in range(a) if i % 2]",
            "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.l = nn.Linear(4, 2)\n\n"
                    + "    def forward(self, x):\n        return self.l(x)",
            "with open(\"out/metrics.json\", \"w\") as fh:\n    json.dump({\"acc\": 0.9}, fh)",
            "lr = 3e-4\nbatch_size = 32\nepochs = 10",
            "token = \"hf_FakeTokenForLockstepExamplesOnlyQz\"",
            "async def fetch(s, url):\n    async with s.get(url) as r:\n        return await r.json()",
            "x = lambda *a, **k: (yield from a)\nmatch x:\n    case [1, *rest]:\n        pass\n    case _:\n        pass",
            "try:\n    import cupy\nexcept ImportError:\n    cupy = None\nfinally:\n    pass",
            "s = '''multi\nline''' + r\"raw\\n\" + b'bytes'.decode() + f'{x!r:>{width}}'",
            "exec(\"a = 1\")\nglobals()[\"b\"] = 2\nfrom os import *",
            "os.environ[\"CUDA_VISIBLE_DEVICES\"] = \"0\"\ntorch.backends.cudnn.benchmark = True",
            "subprocess.run([\"git\", \"clone\", \"https://github.com/a/b\"])\nurllib.request.urlretrieve(u, \"w.bin\")",
            "random.shuffle(items)\nuuid.uuid4()\ntime.time()\nset([3, 1, 2]).pop()");

    private static final List<String> IPYTHON = List.of(
            "%matplotlib inline", "%load_ext autoreload\n%autoreload 2", "!pip install torch pandas==2.0.3",
            "%pip install -U transformers", "!ls -la | grep csv", "files = !ls *.csv", "x = %env HOME",
            "%env CUDA_VISIBLE_DEVICES=0", "%cd /tmp", "%%time\nx = 1", "%%bash\necho hi\nls", "%%writefile a.py\nprint(1)",
            "%%capture out\n!wget -q http://example.org/a.bin", "np.random.seed?", "np.random.seed??", "?np", "??np",
            "%timeit -n 3 sum(range(10))", "%run helper.py", "%store -r model", "%store x", "%who", "%pylab inline",
            "%config InlineBackend.figure_format = 'retina'", "!git clone https://github.com/a/b.git\n%cd b",
            "%%html\n<b>x</b>", "%%javascript\nconsole.log(1)", "% not a magic", "!", "%", "%%", "?", "!!ls",
            "%sx ls", "%system ls", "%%sh\nset -e", "x = !echo \\\ncontinued", "  %time  y = 2", "%%script python3\nprint(1)",
            "%%time\n%%capture\nx=1", "get_ipython().run_line_magic('time', 'x=1')", "%reset -f", "%%prun\nf()");

    private static final List<String> BROKEN = List.of(
            "for i in range(10)\n    print(i)", "x = (1, 2,\ny = 3", "print 'python 2'", "exec 'code'", "def f(:\n    pass",
            "if x:\nprint(x)", "x = [1, 2", "'unterminated", "\"\"\"never closed", "return 1", "a = = 2", "def\n", "lambda:",
            "class", "@", "else:", "  indented = 1", "\tmixed\n        tabs = 1", "x = 1 +", "f(**)", "import", "from . import",
            "0x", "1__0", "async", "await x", "yield", "x: int = ", "del", "))))", "((((", "[[[[", "{{{{", "\\",
            "x = 1 \\\n", "#", "# -*- coding: latin-1 -*-\nx = 'é'", "nonlocal x", "global");

    private static final List<String> ODD_TEXT = List.of(
            "\uD83D\uDE00 emoji", "\uD800 lone high", "\uDC00 lone low", "x\u0000y", "\uFEFFbom", "rtl \u202Eevil\u202C",
            "line\rsep", "a\u2028b\u2029c", "\r\n", "é\u0301 combining", "\u00A0nbsp", "\t\u000B\u000C", "東京 = 1",
            "π = 3.14", "ǅ = 1", "\uD835\uDC9C = 1", "x = '\\x00'", "\u0085next line", "\u001B[31mred\u001B[0m", "\uFFFF",
            "\uFFFE");

    /** Cell source text of every kind: Python, IPython forms, broken code, odd Unicode, huge and deep. */
    public static Arbitrary<String> cellSource() {
        Arbitrary<String> fragment = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(60, Arbitraries.of(PYTHON)),
                net.jqwik.api.Tuple.of(50, Arbitraries.of(IPYTHON)),
                net.jqwik.api.Tuple.of(30, Arbitraries.of(BROKEN)),
                net.jqwik.api.Tuple.of(20, Arbitraries.of(ODD_TEXT)),
                net.jqwik.api.Tuple.of(30, Arbitraries.strings().all().ofMaxLength(60)),
                net.jqwik.api.Tuple.of(20, Arbitraries.strings().withChars("()[]{}:=,.'\"\\#%!?@*+-\n \tabcxyz019")
                        .ofMaxLength(80)),
                // rare, as in real notebooks, and slow: a few per hundred notebooks
                net.jqwik.api.Tuple.of(3, nesting()),
                net.jqwik.api.Tuple.of(1, hugeLine()));
        return fragment.list().ofMinSize(0).ofMaxSize(6)
                .flatMap(parts -> Arbitraries.of("\n", "\r\n", "\n\n", "\r").map(sep -> String.join(sep, parts)));
    }

    /** Deeply nested brackets, calls, indentation or strings. */
    static Arbitrary<String> nesting() {
        return Combinators.combine(Arbitraries.integers().between(50, 2000), Arbitraries.of(0, 1, 2, 3, 4))
                .as((depth, kind) -> switch (kind) {
                    case 0 -> "x = " + "(".repeat(depth) + "1" + ")".repeat(depth);
                    case 1 -> "x = " + "[".repeat(depth);
                    case 2 -> "y = " + "f(".repeat(depth) + ")".repeat(depth);
                    case 3 -> {
                        StringBuilder s = new StringBuilder();
                        for (int i = 0; i < Math.min(depth, 120); i++) {
                            s.append(" ".repeat(i)).append("if x:\n");
                        }
                        yield s.append(" ".repeat(Math.min(depth, 120))).append("pass").toString();
                    }
                    default -> "z = " + "-".repeat(depth) + "1 " + "+ 1".repeat(depth);
                });
    }

    /** One very long line: a string literal or comment of up to a megabyte, or a list of up to 30,000 items. */
    static Arbitrary<String> hugeLine() {
        return Combinators.combine(Arbitraries.integers().between(10_000, 1_000_000), Arbitraries.of(0, 1, 2))
                .as((n, kind) -> switch (kind) {
                    case 0 -> "s = \"" + "a".repeat(n) + "\"";
                    case 1 -> "# " + "\u00E9".repeat(n / 2);
                    default -> "x = [" + "1, ".repeat(n / 33) + "]"; // two nodes an item: keep the tree moderate
                });
    }

    /** A well-formed nbformat 4 notebook (as UTF-8 JSON) with arbitrary cells and outputs. */
    public static Arbitrary<byte[]> validNotebook() {
        return validNotebookJson().map(json -> json.getBytes(StandardCharsets.UTF_8));
    }

    /** A well-formed nbformat 4 notebook, as JSON text (may hold \\uXXXX escapes of lone surrogates). */
    public static Arbitrary<String> validNotebookJson() {
        Arbitrary<String> cell = Combinators.combine(Arbitraries.of("code", "code", "code", "markdown", "raw"), cellSource(),
                Arbitraries.integers().between(-1, 40), outputs(), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((type, source, count, outputs, asList, withTags) -> {
                    StringBuilder c = new StringBuilder("{\"cell_type\": ").append(quote(type, false));
                    c.append(", \"metadata\": ").append(withTags ? "{\"tags\": [\"parameters\", \"skip\"]}" : "{}");
                    c.append(", \"source\": ").append(asList ? lines(source) : quote(source, count % 2 == 0));
                    if (type.equals("code")) {
                        c.append(", \"execution_count\": ").append(count < 0 ? "null" : Integer.toString(count));
                        c.append(", \"outputs\": ").append(outputs);
                    }
                    return c.append('}').toString();
                });
        return Combinators.combine(cell.list().ofMaxSize(12), Arbitraries.of(0, 4, 5), Arbitraries.of("python3", "python", "ir", ""))
                .as((cells, minor, kernel) -> "{\"nbformat\": 4, \"nbformat_minor\": " + minor
                        + ", \"metadata\": {\"kernelspec\": {\"name\": " + quote(kernel, false) + ", \"language\": "
                        + quote(kernel.equals("ir") ? "R" : "python", false) + "}}, \"cells\": [" + String.join(", ", cells)
                        + "]}");
    }

    private static Arbitrary<String> outputs() {
        Arbitrary<String> output = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200)
                        .map(t -> "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": " + quote(t, true) + "}"),
                Arbitraries.strings().ofMaxLength(100)
                        .map(t -> "{\"output_type\": \"execute_result\", \"execution_count\": 1, \"metadata\": {}, "
                                + "\"data\": {\"text/plain\": " + lines(t) + ", \"text/html\": \"<b>x</b>\"}}"),
                Arbitraries.integers().between(0, 200_000)
                        .map(n -> "{\"output_type\": \"display_data\", \"metadata\": {}, \"data\": {\"image/png\": \""
                                + "iVBORw0KGgo".repeat(n / 11 + 1) + "\", \"text/plain\": [\"<Figure>\"]}}"),
                Arbitraries.strings().all().ofMaxLength(80)
                        .map(t -> "{\"output_type\": \"error\", \"ename\": \"KeyError\", \"evalue\": " + quote(t, false)
                                + ", \"traceback\": [\"\\u001b[0;31mKeyError\\u001b[0m\", " + quote(t, true) + "]}"));
        return output.list().ofMaxSize(3).map(list -> "[" + String.join(", ", list) + "]");
    }

    /** Anything a file can hold: notebooks good and bad, other JSON, random bytes, truncated or mutated files. */
    public static Arbitrary<byte[]> anyNotebookFile() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, validNotebook()),
                net.jqwik.api.Tuple.of(2, v3Notebook()),
                net.jqwik.api.Tuple.of(3, truncated()),
                net.jqwik.api.Tuple.of(3, mutated()),
                net.jqwik.api.Tuple.of(3, anyJson().map(s -> s.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(400)),
                net.jqwik.api.Tuple.of(1, deepJson()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(new byte[0], "{}".getBytes(StandardCharsets.UTF_8),
                        "{\"nbformat\": 4}".getBytes(StandardCharsets.UTF_8),
                        "{\"nbformat\": 4, \"cells\": []} trailing".getBytes(StandardCharsets.UTF_8),
                        "{\"nbformat\": 99999999999, \"cells\": []}".getBytes(StandardCharsets.UTF_8),
                        "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 5}]}".getBytes(StandardCharsets.UTF_8),
                        "{\"nbformat\": 4, \"cells\": [], \"cells\": []}".getBytes(StandardCharsets.UTF_8),
                        "\uFEFF{\"nbformat\": 4, \"cells\": []}".getBytes(StandardCharsets.UTF_8),
                        "{\"nbformat\": 4, \"cells\": []}".getBytes(StandardCharsets.UTF_16))));
    }

    static Arbitrary<byte[]> v3Notebook() {
        return cellSource().list().ofMaxSize(5).map(sources -> {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                cells.add(i % 3 == 2
                        ? "{\"cell_type\": \"heading\", \"level\": " + (i * 3 - 4) + ", \"source\": " + lines(sources.get(i)) + "}"
                        : "{\"cell_type\": \"code\", \"language\": \"python\", \"prompt_number\": " + i + ", \"input\": "
                                + lines(sources.get(i)) + ", \"outputs\": [{\"output_type\": \"pyout\", \"text\": [\"1\"], "
                                + "\"png\": \"iVBO\"}]}");
            }
            return ("{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {\"name\": \"\"}, \"worksheets\": [{\"cells\": ["
                    + String.join(", ", cells) + "]}]}").getBytes(StandardCharsets.UTF_8);
        });
    }

    static Arbitrary<byte[]> truncated() {
        return Combinators.combine(validNotebook(), Arbitraries.doubles().between(0, 1)).as((bytes, cut) -> {
            int n = (int) (bytes.length * cut);
            byte[] prefix = new byte[n];
            System.arraycopy(bytes, 0, prefix, 0, n);
            return prefix;
        });
    }

    static Arbitrary<byte[]> mutated() {
        return Combinators.combine(validNotebook(), Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(8),
                Arbitraries.bytes().list().ofSize(8)).as((bytes, positions, values) -> {
                    byte[] copy = bytes.clone();
                    for (int i = 0; i < positions.size() && copy.length > 0; i++) {
                        copy[positions.get(i) % copy.length] = values.get(i);
                    }
                    return copy;
                });
    }

    /** Arbitrary JSON (not necessarily a notebook), sometimes with notebook-ish keys. */
    static Arbitrary<String> anyJson() {
        return Arbitraries.recursive(NotebookArbitraries::jsonScalar, NotebookArbitraries::jsonContainer, 0, 5);
    }

    private static Arbitrary<String> jsonScalar() {
        return Arbitraries.oneOf(Arbitraries.of("null", "true", "false", "0", "-1", "4", "3", "1e999", "-0.0",
                        "12345678901234567890123"),
                Arbitraries.strings().all().ofMaxLength(30).map(s -> quote(s, true)));
    }

    private static Arbitrary<String> jsonContainer(Arbitrary<String> inner) {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("nbformat", "nbformat_minor", "cells", "worksheets", "metadata",
                "cell_type", "source", "outputs", "output_type", "data", "text", "execution_count", "id", "kernelspec",
                "language_info", "name", "language", "tags", "input", "prompt_number", "level", "traceback"),
                Arbitraries.strings().ofMaxLength(6));
        Arbitrary<String> object = Combinators.combine(key, inner).as((k, v) -> quote(k, false) + ": " + v).list().ofMaxSize(5)
                .map(entries -> "{" + String.join(", ", entries) + "}");
        Arbitrary<String> array = inner.list().ofMaxSize(5).map(items -> "[" + String.join(", ", items) + "]");
        return Arbitraries.oneOf(object, array);
    }

    /** Deeply nested JSON inside an otherwise plausible notebook. */
    static Arbitrary<byte[]> deepJson() {
        return Combinators.combine(Arbitraries.integers().between(100, 20_000), Arbitraries.of("[", "{\"a\": ")).as((depth, open) -> {
            String close = open.equals("[") ? "]" : "}";
            return ("{\"nbformat\": 4, \"metadata\": {\"x\": " + open.repeat(depth) + "1" + close.repeat(depth)
                    + "}, \"cells\": []}").getBytes(StandardCharsets.UTF_8);
        });
    }

    /** A JSON string literal; with {@code asciiOnly} every non-ASCII char is a \\u escape (lone surrogates survive). */
    public static String quote(String s, boolean asciiOnly) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (asciiOnly && c >= 0x7F) || Character.isSurrogate(c) && !asciiOnly && !pairedAt(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** nbformat's multiline string: a list of lines, each but the last keeping its newline. */
    private static String lines(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                parts.add(quote(text.substring(start, i + 1), (i & 1) == 0));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            parts.add(quote(text.substring(start), false));
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
