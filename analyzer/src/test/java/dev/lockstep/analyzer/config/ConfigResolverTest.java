package dev.lockstep.analyzer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.scan.BatchScanner;
import dev.lockstep.analyzer.scan.NotebookFiles;
import dev.lockstep.analyzer.scan.ScanResult;
import dev.lockstep.analyzer.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which lockstep.toml a notebook gets, and what it changes in a scan. Each test builds a small
 * repository in a temporary folder (with a .git folder, so the search never leaves it).
 */
class ConfigResolverTest {
    @TempDir
    Path repo;

    @BeforeEach
    void makeRepository() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
    }

    @Test
    void theFileNextToTheNotebookWins() throws IOException {
        write("lockstep.toml", "ignore = [\"LS1\"]\n");
        write("team/lockstep.toml", "ignore = [\"LS2\"]\n");
        Path notebook = notebook("team/nb.ipynb");
        ConfigResolver resolver = ConfigResolver.discovering(RuleSelection.NONE);
        assertThat(resolver.configFileFor(notebook)).contains(repo.resolve("team/lockstep.toml"));
        assertThat(ids(resolver.settingsFor(notebook).rules())).contains("LS101").doesNotContain("LS201");
    }

    @Test
    void otherwiseTheNearestParentFoldersFile() throws IOException {
        write("lockstep.toml", "ignore = [\"LS1\"]\n");
        Path deep = notebook("a/b/c/nb.ipynb");
        Path top = notebook("nb.ipynb");
        ConfigResolver resolver = ConfigResolver.discovering(RuleSelection.NONE);
        assertThat(resolver.configFileFor(deep)).contains(repo.resolve("lockstep.toml"));
        assertThat(resolver.configFileFor(top)).contains(repo.resolve("lockstep.toml"));
        assertThat(ids(resolver.settingsFor(deep).rules())).doesNotContain("LS101");
    }

    @Test
    void theSearchStopsAtTheRepositoryRoot() throws IOException {
        Files.writeString(repo.resolve("lockstep.toml"), "ignore = [\"LS1\"]\n");
        Path inner = repo.resolve("project");
        Files.createDirectories(inner.resolve(".git"));
        Path notebook = notebook("project/notebooks/nb.ipynb");
        ConfigResolver resolver = ConfigResolver.discovering(RuleSelection.NONE);
        assertThat(resolver.configFileFor(notebook)).isEmpty();
        assertThat(ids(resolver.settingsFor(notebook).rules())).contains("LS101", "LS201", "LS001");
    }

    @Test
    void aGivenFileAppliesToEveryNotebook() throws IOException {
        write("team/lockstep.toml", "ignore = [\"LS2\"]\n");
        Path elsewhere = write("configs/strict.toml", "select = [\"LS2\"]\n");
        ConfigResolver resolver = ConfigResolver.using(elsewhere, RuleSelection.NONE);
        assertThat(resolver.configFileFor(notebook("team/nb.ipynb"))).contains(elsewhere);
        assertThat(ids(resolver.settingsFor(notebook("other/nb.ipynb")).rules())).allMatch(id -> id.startsWith("LS2"));
    }

    @Test
    void eachFolderAndFileIsResolvedOnceAndAnswersNeverChange() throws IOException {
        write("lockstep.toml", "ignore = [\"LS1\"]\n");
        Path first = notebook("a/one.ipynb");
        Path second = notebook("a/two.ipynb");
        ConfigResolver resolver = ConfigResolver.discovering(RuleSelection.NONE);
        var settings = resolver.settingsFor(first);
        Files.delete(repo.resolve("lockstep.toml"));
        assertThat(resolver.settingsFor(second)).isSameAs(settings);
        assertThat(resolver.configFileFor(first)).contains(repo.resolve("lockstep.toml"));
    }

    @Test
    void commandLineSelectReplacesAndIgnoreAdds() throws IOException {
        write("lockstep.toml", "select = [\"LS1\"]\nignore = [\"LS101\"]\n");
        Path notebook = notebook("nb.ipynb");
        ConfigResolver cli = ConfigResolver.discovering(new RuleSelection(List.of("LS1", "LS2"), List.of("LS102")));
        assertThat(ids(cli.settingsFor(notebook).rules())).contains("LS103", "LS201").doesNotContain("LS101", "LS102", "LS001");
    }

    @Test
    void severityOverridesChangeTheFindings() throws IOException {
        write("lockstep.toml", "[severity]\nLS201 = \"info\"\n");
        Path notebook = Files.copy(RepoPaths.testNotebooks().resolve("rules/LS201/positive.ipynb"), repo.resolve("nb.ipynb"));
        ScanResult result = scan(ConfigResolver.discovering(RuleSelection.NONE), notebook);
        assertThat(result.files().get(0).findings()).filteredOn(f -> f.ruleId().equals("LS201"))
                .isNotEmpty().allMatch(f -> f.severity() == Severity.INFO);
        assertThat(result.rules().rules()).filteredOn(r -> r.metadata().id().equals("LS201"))
                .allMatch(r -> r.metadata().severity() == Severity.INFO);
    }

    @Test
    void badFilesAndOptionsStopThePreparation() throws IOException {
        write("team/lockstep.toml", "select = [\"LS9\"]\n");
        Path good = notebook("nb.ipynb");
        Path bad = notebook("team/nb.ipynb");
        ConfigResolver resolver = ConfigResolver.discovering(RuleSelection.NONE);
        assertThatThrownBy(() -> resolver.prepare(List.of(good, bad))).isInstanceOf(ConfigException.class)
                .hasMessage(repo.resolve("team/lockstep.toml") + ":1: select[0]: no rule has the id 'LS9'");
        ConfigResolver options = ConfigResolver.discovering(new RuleSelection(List.of("LS2O1"), List.of()));
        assertThatThrownBy(() -> options.prepare(List.of(good))).isInstanceOf(ConfigException.class)
                .hasMessage("--select: no rule has the id 'LS2O1' (did you mean LS201?)");
        ConfigResolver ignore = ConfigResolver.discovering(new RuleSelection(null, List.of("NOPE1")));
        assertThatThrownBy(() -> ignore.prepare(List.of())).hasMessage("--ignore: no rule has the id 'NOPE1'");
    }

    @Test
    void commandLineOptionsMayNameTheTeamsRules() throws IOException {
        write("team/lockstep.toml", CustomCallRuleTest.RULES);
        Path notebook = notebook("team/nb.ipynb");
        ConfigResolver resolver = ConfigResolver.discovering(new RuleSelection(List.of("ACME"), List.of()));
        resolver.prepare(List.of(notebook));
        assertThat(ids(resolver.rules())).containsExactly("ACME001", "ACME002");
    }

    @Test
    void aBatchUnderSeveralConfigurationsListsEachRuleOnce() throws IOException {
        write("a/lockstep.toml", "select = [\"LS2\"]\n[severity]\nLS201 = \"info\"\n");
        write("b/lockstep.toml", "select = [\"LS1\", \"LS201\"]\n");
        ConfigResolver resolver = ConfigResolver.discovering(RuleSelection.NONE);
        resolver.prepare(List.of(notebook("a/nb.ipynb"), notebook("b/nb.ipynb")));
        List<String> ids = ids(resolver.rules());
        assertThat(ids).doesNotHaveDuplicates().contains("LS101", "LS201").doesNotContain("LS001");
        assertThat(resolver.rules().rules()).filteredOn(r -> r.metadata().id().equals("LS201"))
                .singleElement().matches(r -> r.metadata().severity() == Severity.INFO);
    }

    @Test
    void aNotebookWithABadFileIsReportedAsUnreadableWhenNotPrepared() throws IOException {
        write("lockstep.toml", "selct = []\n");
        Path notebook = notebook("nb.ipynb");
        ScanResult result = scan(ConfigResolver.discovering(RuleSelection.NONE), notebook);
        assertThat(result.files().get(0).error()).isEqualTo(repo.resolve("lockstep.toml") + ":1: selct: unknown key "
                + "(did you mean select?); lockstep.toml has select, ignore, [severity], [[rules.custom]] and [[io]]");
    }

    static ScanResult scan(ConfigResolver resolver, Path... notebooks) {
        List<String> paths = java.util.Arrays.stream(notebooks).map(Path::toString).toList();
        return new BatchScanner(resolver, 1).scan(NotebookFiles.expand(paths));
    }

    private static List<String> ids(RuleSet rules) {
        return rules.rules().stream().map(r -> r.metadata().id()).toList();
    }

    private Path write(String relative, String text) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Path notebook(String relative) throws IOException {
        return write(relative, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": []}");
    }

    @Test
    void noFileMeansTheDefaults() throws IOException {
        Path notebook = notebook("nb.ipynb");
        ConfigResolver resolver = ConfigResolver.discovering(RuleSelection.NONE);
        assertThat(resolver.configFileFor(notebook)).isEqualTo(Optional.empty());
        assertThat(resolver.configFor(notebook)).isSameAs(LockstepConfig.NONE);
    }
}
