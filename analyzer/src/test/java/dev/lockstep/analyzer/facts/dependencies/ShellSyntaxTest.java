package dev.lockstep.analyzer.facts.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellSyntaxTest {

    private static List<List<String>> words(String line) {
        return ShellSyntax.commands(line).stream().map(c -> c.stream().map(ShellSyntax.Word::text).toList()).toList();
    }

    @Test
    void quotesSeparatorsRedirectionsAndComments() {
        assertThat(words("pip install 'numpy<2' \"torch==2.1\" a\\ b && echo ok | tee log.txt; ls 2>&1 > out.txt # done"))
                .containsExactly(List.of("pip", "install", "numpy<2", "torch==2.1", "a b"), List.of("echo", "ok"),
                        List.of("tee", "log.txt"), List.of("ls"));
        assertThat(words("cd repo || exit 1")).containsExactly(List.of("cd", "repo"), List.of("exit", "1"));
        assertThat(words("wget -q -O - https://x/y.sh &>/dev/null")).containsExactly(List.of("wget", "-q", "-O", "-", "https://x/y.sh"));
    }

    @Test
    void expansionsAreDynamic() {
        List<ShellSyntax.Word> command = ShellSyntax.commands("pip install {pkg} $EXTRA plain \"${V}\"").get(0);
        assertThat(command).extracting(ShellSyntax.Word::dynamic).containsExactly(false, false, true, true, false, true);
    }

    @Test
    void wrappersAndAssignmentsAreSkipped() {
        List<ShellSyntax.Word> program = ShellSyntax.program(ShellSyntax.commands("FOO=1 sudo -E env BAR=2 pip list").get(0));
        assertThat(program).extracting(ShellSyntax.Word::text).containsExactly("pip", "list");
    }
}
