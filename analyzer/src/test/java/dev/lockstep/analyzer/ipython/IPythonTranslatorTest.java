package dev.lockstep.analyzer.ipython;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.python.PythonParser;
import org.junit.jupiter.api.Test;

class IPythonTranslatorTest {
    private final IPythonTranslator translator = new IPythonTranslator();

    private TranslatedSource translate(String source) {
        TranslatedSource t = translator.translate(source);
        assertThat(t.python().split("\n", -1)).as("line structure").hasSameSizeAs(source.split("\n", -1));
        assertThat(new PythonParser().parse(t.python()).problems()).as("translation parses: %s", t.python()).isEmpty();
        return t;
    }

    @Test
    void lineMagicsShellAndHelpBecomeCalls() {
        TranslatedSource t = translate("%matplotlib inline\n!pip install torch==1.13\nfiles = !ls -la\ndf.head?\n??np.load\n!!date");
        assertThat(t.python()).isEqualTo(String.join("\n",
                "get_ipython().run_line_magic('matplotlib', 'inline')",
                "get_ipython().system('pip install torch==1.13')",
                "files = get_ipython().getoutput('ls -la')",
                "get_ipython().run_line_magic('pinfo', 'df.head')",
                "get_ipython().run_line_magic('pinfo', 'np.load')",
                "get_ipython().getoutput('date')"));
        assertThat(t.magics()).extracting(Magic::kind).containsExactly(MagicKind.LINE_MAGIC, MagicKind.SHELL,
                MagicKind.SHELL, MagicKind.HELP, MagicKind.HELP, MagicKind.SHELL);
        Magic pip = t.magics().get(1);
        assertThat(pip.name()).isEqualTo("pip");
        assertThat(pip.arguments()).isEqualTo("install torch==1.13");
        assertThat(pip.isPipInstall()).isTrue();
        assertThat(pip.line()).isEqualTo(2);
        assertThat(pip.column()).isEqualTo(1);
        assertThat(t.magics().get(2).assignedTo()).isEqualTo("files");
        assertThat(t.magics().get(2).column()).isEqualTo(9);
    }

    @Test
    void aMagicFollowedByAQuestionMarkIsHelpNotTheMagic() {
        TranslatedSource t = translate("%cd?\n%%timeit??\n%time x = 1");
        assertThat(t.magics()).extracting(Magic::kind).containsExactly(MagicKind.HELP, MagicKind.HELP,
                MagicKind.LINE_MAGIC);
        assertThat(t.magics().get(0).name()).isEqualTo("%cd");
        assertThat(t.python().split("\n")[0]).isEqualTo("get_ipython().run_line_magic('pinfo', '%cd')");
    }

    @Test
    void escapesInsideStringsAndBracketsAreLeftAlone() {
        String source = "s = '''\n!not a command\n%not a magic\n'''\nx = (1 +\n  2)\nd = {\n  'a': 1}";
        TranslatedSource t = translate(source);
        assertThat(t.python()).isEqualTo(source);
        assertThat(t.magics()).isEmpty();
    }

    @Test
    void indentedEscapesKeepTheirBlock() {
        TranslatedSource t = translate("for f in files:\n    !echo {f} $HOME\n    %time process(f)");
        assertThat(t.python()).isEqualTo("for f in files:\n    get_ipython().system('echo {f} $HOME')\n    process(f)");
        assertThat(t.magics().get(0).referencedNames()).containsExactly("f", "HOME");
        // "%time stmt" keeps the statement, mapped back to its own columns.
        assertThat(t.sourceMap().originalColumn(2, 4)).isEqualTo(10);
        assertThat(t.sourceMap().originalColumn(2, 0)).isEqualTo(0);
    }

    @Test
    void pythonWrapperCellMagicsKeepTheirBody() {
        TranslatedSource t = translate("%%time\nmodel.fit(X)\nscore = model.score(X)");
        assertThat(t.python()).isEqualTo("get_ipython().run_line_magic('time', '')\nmodel.fit(X)\nscore = model.score(X)");
        assertThat(t.cellMagic()).hasValueSatisfying(m -> {
            assertThat(m.name()).isEqualTo("time");
            assertThat(m.bodyIsPython()).isTrue();
        });
        TranslatedSource capture = translate("%%capture --no-stderr out\nprint(1)");
        assertThat(capture.python()).startsWith("out = get_ipython()");
        assertThat(capture.cellMagic().orElseThrow().assignedTo()).isEqualTo("out");
    }

    @Test
    void foreignCellMagicsBlankTheirBody() {
        TranslatedSource t = translate("\n%%bash\nfor i in 1 2; do\n  echo $i\ndone");
        assertThat(t.python()).isEqualTo("\nget_ipython().run_cell_magic('bash', '', '')\n\n\n");
        Magic bash = t.cellMagic().orElseThrow();
        assertThat(bash.bodyIsPython()).isFalse();
        assertThat(bash.line()).isEqualTo(2);
        assertThat(bash.body()).isEqualTo("for i in 1 2; do\n  echo $i\ndone");
    }

    @Test
    void backslashContinuedShellCommandsAreOneCommand() {
        TranslatedSource t = translate("!pip install \\\n    numpy==1.26.4 \\\n    pandas==2.2.2\nx = 1");
        assertThat(t.magics()).singleElement().satisfies(m -> {
            assertThat(m.arguments()).isEqualTo("install numpy==1.26.4 pandas==2.2.2");
            assertThat(m.endLine()).isEqualTo(3);
        });
        assertThat(t.python().split("\n")[3]).isEqualTo("x = 1");
    }

    @Test
    void quotesAndBackslashesInCommandsStayValidPython() {
        TranslatedSource t = translate("!echo 'it''s' \"a\\b\" \t done");
        assertThat(t.magics()).hasSize(1);
        assertThat(t.python()).startsWith("get_ipython().system('echo \\'it\\'\\'s\\'");
    }

    @Test
    void crlfLinesAreHandled() {
        TranslatedSource t = translate("%matplotlib inline\r\nx = 1\r\n");
        assertThat(t.magics()).hasSize(1);
        assertThat(t.python()).isEqualTo("get_ipython().run_line_magic('matplotlib', 'inline')\r\nx = 1\r\n");
    }
}
