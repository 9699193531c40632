package dev.lockstep.analyzer.ipython;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which escapes are package installs (LS401's; LS501 leaves them alone). */
class PipInstallTest {
    private final IPythonTranslator translator = new IPythonTranslator();

    private Magic only(String source) {
        return translator.translate(source).magics().get(0);
    }

    @Test
    void installingIntoTheKernelsOwnInterpreterIsAnInstall() {
        assertThat(only("!{sys.executable} -m pip install torch==2.3.1").isPipInstall()).isTrue();
        assertThat(only("!python3 -m pip install -q tqdm").isPipInstall()).isTrue();
        assertThat(only("!pip install pandas").isPipInstall()).isTrue();
    }

    @Test
    void otherPipCommandsAreNot() {
        assertThat(only("!{sys.executable} -m pip list").isPipInstall()).isFalse();
        assertThat(only("!pip freeze > requirements.txt").isPipInstall()).isFalse();
        assertThat(only("!{python} -m pip install x").isPipInstall()).isFalse();
    }
}
