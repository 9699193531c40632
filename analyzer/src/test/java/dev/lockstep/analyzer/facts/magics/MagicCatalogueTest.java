package dev.lockstep.analyzer.facts.magics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.ipython.IPythonTranslator;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.facts.magics.MagicCatalogue.Treatment;
import org.junit.jupiter.api.Test;

/** LS501, LS505 and LS506 agree on which rule speaks about a magic. */
class MagicCatalogueTest {

    private static Magic magic(String source) {
        return new IPythonTranslator().translate(source).magics().get(0);
    }

    private static Treatment treatment(String source) {
        return MagicCatalogue.treatment(magic(source));
    }

    @Test
    void translatedMagicsAreNotFindings() {
        for (String source : new String[] {"%matplotlib inline", "%time x = 1", "%%time\nx = 1", "%%capture out\nx = 1",
                "%env A=1", "%pip install x", "%load_ext tensorboard", "%run a.py", "%cd data", "%store -r x",
                "%pylab inline", "%%writefile a.py\nx = 1", "%%markdown\n# hi", "x?"}) {
            assertThat(treatment(source)).as(source).isEqualTo(Treatment.TRANSLATED);
        }
    }

    @Test
    void eachOtherMagicHasOneRule() {
        assertThat(treatment("!ls")).isEqualTo(Treatment.SHELL);
        assertThat(treatment("%mkdir out")).isEqualTo(Treatment.SHELL);
        assertThat(treatment("%%bash\nls")).isEqualTo(Treatment.SHELL);
        assertThat(treatment("%%script --out log bash\nls")).isEqualTo(Treatment.SHELL);
        assertThat(treatment("%%script perl\nprint 1")).isEqualTo(Treatment.NON_PYTHON);
        assertThat(treatment("%%R\nx <- 1")).isEqualTo(Treatment.NON_PYTHON);
        assertThat(treatment("%%sql\nSELECT 1")).isEqualTo(Treatment.NON_PYTHON);
        assertThat(treatment("%%manim Scene\nx = 1")).isEqualTo(Treatment.NON_PYTHON);
        assertThat(treatment("%R x <- 1")).isEqualTo(Treatment.NON_PYTHON);
        assertThat(treatment("%autoreload 2")).isEqualTo(Treatment.UNSUPPORTED);
        assertThat(treatment("%load_ext autoreload")).isEqualTo(Treatment.UNSUPPORTED);
        assertThat(treatment("%store x")).isEqualTo(Treatment.UNSUPPORTED);
        assertThat(treatment("%watermark -v")).isEqualTo(Treatment.UNSUPPORTED);
        assertThat(MagicCatalogue.language(magic("%%script perl\nprint 1"))).isEqualTo("perl");
        assertThat(MagicCatalogue.unsupportedReason(magic("%watermark"))).contains("not a magic extract knows");
    }
}
