package dev.lockstep.extractor.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the user asked of {@code lockstep extract}.
 *
 * @param order         {@code --order}
 * @param keepAll       {@code --keep-all}: keep every code cell
 * @param determinism   false with {@code --no-determinism}: no prelude, no call-level fixes
 * @param seed          {@code --seed}: the seed written to lockstep.yaml
 * @param inputBindings {@code --input NAME=PATH}, by name
 * @param paramNames    {@code --param NAME}: more literals to lift
 * @param tolerances    {@code --tolerance NAME=ATOL[,RTOL]}: per output
 * @param notebookDirectory where the notebook is (relative inputs are looked up there), or null
 * @param jobDirectory  where the job will be written (bound paths are written relative to it), or null
 * @param requirementsFile {@code --requirements FILE}: pins for the job's distributions, or null to
 *                      look for {@code <notebook>.requirements.txt} or {@code requirements.txt} beside the notebook
 */
public record ExtractOptions(
        OrderMode order,
        boolean keepAll,
        boolean determinism,
        long seed,
        Map<String, Path> inputBindings,
        List<String> paramNames,
        Map<String, OutputSpec.Comparison> tolerances,
        Path notebookDirectory,
        Path jobDirectory,
        Path requirementsFile) {

    public ExtractOptions {
        inputBindings = Map.copyOf(new TreeMap<>(inputBindings));
        paramNames = List.copyOf(paramNames);
        tolerances = Map.copyOf(tolerances);
    }

    /** The same options without a requirements file (for tests and callers that pin nothing). */
    public ExtractOptions(OrderMode order, boolean keepAll, boolean determinism, long seed, Map<String, Path> inputBindings,
            List<String> paramNames, Map<String, OutputSpec.Comparison> tolerances, Path notebookDirectory, Path jobDirectory) {
        this(order, keepAll, determinism, seed, inputBindings, paramNames, tolerances, notebookDirectory, jobDirectory, null);
    }

    public static ExtractOptions defaults() {
        return new ExtractOptions(OrderMode.AUTO, false, true, 0, Map.of(), List.of(), Map.of(), null, null, null);
    }
}
