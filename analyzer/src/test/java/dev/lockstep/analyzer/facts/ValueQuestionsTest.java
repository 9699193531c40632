package dev.lockstep.analyzer.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.facts.values.Located;
import dev.lockstep.analyzer.facts.values.Value;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.python.SyntaxNode;
import org.junit.jupiter.api.Test;

/**
 * What rules ask of the one value evaluator: whether a keyword is True, False or None, a
 * number or a string (through constants and configuration objects), a string with its unknown
 * parts marked, whether an expression is a pathlib path, and which expression a name stands for.
 */
class ValueQuestionsTest {

    /** The right side of {@code v = ...} in the notebook's last cell, with its cell and notebook. */
    private record At(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode node) {
        Value value() {
            return notebook.facts().values().of(cell, node);
        }

        String template() {
            return notebook.facts().values().template(cell, node);
        }

        boolean isPath() {
            return notebook.facts().values().isPath(cell, node);
        }
    }

    private static At at(String... cells) {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze(cells);
        AnalyzedCell last = nb.cell(nb.cells().size() - 1);
        SyntaxNode right = last.root().find(n -> n.is("assignment") && n.child("left").text().equals("v")).get(0)
                .child("right");
        return new At(nb, last, right);
    }

    private static Value v(String... cells) {
        return at(cells).value();
    }

    @Test
    void trueAndFalseAreTheBooleansThemselvesThroughConstants() {
        assertThat(v("v = True").isTrue()).isTrue();
        assertThat(v("v = (True)").isTrue()).isTrue();
        assertThat(v("DETERMINISTIC = True", "v = DETERMINISTIC").isTrue()).isTrue();
        assertThat(v("v = not True").isFalse()).isTrue();
        assertThat(v("v = False").isTrue()).isFalse();
        // truthy is not True: shuffle=1 is no literal flag
        assertThat(v("v = 1").isTrue()).isFalse();
        assertThat(v("v = 0").isFalse()).isFalse();
        assertThat(v("v = flag").isTrue()).isFalse();
        assertThat(v("v = flag").isFalse()).isFalse();
    }

    @Test
    void aFlagFromAnArgparseDefaultIsKnown() {
        Value value = v("import argparse\np = argparse.ArgumentParser()\n"
                + "p.add_argument('--deterministic', default=True)\nargs = p.parse_args([])",
                "v = args.deterministic");
        assertThat(value.isTrue()).isTrue();
    }

    @Test
    void noneThroughConstants() {
        assertThat(v("v = None").isNone()).isTrue();
        assertThat(v("SEED = None", "v = SEED").isNone()).isTrue();
        assertThat(v("SEED = 0", "v = SEED").isNone()).isFalse();
        assertThat(v("v = seed").isNone()).isFalse();
    }

    @Test
    void numbersThroughConstantsAndArithmetic() {
        assertThat(v("SEED = 42", "v = SEED").number()).isEqualTo(42.0);
        assertThat(v("v = -0.5").number()).isEqualTo(-0.5);
        assertThat(v("WORKERS = 2", "v = WORKERS * 2").number()).isEqualTo(4.0);
        assertThat(v("v = 0x10").number()).isEqualTo(16.0);
        assertThat(v("v = True").number()).isNull();
        assertThat(v("v = '3'").number()).isNull();
        assertThat(v("v = n").number()).isNull();
    }

    @Test
    void plainStringsButNotPaths() {
        assertThat(v("POLICY = 'mixed_float16'", "v = POLICY").plainString()).isEqualTo("mixed_float16");
        assertThat(v("v = f'k-means{\"++\"}'").plainString()).isEqualTo("k-means++");
        assertThat(v("import pathlib\nv = pathlib.Path('x')").plainString()).isNull();
        assertThat(v("v = 'a' + name").plainString()).isNull();
        assertThat(v("v = b'x'").plainString()).isNull();
    }

    @Test
    void literalsAloneFollowNoNames() {
        SyntaxNode none = at("v = None").node();
        assertThat(Values.literal(none).isNone()).isTrue();
        SyntaxNode name = at("X = None", "v = X").node();
        assertThat(Values.literal(name)).isEqualTo(Value.UNKNOWN);
    }

    @Test
    void templatesMarkUnknownPartsAndKeepTheRest() {
        assertThat(at("v = f'https://host/{name}/v1.csv'").template()).isEqualTo("https://host/{...}/v1.csv");
        assertThat(at("V = 'v1'", "v = f'https://host/{V}/{name}'").template()).isEqualTo("https://host/v1/{...}");
        assertThat(at("v = 'wget ' + url").template()).isEqualTo("wget {...}");
        assertThat(at("URL = 'https://h/' + name + '.csv'", "v = URL").template()).isEqualTo("https://h/{...}.csv");
        assertThat(at("v = 'https://h/a.csv'").template()).isEqualTo("https://h/a.csv");
        assertThat(at("v = url + '.csv'").template()).isNull();
        assertThat(at("v = 3").template()).isNull();
        assertThat(at("v = b'https://h'").template()).isNull();
    }

    @Test
    void templatesFollowAFunctionLocalNameBoundOnce() {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze("def f(x):\n    u = 'https://h/' + x\n    return get(u)\n");
        AnalyzedCell cell = nb.cell(0);
        SyntaxNode use = cell.root().find(n -> n.is("identifier") && n.text().equals("u")
                && n.parent().is("argument_list")).get(0);
        assertThat(nb.facts().values().template(cell, use)).isEqualTo("https://h/{...}");
    }

    @Test
    void pathObjectsWhateverTheirText() {
        assertThat(at("import pathlib\nv = pathlib.Path(input())").isPath()).isTrue();
        assertThat(at("from pathlib import Path\nROOT = Path('data')", "v = (ROOT / 'x').parent").isPath()).isTrue();
        assertThat(at("from pathlib import Path\nROOT = Path('data')", "v = ROOT.parents[1]").isPath()).isTrue();
        assertThat(at("from pathlib import Path\nfor p in Path('d').glob('*'):\n    v = p").isPath()).isTrue();
        assertThat(at("from pathlib import Path\ndef f(root: Path):\n    v = root\n").isPath()).isTrue();
        assertThat(at("import os\nv = os.path.join('a', 'b')").isPath()).isFalse();
        assertThat(at("v = 'data'").isPath()).isFalse();
    }

    @Test
    void aNameStandsForItsReachingAssignment() {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze("m = A()", "m = B()\nx = m", "m = C()");
        AnalyzedCell cell = nb.cell(1);
        SyntaxNode use = cell.root().find(n -> n.is("identifier") && n.text().equals("m")
                && n.parent().child("right") == n).get(0);
        Located assigned = nb.facts().values().bindings().assigned(cell, use);
        assertThat(assigned.node().text()).isEqualTo("B()");
        assertThat(assigned.cell().index()).isEqualTo(1);
    }

    @Test
    void aNameReadBeforeAnyBindingStandsForTheFirstOne() {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze("x = m", "m = A()", "m = B()");
        AnalyzedCell cell = nb.cell(0);
        SyntaxNode use = cell.root().find(n -> n.is("identifier") && n.text().equals("m")).get(0);
        assertThat(nb.facts().values().bindings().assigned(cell, use).node().text()).isEqualTo("A()");
    }

    @Test
    void theCallThatMadeAnObjectLooksThroughSameObjectMethods() {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze("def train(device):\n    model = Net()\n"
                + "    model = model.to(device).train()\n    fit(model)\n");
        AnalyzedCell cell = nb.cell(0);
        SyntaxNode use = cell.root().find(n -> n.is("identifier") && n.text().equals("model")
                && n.parent().is("argument_list")).get(0);
        Located made = nb.facts().values().bindings().constructingCall(cell, use);
        assertThat(made.node().text()).isEqualTo("Net()");
        assertThat(nb.facts().values().bindings().constructingCall(cell, cell.root()
                .find(n -> n.is("identifier") && n.text().equals("device") && n.parent().is("argument_list")).get(0)))
                .isNull();
    }

    @Test
    void classDefinitionsByName() {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze("class Data:\n    pass\n", "Other = 1");
        assertThat(nb.facts().values().bindings().classDefinitions("Data")).singleElement()
                .extracting(l -> l.node().type()).isEqualTo("class_definition");
        assertThat(nb.facts().values().bindings().classDefinitions("Other")).isEmpty();
    }

    @Test
    void escapesAreDecodedByTheOneDecoder() {
        assertThat(v("v = 'a\\nb'").plainString()).isEqualTo("a\nb");
        assertThat(v("v = '\\x41'").plainString()).isEqualTo("A");
        assertThat(v("v = '\\u00e9'").plainString()).isEqualTo("\u00e9");
        assertThat(v("v = '\\N{LATIN SMALL LETTER E WITH ACUTE}'").plainString()).isEqualTo("\u00e9");
        assertThat(v("v = '\\101'").plainString()).isEqualTo("A");
        assertThat(v("v = r'a\\nb'").plainString()).isEqualTo("a\\nb");
        assertThat(v("v = f'{1}\\t'").plainString()).isEqualTo("1\t");
        // in bytes \\u is no escape: it stays as written
        assertThat(v("v = b'\\x41\\u00e9'")).isEqualTo(new Value.Bytes("A\\u00e9"));
    }
}
