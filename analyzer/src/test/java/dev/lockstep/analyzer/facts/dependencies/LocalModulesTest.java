package dev.lockstep.analyzer.facts.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.facts.FactsTestNotebooks;
import org.junit.jupiter.api.Test;

/** The local-module fact that LS406 words and extract keeps out of requirements.txt. */
class LocalModulesTest {

    @Test
    void eachLocalImportWithWhyItIsLocalOncePerTopLevelModule() {
        AnalyzedNotebook notebook = FactsTestNotebooks.analyze(
                "import numpy as np\nfrom .shared import x\nimport churn_utils\nfrom churn_utils import clean\n",
                "import features\n",
                "%%writefile features.py\nX = 1\n");
        LocalModules local = notebook.facts().localModules();
        assertThat(local.imports()).extracting(LocalModules.LocalImport::module)
                .containsExactly(".shared", "churn_utils", "features");
        assertThat(local.imports()).extracting(LocalModules.LocalImport::reason).containsExactly(
                LocalModules.Reason.RELATIVE, LocalModules.Reason.LOCAL_FILE, LocalModules.Reason.WRITTEN_BELOW);
        assertThat(local.imports()).extracting(LocalModules.LocalImport::writtenIn).containsExactly(-1, -1, 2);
        assertThat(local.imports().get(1).cell().index()).isZero();
        assertThat(local.modules()).contains("churn_utils", "features").doesNotContain("numpy", "np");
    }

    @Test
    void modulesTheNotebookProvidesOrInstallsAreNotLocal() {
        AnalyzedNotebook notebook = FactsTestNotebooks.analyze(
                "%%writefile helpers.py\nX = 1\n",
                "import helpers\nimport pandas\n!pip install my_tools\nimport my_tools\n",
                "try:\n    import local_config\nexcept ImportError:\n    local_config = None\n");
        assertThat(notebook.facts().localModules().imports()).isEmpty();
        assertThat(notebook.facts().localModules().modules()).isEmpty();
    }

    @Test
    void computedOncePerNotebook() {
        AnalyzedNotebook notebook = FactsTestNotebooks.analyze("import my_utils\n");
        assertThat(notebook.facts().localModules()).isSameAs(notebook.facts().localModules());
        assertThat(notebook.facts().installs()).isSameAs(notebook.facts().installs());
        assertThat(notebook.facts().localModules().modules()).containsExactly("my_utils");
    }
}
