package dev.lockstep.analyzer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockstep.analyzer.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lockstep.toml: what a good file gives, and the one error line each bad file gets (file:line: key: problem). */
class ConfigReaderTest {
    private static final Path FILE = Path.of("team", "lockstep.toml");

    private static final String CUSTOM = """
            [[rules.custom]]
            id = "ACME001"
            name = "table-needs-snapshot"
            severity = "error"
            call = "ourlib.data.load_table"
            require-keyword = "snapshot"
            message = "pin the table snapshot"
            """;

    @Test
    void aCompleteFile() {
        LockstepConfig config = parse("""
                # team defaults
                select = ["LS1", "LS201", "ACME"]
                ignore = [
                  "LS103",
                ]

                [severity]
                LS201 = "warning"
                ACME001 = "info"

                """ + CUSTOM + """

                [[rules.custom]]
                id = "ACME002"
                name = "no-drop-all"
                call = "ourlib.data.drop_all"
                forbid = true
                message = "drop tables through the migration tool"
                """);
        assertThat(config.file()).isEqualTo(FILE);
        assertThat(config.select()).containsExactly("LS1", "LS201", "ACME");
        assertThat(config.ignore()).containsExactly("LS103");
        assertThat(config.severity()).containsExactly(Map.entry("LS201", Severity.WARNING), Map.entry("ACME001", Severity.INFO));
        assertThat(config.customRules()).extracting(r -> r.metadata().id() + " " + r.metadata().name() + " "
                + r.metadata().severity().label() + " " + r.call() + " " + r.requiredKeyword() + " " + r.forbids())
                .containsExactly("ACME001 table-needs-snapshot error ourlib.data.load_table snapshot false",
                        "ACME002 no-drop-all warning ourlib.data.drop_all null true");
        assertThat(config.customRules().get(0).metadata().summary())
                .isEqualTo("calls to ourlib.data.load_table must pass snapshot=");
    }

    @Test
    void anEmptyFileMeansTheDefaults() {
        LockstepConfig config = parse("# nothing yet\n");
        assertThat(config.select()).isNull();
        assertThat(config.ignore()).isEmpty();
        assertThat(config.severity()).isEmpty();
        assertThat(config.customRules()).isEmpty();
    }

    @Test
    void invalidToml() {
        assertThat(error("select = [\"LS1\"]\nignore = \n")).isEqualTo(
                "team/lockstep.toml:2: invalid TOML: Newline not permitted here");
        assertThat(error("select = []\nselect = []\n")).startsWith("team/lockstep.toml:3: invalid TOML: Duplicate key");
    }

    @Test
    void unknownKeys() {
        assertThat(error("select = [\"LS1\"]\n\nselct = [\"LS2\"]\n")).isEqualTo("team/lockstep.toml:3: selct: unknown key "
                + "(did you mean select?); lockstep.toml has select, ignore, [severity], [[rules.custom]] and [[io]]");
        assertThat(error("[rules]\ncustoms = []\n")).isEqualTo(
                "team/lockstep.toml:2: rules.customs: unknown key (did you mean custom?); team rules go under [[rules.custom]]");
        assertThat(error(CUSTOM + "requires-keyword = \"x\"\n")).isEqualTo("team/lockstep.toml:8: rules.custom[0]"
                + ".requires-keyword: unknown key (did you mean require-keyword?); a team rule has id, name, severity, "
                + "call, require-keyword or forbid, and message");
    }

    @Test
    void selectAndIgnoreNameRulesOrFamilies() {
        assertThat(error("select = \"LS1\"\n")).isEqualTo("team/lockstep.toml:1: select: expected an array of rule ids "
                + "or family prefixes, as in select = [\"LS1\", \"LS201\"], found the string \"LS1\"");
        assertThat(error("select = [\n  \"LS1\",\n  \"LS2O1\",\n]\n")).isEqualTo(
                "team/lockstep.toml:3: select[1]: no rule has the id 'LS2O1' (did you mean LS201?)");
        assertThat(error("ignore = [\"LS1\", 201]\n")).isEqualTo(
                "team/lockstep.toml:1: ignore[1]: expected a rule id or family prefix in quotes, found the number 201");
        assertThat(error("ignore = [\"LS9\"]\n")).isEqualTo("team/lockstep.toml:1: ignore[0]: no rule has the id 'LS9'");
        assertThat(error("select = [\"ACME001\"]\n")).isEqualTo(
                "team/lockstep.toml:1: select[0]: no rule has the id 'ACME001'");
    }

    @Test
    void severityOverrides() {
        assertThat(error("[severity]\nLS201 = \"fatal\"\n")).isEqualTo(
                "team/lockstep.toml:2: severity.LS201: unknown severity 'fatal' (expected info, warning or error)");
        assertThat(error("[severity]\nLS201 = 3\n")).isEqualTo(
                "team/lockstep.toml:2: severity.LS201: expected \"info\", \"warning\" or \"error\", found the number 3");
        assertThat(error("\n[severity]\nLS2O1 = \"error\"\n")).isEqualTo(
                "team/lockstep.toml:3: severity.LS2O1: no rule has the id 'LS2O1' (did you mean LS201?)");
        assertThat(error("severity = \"error\"\n")).isEqualTo("team/lockstep.toml:1: severity: expected a table of rule "
                + "id = \"severity\", as in [severity] LS206 = \"error\", found the string \"error\"");
    }

    @Test
    void severityByFamilyWithTheMostSpecificKeyWinning() {
        LockstepConfig config = parse("[severity]\nLS2 = \"info\"\nLS201 = \"warning\"\n");
        Map<String, Severity> effective = config.severities(config.availableRules());
        assertThat(effective.get("LS201")).isEqualTo(Severity.WARNING);
        assertThat(effective.get("LS101")).isNull();
        assertThat(config.availableRules()).filteredOn(r -> r.metadata().id().startsWith("LS2") && !r.metadata().id().equals("LS201"))
                .allMatch(r -> effective.get(r.metadata().id()) == Severity.INFO);
    }

    @Test
    void customRuleIds() {
        assertThat(error(CUSTOM.replace("ACME001", "acme1"))).isEqualTo("team/lockstep.toml:2: rules.custom[0].id: "
                + "'acme1' is not a team rule id: use capital letters then digits, as in ACME001");
        assertThat(error(CUSTOM.replace("ACME001", "LS201"))).isEqualTo("team/lockstep.toml:2: rules.custom[0].id: "
                + "'LS201' is the built-in rule absolute-path: give the team rule an id of its own, as in ACME001");
        assertThat(error(CUSTOM.replace("ACME001", "LS999"))).isEqualTo("team/lockstep.toml:2: rules.custom[0].id: "
                + "ids starting with LS are kept for Lockstep's own rules: use the team's prefix, as in ACME001");
        assertThat(error(CUSTOM + "\n" + CUSTOM.replace("table-needs-snapshot", "other-name"))).isEqualTo(
                "team/lockstep.toml:10: rules.custom[1].id: 'ACME001' is already the id of rules.custom[0] (line 1)");
    }

    @Test
    void customRuleNamesAndCalls() {
        assertThat(error(CUSTOM.replace("table-needs-snapshot", "Table Snapshot"))).isEqualTo("team/lockstep.toml:3: "
                + "rules.custom[0].name: 'Table Snapshot' is not a kebab-case name, as in table-needs-snapshot");
        assertThat(error(CUSTOM.replace("table-needs-snapshot", "absolute-path"))).isEqualTo(
                "team/lockstep.toml:3: rules.custom[0].name: the name 'absolute-path' is already taken by LS201");
        assertThat(error(CUSTOM.replace("ourlib.data.load_table", "load table"))).isEqualTo("team/lockstep.toml:5: "
                + "rules.custom[0].call: 'load table' is not a qualified name: write the module path, as in ourlib.data.load_table");
        assertThat(error(CUSTOM.replace("\"snapshot\"", "\"snap-shot\""))).isEqualTo(
                "team/lockstep.toml:6: rules.custom[0].require-keyword: 'snap-shot' is not a keyword argument name");
        assertThat(error(CUSTOM.replace("\"error\"", "\"severe\""))).isEqualTo("team/lockstep.toml:4: "
                + "rules.custom[0].severity: unknown severity 'severe' (expected info, warning or error)");
    }

    @Test
    void customRuleMissingAndConflictingKeys() {
        assertThat(error("select = [\"LS1\"]\n\n" + CUSTOM.replace("call = \"ourlib.data.load_table\"\n", ""))).isEqualTo(
                "team/lockstep.toml:3: rules.custom[0]: missing key 'call'");
        assertThat(error(CUSTOM.replace("message = \"pin the table snapshot\"\n", ""))).isEqualTo(
                "team/lockstep.toml:1: rules.custom[0]: missing key 'message'");
        assertThat(error(CUSTOM.replace("require-keyword = \"snapshot\"\n", ""))).isEqualTo("team/lockstep.toml:1: "
                + "rules.custom[0]: missing key 'require-keyword' (or forbid = true): say what the rule checks");
        assertThat(error(CUSTOM + "forbid = true\n")).isEqualTo("team/lockstep.toml:8: rules.custom[0].forbid: "
                + "a team rule either forbids the call or requires a keyword, not both");
        assertThat(error(CUSTOM + "forbid = \"yes\"\n")).isEqualTo(
                "team/lockstep.toml:8: rules.custom[0].forbid: expected true or false, found the string \"yes\"");
        assertThat(error(CUSTOM.replace("\"pin the table snapshot\"", "\"  \""))).isEqualTo(
                "team/lockstep.toml:7: rules.custom[0].message: must not be empty");
        assertThat(error("rules.custom = [\n  { id = \"ACME001\" },\n]\n")).isEqualTo(
                "team/lockstep.toml:2: rules.custom[0]: missing key 'name'");
        assertThat(error("[rules]\ncustom = \"x\"\n")).isEqualTo("team/lockstep.toml:2: rules.custom: expected an "
                + "array of tables: give each team rule its own [[rules.custom]] header");
    }

    @Test
    void selectAndSeverityMayNameTheTeamsRules() {
        LockstepConfig config = parse("select = [\"ACME001\"]\n[severity]\nACME001 = \"info\"\n" + CUSTOM);
        assertThat(config.ruleSet(RuleSelection.NONE).rules()).extracting(r -> r.metadata().id() + " "
                + r.metadata().severity().label()).containsExactly("ACME001 info");
    }

    @Test
    void filesThatCannotBeRead(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> new ConfigReader().read(dir.resolve("missing.toml")))
                .isInstanceOf(ConfigException.class).hasMessage(dir.resolve("missing.toml") + ": no such file");
        Path latin1 = dir.resolve("latin1.toml");
        Files.write(latin1, new byte[] {'#', ' ', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> new ConfigReader().read(latin1)).hasMessage(latin1 + ": is not UTF-8 text");
        assertThatThrownBy(() -> new ConfigReader().read(dir)).hasMessage(dir + ": is a folder, not a configuration file");
    }

    @Test
    void theExceptionCarriesFileLineAndKey() {
        ConfigException e = (ConfigException) catchError("[severity]\nLS201 = \"fatal\"\n");
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isEqualTo("severity.LS201");
    }

    private static LockstepConfig parse(String toml) {
        return new ConfigReader().parse(FILE, toml);
    }

    private static String error(String toml) {
        return catchError(toml).getMessage();
    }

    private static Throwable catchError(String toml) {
        try {
            parse(toml);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + toml);
    }

    @Test
    void keysInTomlSpellingAreQuotedWhenNeeded() {
        assertThat(new KeyPath(List.of("severity", "LS 2")).display()).isEqualTo("severity.\"LS 2\"");
        assertThat(new KeyPath(List.of("rules", "custom", 3, "id")).display()).isEqualTo("rules.custom[3].id");
        assertThat(new KeyPath(List.of("a/b", "c~d")).pointer()).isEqualTo("/a~1b/c~0d");
    }
}
