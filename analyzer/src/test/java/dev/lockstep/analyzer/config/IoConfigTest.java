package dev.lockstep.analyzer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockstep.analyzer.facts.io.Access;
import dev.lockstep.analyzer.scan.FileReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team adds its own I/O APIs in lockstep.toml; the facts layer (and so every rule) sees them. */
class IoConfigTest {
    private static final Path FILE = Path.of("team", "lockstep.toml");

    @Test
    void ioTablesExtendTheCatalogue(@TempDir Path dir) throws Exception {
        LockstepConfig config = new ConfigReader().parse(FILE, """
                [[io]]
                call = "teamlib.save_artifact"
                access = "write"
                path = { position = 1, keyword = "dest" }
                """);
        assertThat(config.io()).hasSize(1);
        assertThat(config.io().get(0).access()).isEqualTo(Access.WRITE);
        Path notebook = dir.resolve("n.ipynb");
        Files.writeString(notebook, """
                {"cells": [{"cell_type": "code", "execution_count": 1, "id": "a", "metadata": {}, "outputs": [],
                  "source": ["import teamlib\\n", "teamlib.save_artifact(1, \\"/archive/team/model.bin\\")"]}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """, StandardCharsets.UTF_8);
        FileReport with = config.scanSettings(RuleSelection.NONE).scanner().scan(notebook, "n.ipynb");
        FileReport without = LockstepConfig.NONE.scanSettings(RuleSelection.NONE).scanner().scan(notebook, "n.ipynb");
        // /archive/... is flagged only where it is used as a path: the team's API makes it one.
        assertThat(with.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("LS201");
            assertThat(f.message()).contains("extract lifts it");
        });
        assertThat(without.findings()).noneMatch(f -> f.ruleId().equals("LS201"));
    }

    @Test
    void aBadEntryIsOneClearError() {
        assertThatThrownBy(() -> new ConfigReader().parse(FILE, "[[io]]\ncall = \"x.y\"\naccess = \"teleport\"\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("io").hasMessageContaining("access is one of");
    }
}
