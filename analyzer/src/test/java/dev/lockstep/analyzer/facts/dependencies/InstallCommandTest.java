package dev.lockstep.analyzer.facts.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstallCommandTest {

    private static InstallCommand only(String line) {
        List<InstallCommand> all = InstallCommand.parseAll(line);
        assertThat(all).as("installs in %s", line).hasSize(1);
        return all.get(0);
    }

    private static Requirement requirement(String line) {
        InstallCommand command = only(line);
        assertThat(command.requirements()).hasSize(1);
        return command.requirements().get(0);
    }

    @Test
    void namesAndExactPins() {
        InstallCommand c = only("pip install -q transformers==4.35.2 peft 'datasets>=2.14' torch==2.*");
        assertThat(c.installer()).isEqualTo(Installer.PIP);
        assertThat(c.requirements()).extracting(Requirement::name).containsExactly("transformers", "peft", "datasets", "torch");
        assertThat(c.requirements()).extracting(Requirement::status).containsExactly(Requirement.PinStatus.PINNED,
                Requirement.PinStatus.UNPINNED, Requirement.PinStatus.UNPINNED, Requirement.PinStatus.UNPINNED);
        assertThat(c.requirements().get(0).pinnedVersion()).contains("4.35.2");
        assertThat(c.unpinned()).extracting(Requirement::problem)
                .containsExactly("has no version", "'datasets>=2.14' is a range", "'torch==2.*' is a wildcard");
        assertThat(c.upgrade()).isFalse();
    }

    @Test
    void extrasMarkersAndArbitraryEquality() {
        Requirement r = requirement("pip install \"transformers[torch]==4.35.2; python_version >= '3.8'\"");
        assertThat(r.name()).isEqualTo("transformers");
        assertThat(r.extras()).containsExactly("torch");
        assertThat(r.isPinned()).isTrue();
        assertThat(r.requirementsLine()).isEqualTo("transformers[torch]==4.35.2 ; python_version >= '3.8'");
        assertThat(requirement("pip install foo===1.0-custom").pinnedVersion()).contains("1.0-custom");
        assertThat(requirement("pip install torch==2.1.0+cu118").pinnedVersion()).contains("2.1.0+cu118");
    }

    @Test
    void everyWayOfRunningPip() {
        for (String line : List.of("pip install x", "pip3 install x", "python -m pip install x",
                "python3 -m pip install x", "{sys.executable} -m pip install x", "sudo -H pip install x",
                "pip -q install x", "/usr/bin/python3.10 -m pip install x", "PIP_NO_CACHE_DIR=1 pip install x")) {
            assertThat(only(line).requirements()).as(line).extracting(Requirement::name).containsExactly("x");
        }
        assertThat(only("uv pip install --system x").installer()).isEqualTo(Installer.UV);
        assertThat(InstallCommand.parseAll("pip list")).isEmpty();
        assertThat(InstallCommand.parseAll("pip uninstall -y x")).isEmpty();
        assertThat(InstallCommand.parseAll("echo pip install x")).isEmpty();
    }

    @Test
    void chainsCommentsAndRedirections() {
        List<InstallCommand> all = InstallCommand.parseAll(
                "cd lib && pip install -e . > /dev/null 2>&1; pip install torch==2.1.0 numpy  # CPU build");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).requirements()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Requirement.Kind.LOCAL);
            assertThat(r.editable()).isTrue();
            assertThat(r.requirementsLine()).isEqualTo("-e .");
        });
        assertThat(all.get(1).requirements()).extracting(Requirement::name).containsExactly("torch", "numpy");
    }

    @Test
    void optionsAndTheirValuesAreNotPackages() {
        InstallCommand c = only("pip install --index-url https://download.pytorch.org/whl/cu118 -f "
                + "https://data.pyg.org/whl/torch-2.1.0.html --no-cache-dir -U torch==2.1.0 --target=libs -r requirements.txt "
                + "-c constraints.txt --upgrade-strategy eager");
        assertThat(c.requirements()).extracting(Requirement::name).containsExactly("torch");
        assertThat(c.requirementFiles()).containsExactly("requirements.txt");
        assertThat(c.constraintFiles()).containsExactly("constraints.txt");
        assertThat(c.upgrade()).isTrue();
        assertThat(only("pip install -qU numpy").upgrade()).isTrue();
        assertThat(only("pip install -rrequirements.txt").requirementFiles()).containsExactly("requirements.txt");
        assertThat(only("pip install --requirement=reqs/dev.txt").requirementFiles()).containsExactly("reqs/dev.txt");
        assertThat(only("uv pip install --exclude-newer 2024-03-01 numpy").excludeNewer()).isEqualTo("2024-03-01");
    }

    @Test
    void clustersOfShortOptions() {
        InstallCommand yolo = only("pip install -qr requirements.txt");
        assertThat(yolo.requirements()).isEmpty();
        assertThat(yolo.requirementFiles()).containsExactly("requirements.txt");
        InstallCommand editable = only("pip install -qe ./lib torch==2.1.0");
        assertThat(editable.requirements()).extracting(Requirement::kind)
                .containsExactly(Requirement.Kind.LOCAL, Requirement.Kind.NAME);
        assertThat(only("pip install -Uqq numpy").upgrade()).isTrue();
        assertThat(only("conda install -yc conda-forge numpy=1.26.4").requirements())
                .extracting(Requirement::name).containsExactly("numpy");
        assertThat(only("conda install -cconda-forge -yq numpy=1.26.4").requirements())
                .extracting(Requirement::name).containsExactly("numpy");
    }

    @Test
    void vcsUrlsArePinnedOnlyByAFullCommit() {
        String sha = "0123456789abcdef0123456789abcdef01234567";
        Requirement pinned = requirement("pip install git+https://github.com/huggingface/peft.git@" + sha);
        assertThat(pinned.kind()).isEqualTo(Requirement.Kind.VCS);
        assertThat(pinned.name()).isEqualTo("peft");
        assertThat(pinned.ref()).isEqualTo(sha);
        assertThat(pinned.isPinned()).isTrue();
        assertThat(pinned.requirementsLine()).isEqualTo("peft @ git+https://github.com/huggingface/peft.git@" + sha);

        Requirement branch = requirement("pip install git+https://github.com/huggingface/transformers@main");
        assertThat(branch.status()).isEqualTo(Requirement.PinStatus.UNPINNED);
        assertThat(branch.problem()).isEqualTo("'git+https://github.com/huggingface/transformers@main' names a branch or tag, not a commit");
        assertThat(requirement("pip install git+https://github.com/org/repo@v1.2.0").isPinned()).isFalse();
        assertThat(requirement("pip install git+https://github.com/org/repo@abc1234").problem()).contains("short hash");
        Requirement none = requirement("pip install git+ssh://git@github.com/org/repo.git#egg=mylib");
        assertThat(none.ref()).isNull();
        assertThat(none.name()).isEqualTo("mylib");
        assertThat(none.problem()).contains("names no commit");
        Requirement direct = requirement("pip install 'mylib[cli] @ git+https://github.com/org/mylib@" + sha + "'");
        assertThat(direct.name()).isEqualTo("mylib");
        assertThat(direct.isPinned()).isTrue();
        assertThat(requirement("pip install -e git+https://github.com/org/repo.git#egg=repo").editable()).isTrue();
    }

    @Test
    void archiveUrlsArePinnedByVersionHashOrCommit() {
        assertThat(requirement("pip install https://download.pytorch.org/whl/cu118/torch-2.0.0%2Bcu118-cp310-cp310-linux_x86_64.whl")
                .isPinned()).isTrue();
        assertThat(requirement("pip install https://files.example.org/pkg-1.4.2.tar.gz").isPinned()).isTrue();
        assertThat(requirement("pip install https://github.com/org/repo/archive/refs/heads/main.zip").isPinned()).isFalse();
        assertThat(requirement("pip install https://github.com/org/repo/archive/0123456789abcdef0123456789abcdef01234567.zip")
                .isPinned()).isTrue();
        assertThat(requirement("pip install https://example.org/latest.zip#sha256=abcdef0123").isPinned()).isTrue();
    }

    @Test
    void localInstallsAndInterpolationsAreNotJudged() {
        for (String line : List.of("pip install .", "pip install -e .", "pip install ./packages/mylib",
                "pip install dist/mylib-0.1-py3-none-any.whl", "pip install ../shared", "pip install file:///opt/wheels/x.whl")) {
            assertThat(requirement(line).status()).as(line).isEqualTo(Requirement.PinStatus.LOCAL);
        }
        assertThat(requirement("pip install {package}").status()).isEqualTo(Requirement.PinStatus.UNKNOWN);
        assertThat(requirement("pip install $PKG").status()).isEqualTo(Requirement.PinStatus.UNKNOWN);
        assertThat(requirement("pip install torch=={TORCH_VERSION}").status()).isEqualTo(Requirement.PinStatus.UNKNOWN);
    }

    @Test
    void condaMatchSpecs() {
        InstallCommand c = only("conda install -y -c conda-forge numpy=1.26.4 scipy=1.11 pandas==2.1.4 "
                + "conda-forge::xgboost=2.0.3=py311h_0 \"matplotlib>=3.7\" lightgbm --file env.txt");
        assertThat(c.installer()).isEqualTo(Installer.CONDA);
        assertThat(c.requirements()).extracting(Requirement::name)
                .containsExactly("numpy", "scipy", "pandas", "xgboost", "matplotlib", "lightgbm");
        assertThat(c.requirements()).extracting(Requirement::isPinned)
                .containsExactly(true, false, true, true, false, false);
        assertThat(c.requirements().get(1).problem()).isEqualTo("'scipy=1.11' matches every release that starts with 1.11");
        assertThat(c.requirements().get(0).requirementsLine()).isEqualTo("numpy==1.26.4");
        assertThat(c.requirementFiles()).containsExactly("env.txt");
        assertThat(only("mamba install -q numpy").requirements()).extracting(Requirement::name).containsExactly("numpy");
        assertThat(InstallCommand.parseAll("conda activate base")).isEmpty();
    }
}
