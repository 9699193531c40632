package dev.lockstep.extractor.emit;

import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.InputSpec;
import dev.lockstep.extractor.plan.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files that let a stranger run the job with only a JDK and Python: {@code RunJob.java}, one
 * typed option per lifted parameter and input, and the runtime jar it runs the job with.
 */
public final class LauncherFiles {
    public static final String LAUNCHER = "RunJob.java";

    private LauncherFiles() {
    }

    public static Map<String, byte[]> render(ExtractionPlan plan) {
        Map<String, byte[]> files = new TreeMap<>();
        List<RunJobOption> options = new ArrayList<>();
        for (Param param : JobRenderer.sortedParams(plan)) {
            options.add(new RunJobOption(param.name(), RunJobOption.Kind.PARAM, param.type(),
                    YamlScalars.value(param.value()).replaceAll("^\"|\"$", ""),
                    "parameter lifted from notebook cell " + param.cell() + ", line " + param.line() + " (" + param.source() + ")"));
        }
        for (InputSpec input : JobRenderer.sortedInputs(plan)) {
            options.add(new RunJobOption(input.name(), RunJobOption.Kind.INPUT, "path", input.bound() ? input.path() : null,
                    "input the notebook read as " + input.original() + " (" + JobRenderer.readAt(input) + ")"));
        }
        String title = plan.notebookName().replaceAll("\\.ipynb$", "");
        files.put(LAUNCHER, Templates.utf8(RunJobGenerator.generate(title, options)));
        files.put(RuntimeJar.JOB_PATH, runtimeJar());
        return files;
    }

    /** Read once per process: every job of one Lockstep build carries the same bytes. */
    private static byte[] runtimeJar() {
        return RuntimeJarBytes.BYTES.clone();
    }

    private static final class RuntimeJarBytes {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try (java.io.InputStream in = RuntimeJar.open()) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
