package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.rules.Suggestions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a first-time user meets: the help text, typos, and hints naming the command they typed. */
class CommandLineUsabilityTest {

    @Test
    void aMistypedCommandGetsTheClosestOneAsASuggestion() {
        CliRunner.Result typo = CliRunner.run("sacn", "x");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).isEqualTo("lockstep: unknown command 'sacn'\n"
                + "Did you mean 'lockstep scan'?\n"
                + "Try 'lockstep --help' for more information.\n");
        assertThat(CliRunner.run("verfiy", "job").err()).contains("Did you mean 'lockstep verify'?");
        assertThat(CliRunner.run("frobnicate").err()).startsWith("lockstep: unknown command 'frobnicate'\n")
                .doesNotContain("Did you mean");
    }

    @Test
    void suggestionsCountATranspositionAsOneEdit() {
        assertThat(Suggestions.distance("sacn", "scan")).isEqualTo(1);
        assertThat(Suggestions.distance("rn", "run")).isEqualTo(1);
        assertThat(CommandSuggestion.closest("extrct", List.of("scan", "extract", "explain"))).contains("extract");
        assertThat(CommandSuggestion.closest("zz", List.of("scan", "run"))).isEmpty();
    }

    @Test
    void usageAndHintsNameTheCommandAsTheLauncherWasInvoked() {
        String before = System.getProperty(ProgramName.PROPERTY);
        System.setProperty(ProgramName.PROPERTY, "./lockstep");
        try {
            assertThat(CliRunner.run("--help").out()).startsWith("Usage: ./lockstep [-hV] [COMMAND]")
                    .contains("'./lockstep explain ID' explains");
            assertThat(CliRunner.run("scan", "--help").out()).startsWith("Usage: ./lockstep scan ");
            assertThat(CliRunner.run("sacn").err()).contains("Did you mean './lockstep scan'?",
                    "Try './lockstep --help'");
        } finally {
            if (before == null) {
                System.clearProperty(ProgramName.PROPERTY);
            } else {
                System.setProperty(ProgramName.PROPERTY, before);
            }
        }
        assertThat(CliRunner.run("--help").out()).startsWith("Usage: lockstep [-hV] [COMMAND]");
    }

    /**
     * Each description entry is a paragraph picocli wraps on its own: one that stops mid-sentence
     * leaves a ragged line in --help, and the first is what the command list shows.
     */
    @Test
    void everyDescriptionParagraphIsWholeSentences() {
        CommandLine root = LockstepCommand.commandLine();
        check(root);
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            if (!(sub.getValue().getCommand() instanceof CommandLine.HelpCommand)) { // picocli's own
                check(sub.getValue());
            }
        }
        for (String line : root.getCommandSpec().usageMessage().footer()) {
            assertThat(line).as("footer paragraph").matches("(|.*[.:)])");
        }
    }

    private static void check(CommandLine command) {
        String[] description = command.getCommandSpec().usageMessage().description();
        assertThat(description).as("description of %s", command.getCommandName()).isNotEmpty();
        for (String paragraph : description) {
            assertThat(paragraph).as("a paragraph of %s's description", command.getCommandName())
                    .matches("[A-Z].*[.)]");
        }
    }

    @Test
    void countsArePluralisedAsEnglish() {
        assertThat(ExtractCommand.count(1, "input")).isEqualTo("1 input");
        assertThat(ExtractCommand.count(0, "input")).isEqualTo("0 inputs");
        assertThat(ExtractCommand.count(6, "param")).isEqualTo("6 params");
    }
}
