package dev.lockstep.analyzer.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.python.PythonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeAnalyzerTest {

    private CellSemantics analyze(String code) {
        var parsed = new PythonParser().parse(code);
        assertThat(parsed.problems()).as("parses").isEmpty();
        return new ScopeAnalyzer().analyze(parsed.root());
    }

    private static List<String> bound(CellSemantics s) {
        return s.bindings().stream().map(Binding::name).toList();
    }

    private static List<String> read(CellSemantics s) {
        return s.reads().stream().map(NameRead::name).toList();
    }

    @Test
    void functionBodiesReadWhereCalledAndBindLocally() {
        CellSemantics s = analyze("""
                def train(model, lr=default_lr):
                    opt = make_opt(model, lr)
                    return opt.step(loss_fn)
                """);
        assertThat(bound(s)).containsExactly("train");
        assertThat(read(s)).containsExactly("default_lr"); // defaults run at definition time
        FunctionSummary train = s.functions().get("train");
        assertThat(train.freeReads()).containsExactly("loss_fn", "make_opt");
    }

    @Test
    void globalAndNonlocalRedirectBindings() {
        CellSemantics s = analyze("""
                counter = 0
                def bump():
                    global counter, seen
                    counter += 1
                    seen = True
                    def inner():
                        nonlocal_thing = 1
                    return inner
                """);
        assertThat(bound(s)).containsExactly("counter", "bump");
        FunctionSummary bump = s.functions().get("bump");
        assertThat(bump.globalWrites()).containsExactly("counter", "seen");
        assertThat(bump.freeReads()).containsExactly("counter");
    }

    @Test
    void comprehensionsHaveTheirOwnScopeButWalrusLeaks() {
        CellSemantics s = analyze("values = [y for x in data if (y := f(x))]\nprint(x)");
        assertThat(bound(s)).containsExactly("y", "values");
        // y in the body is the module-level y the walrus binds; x stays inside the comprehension.
        assertThat(read(s)).containsExactly("data", "f", "y", "print", "x");
    }

    @Test
    void classBodiesRunNowButAreInvisibleToMethods() {
        CellSemantics s = analyze("""
                class Net(Base):
                    size = width * 2
                    doubled = size + 1
                    def forward(self, x):
                        return size + x
                """);
        assertThat(bound(s)).containsExactly("Net");
        assertThat(read(s)).containsExactly("Base", "width");
        FunctionSummary net = s.functions().get("Net");
        assertThat(net.isClass()).isTrue();
        assertThat(net.freeReads()).containsExactly("size"); // the method cannot see the class's size
    }

    @Test
    void targetsOfEveryKindBind() {
        CellSemantics s = analyze("""
                import numpy as np, os.path
                from torch import nn as n
                for i, (a, *b) in pairs: pass
                with open(p) as fh, ctx() as (u, v): pass
                try:
                    pass
                except ValueError as err:
                    pass
                match point:
                    case Point(x=0, y=yy) | [yy, *rest]:
                        pass
                    case Color.RED as c:
                        pass
                total += 1
                del gone
                lam = lambda q: q + r
                """);
        assertThat(bound(s)).containsExactly("np", "os", "n", "i", "a", "b", "fh", "u", "v", "err", "yy", "yy",
                "rest", "c", "total", "lam");
        assertThat(read(s)).containsExactly("pairs", "open", "p", "ctx", "ValueError", "point", "Point", "Color",
                "total", "gone");
        assertThat(s.functions().get("lam").freeReads()).containsExactly("r");
    }

    @Test
    void importsMapLocalNamesToQualifiedNames() {
        CellSemantics s = analyze("import numpy as np\nimport os.path\nfrom torch.utils.data import DataLoader as DL\nfrom . import local");
        assertThat(s.imports()).extracting(ImportBinding::localName, ImportBinding::qualifiedName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("np", "numpy"),
                        org.assertj.core.groups.Tuple.tuple("os", "os"),
                        org.assertj.core.groups.Tuple.tuple("DL", "torch.utils.data.DataLoader"),
                        org.assertj.core.groups.Tuple.tuple("local", ".local"));
    }

    @Test
    void dynamicNamespaceIsNoticed() {
        assertThat(analyze("from fastai.vision.all import *").dynamicNamespace()).isTrue();
        assertThat(analyze("exec(code)").dynamicNamespace()).isTrue();
        assertThat(analyze("globals()[name] = 1").dynamicNamespace()).isTrue();
        CellSemantics literal = analyze("globals()['alpha'] = 1");
        assertThat(literal.dynamicNamespace()).isFalse();
        assertThat(bound(literal)).containsExactly("alpha");
    }

    @Test
    void nameErrorGuardsAreMarked() {
        CellSemantics s = analyze("try:\n    cache\nexcept NameError:\n    cache = {}");
        assertThat(s.reads()).filteredOn(r -> r.name().equals("cache")).singleElement()
                .satisfies(r -> assertThat(r.guarded()).isTrue());
        assertThat(s.reads()).filteredOn(r -> r.name().equals("NameError")).singleElement()
                .satisfies(r -> assertThat(r.guarded()).isFalse());
    }
}
