package dev.lockstep.analyzer.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.facts.values.Contextual;
import dev.lockstep.analyzer.facts.values.Value;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one value evaluator: literals, names, strings, paths, and values inside the notebook's functions. */
class ValuesTest {

    /** The value of {@code v = ...} in the notebook's last cell. */
    private static Value v(String... cells) {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze(cells);
        AnalyzedCell last = nb.cell(nb.cells().size() - 1);
        SyntaxNode right = last.root().find(n -> n.is("assignment") && n.child("left").text().equals("v")).get(0).child("right");
        return nb.facts().values().of(last, right);
    }

    private static Object java(String... cells) {
        return v(cells).toJava();
    }

    @Test
    void everyLiteralForm() {
        assertThat(java("v = ~5")).isEqualTo(-6L);
        assertThat(java("v = -3")).isEqualTo(-3L);
        assertThat(java("v = +7")).isEqualTo(7L);
        assertThat(java("v = 1_000")).isEqualTo(1000L);
        assertThat(java("v = 0x1F")).isEqualTo(31L);
        assertThat(java("v = 0o17")).isEqualTo(15L);
        assertThat(java("v = 0b101")).isEqualTo(5L);
        assertThat(java("v = 1e-3")).isEqualTo(0.001);
        assertThat(java("v = -2.5")).isEqualTo(-2.5);
        assertThat(java("v = True")).isEqualTo(true);
        assertThat(java("v = not True")).isEqualTo(false);
        assertThat(java("v = 'a' 'b'")).isEqualTo("ab");
        assertThat(java("v = r'C:\\\\x'")).isEqualTo("C:\\\\x");
        assertThat(v("v = b'ab'")).isEqualTo(new Value.Bytes("ab"));
        Value.Sequence tuple = (Value.Sequence) v("v = (1, 'x')");
        assertThat(tuple.list()).isFalse();
        assertThat(tuple.items()).extracting(Value::toJava).containsExactly(1L, "x");
        assertThat(v("v = 2j")).isEqualTo(Value.UNKNOWN);
        assertThat(java("v = 2 ** 10")).isEqualTo(1024L);
        assertThat(java("v = 7 // -2")).isEqualTo(-4L);
        assertThat(java("v = -7 % 3")).isEqualTo(2L);
        assertThat(java("v = 10 / 4")).isEqualTo(2.5);
    }

    @Test
    void namesFollowTheirReachingDefinition() {
        assertThat(java("A = 1", "A = 2\nB = A", "v = B")).isEqualTo(2L);
        assertThat(java("LR = 1e-3", "v = LR * 10")).isEqualTo(0.01);
        assertThat(v("for A in range(3): pass", "v = A")).isEqualTo(Value.UNKNOWN);
        assertThat(v("A = 1\nA += 1", "v = A")).isEqualTo(Value.UNKNOWN);
    }

    @Test
    void stringsAreBuilt() {
        assertThat(java("NAME = 'run'\nN = 3", "v = f'{NAME}-{N:03d}.txt'")).isEqualTo("run-003.txt");
        assertThat(java("v = 'a' + 'b'")).isEqualTo("ab");
        assertThat(java("v = 'model_%s_%d.pt' % ('x', 4)")).isEqualTo("model_x_4.pt");
        assertThat(java("v = '{}/{name}.csv'.format('out', name='m')")).isEqualTo("out/m.csv");
        assertThat(java("v = '-'.join(['a', 'b'])")).isEqualTo("a-b");
        assertThat(java("LR = 0.1", "v = f'lr{LR}'")).isEqualTo("lr0.1");
    }

    @Test
    void unknownTailsKeepTheirKnownPrefix() {
        Value value = v("import os\nOUT = '/home/me/out'", "v = os.path.join(OUT, input())");
        assertThat(value).isInstanceOf(Value.Str.class);
        assertThat(((Value.Str) value).complete()).isFalse();
        assertThat(((Value.Str) value).text()).isEqualTo("/home/me/out/");
        assertThat(((Value.Str) v("v = 'data/' + input()")).text()).isEqualTo("data/");
    }

    @Test
    void osPathAndPathlib() {
        assertThat(v("import os\nOUT = '/home/me/out'", "v = os.path.join(OUT, 'adapter.pt')").string())
                .isEqualTo("/home/me/out/adapter.pt");
        assertThat(v("import os", "v = os.path.join('a', '/abs', 'b')").string()).isEqualTo("/abs/b");
        assertThat(v("import os", "v = os.path.expanduser('~/data')").string()).isEqualTo("~/data");
        assertThat(v("import os", "v = os.path.abspath('data/x.csv')").string()).isEqualTo("data/x.csv");
        assertThat(v("from pathlib import Path\nDIR = Path('out/')", "v = DIR / 'model.pth'").string()).isEqualTo("out/model.pth");
        assertThat(v("from pathlib import Path", "v = Path('out').joinpath('a', 'b.txt')").string()).isEqualTo("out/a/b.txt");
        assertThat(v("from pathlib import Path", "v = Path('out/model.pt').with_suffix('.bin')").string()).isEqualTo("out/model.bin");
        assertThat(v("from pathlib import Path", "v = str(Path.home() / 'data')").string()).isEqualTo("~/data");
        assertThat(v("from pathlib import Path", "v = Path('./a//b/')").string()).isEqualTo("a/b");
        assertThat(((Value.Str) v("from pathlib import Path", "v = Path('out') / 'x'")).path()).isTrue();
        assertThat(((Value.Str) v("from pathlib import Path", "v = str(Path('out') / 'x')")).path()).isFalse();
    }

    @Test
    void aValueRemembersTheLiteralItStartsWith() {
        Value value = v("import os\nOUT = '/home/me/out'", "v = os.path.join(OUT, 'adapter.pt')");
        Value.Str s = (Value.Str) value;
        assertThat(s.root()).isNotNull();
        assertThat(s.root().text()).isEqualTo("/home/me/out");
        assertThat(s.suffixAfterRoot()).isEqualTo("/adapter.pt");
    }

    @Test
    void aHelperFunctionGivesOneValuePerCallSite() {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze(
                "from pathlib import Path\nimport matplotlib.pyplot as plt\nDIR = Path('figures')",
                "def save_fig(name, ext='png'):\n    path = DIR / f'{name}.{ext}'\n    plt.savefig(path)",
                "save_fig('loss')\nsave_fig('accuracy', ext='svg')");
        AnalyzedCell helper = nb.cell(1);
        SyntaxNode argument = helper.root().find(n -> n.is("call") && n.text().startsWith("plt.savefig")).get(0)
                .child("arguments").namedChildren().get(0);
        List<Contextual> values = nb.facts().values().inContexts(helper, argument);
        assertThat(values).extracting(c -> c.value().string()).containsExactly("figures/loss.png", "figures/accuracy.svg");
        assertThat(values).allSatisfy(c -> assertThat(c.via()).isNotNull());
    }

    @Test
    void pythonFloatRepr() {
        assertThat(Value.floatRepr(0.001)).isEqualTo("0.001");
        assertThat(Value.floatRepr(1e-5)).isEqualTo("1e-05");
        assertThat(Value.floatRepr(3.0)).isEqualTo("3.0");
        assertThat(Value.floatRepr(1e16)).isEqualTo("1e+16");
        assertThat(Value.floatRepr(-2.5e-7)).isEqualTo("-2.5e-07");
    }
}
