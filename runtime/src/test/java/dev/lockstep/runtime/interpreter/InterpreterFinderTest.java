package dev.lockstep.runtime.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.runtime.testing.JobFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpreterFinderTest {

  @Test
  void triesSystemPythonFirstThenPathOnceEachByRealFile(@TempDir Path temp) throws Exception {
    Path wrapper = JobFixture.script(temp.resolve("bin/python3"), "#!/bin/sh\nexec /usr/bin/python3 \"$@\"\n");
    Path link = Files.createSymbolicLink(temp.resolve("link"), temp.resolve("bin"));
    String path = String.join(":", "/usr/bin", "/bin", temp.resolve("bin").toString(), link.toString(), temp.resolve("none").toString());

    InterpreterFinder finder = new InterpreterFinder(new InterpreterProbe(Map.of(), temp), Map.of("PATH", path));

    assertThat(finder.candidates()).containsExactly(Path.of("/usr/bin/python3"), wrapper);
  }
}
