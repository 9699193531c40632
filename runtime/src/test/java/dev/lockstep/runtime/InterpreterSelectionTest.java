package dev.lockstep.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockstep.runtime.testing.JobFixture;
import dev.lockstep.runtime.testing.SystemPython;
import dev.lockstep.runtime.testing.TestCaller;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interpreter choice with real interpreters: two wrappers around /usr/bin/python3 put on PATH,
 * one that cannot see site-packages (so no numpy) and one that can also import a module only
 * it has. Portable: no reliance on which Pythons a machine happens to have.
 */
class InterpreterSelectionTest {

  @TempDir Path temp;
  private Path bare;
  private Path extended;
  private Path job;

  @BeforeAll
  static void needsNumpy() {
    SystemPython.requireNumpy();
  }

  @BeforeEach
  void writeInterpretersAndJob() {
    bare = JobFixture.script(temp.resolve("bare/python3"), "#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n");
    Path modules = temp.resolve("modules");
    JobFixture.write(modules.resolve("only_in_extended.py"), "__version__ = '9.9'\n");
    extended = JobFixture.script(temp.resolve("extended/python3"),
        "#!/bin/sh\nPYTHONPATH=" + modules + " exec /usr/bin/python3 \"$@\"\n");
    job = temp.resolve("job");
    JobFixture.write(job.resolve("pipeline/main.py"), "import only_in_extended\nprint('ran with', only_in_extended.__version__)\n");
  }

  @Test
  void choosesTheFirstCandidateThatImportsEverything() throws Exception {
    writeSpec("[numpy, only_in_extended]");
    TestCaller caller = TestCaller.in(temp).with("PATH", path(bare, extended) + ":/usr/bin:/bin");

    RunOutcome outcome = new JobRunner(caller.context()).run(RunRequest.of(job));

    assertThat(outcome.succeeded()).as(caller.err()).isTrue();
    assertThat(outcome.record().python().command()).isEqualTo(extended.toString());
    assertThat(outcome.record().python().executable()).isEqualTo("/usr/bin/python3");
    assertThat(outcome.record().python().modules().get("only_in_extended").version()).isEqualTo("9.9");
    assertThat(caller.out()).contains("ran with 9.9");
  }

  @Test
  void listsEveryInterpreterTriedAndWhatEachLacks() {
    writeSpec("[numpy, no_such_module_xyz]");
    TestCaller caller = TestCaller.in(temp).with("PATH", path(bare, extended) + ":/usr/bin:/bin");

    assertThatThrownBy(() -> new JobRunner(caller.context()).run(RunRequest.of(job)))
        .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE))
        .hasMessageStartingWith("no Python interpreter can import all of python.imports (numpy, no_such_module_xyz); tried:\n"
            + "  /usr/bin/python3: cannot import no_such_module_xyz (ModuleNotFoundError: No module named 'no_such_module_xyz')\n"
            + "  " + bare + ": cannot import no_such_module_xyz (ModuleNotFoundError: No module named 'no_such_module_xyz'), "
            + "numpy (ModuleNotFoundError: No module named 'numpy')\n"
            + "  " + extended + ": cannot import no_such_module_xyz")
        .hasMessageEndingWith("install the missing packages, or pass --python PATH");
    assertThat(job.resolve("runs")).doesNotExist();
  }

  @Test
  void anExplicitInterpreterMustImportTheJobsModulesToo() {
    writeSpec("[numpy]");

    assertThatThrownBy(() -> new JobRunner(TestCaller.in(temp).context()).run(RunRequest.of(job).withPython(bare)))
        .hasMessage("the interpreter given with --python cannot run this job (python.imports: numpy):\n"
            + "  " + bare + ": cannot import numpy (ModuleNotFoundError: No module named 'numpy')\n"
            + "install the missing packages, or pass --python PATH");
  }

  @Test
  void saysWhenTheExplicitInterpreterIsNotPython() throws Exception {
    writeSpec("[]");
    Path notPython = JobFixture.script(temp.resolve("fake/python3"), "#!/bin/sh\necho nope >&2\nexit 4\n");

    assertThatThrownBy(() -> new JobRunner(TestCaller.in(temp).context()).run(RunRequest.of(job).withPython(notPython)))
        .hasMessageContaining(notPython + ": not a working Python 3 (exit 4: nope)");
    assertThatThrownBy(() -> new JobRunner(TestCaller.in(temp).context()).run(RunRequest.of(job).withPython(temp.resolve("missing"))))
        .hasMessageContaining(temp.resolve("missing") + ": cannot run:");
  }

  private void writeSpec(String imports) {
    JobFixture.write(job.resolve("lockstep.yaml"), "version: 1\nseed: 0\npython:\n  imports: " + imports + "\n");
  }

  private static String path(Path... interpreters) {
    StringBuilder path = new StringBuilder();
    for (Path interpreter : interpreters) {
      path.append(path.length() == 0 ? "" : ":").append(interpreter.getParent());
    }
    return path.toString();
  }
}
