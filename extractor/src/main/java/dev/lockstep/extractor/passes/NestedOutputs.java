package dev.lockstep.extractor.passes;

import dev.lockstep.extractor.plan.OutputSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outputs must not nest: a file (or folder) written inside a folder the job also declares as an
 * output is covered by that folder, which verify compares as a whole. Declaring both would make
 * the run folder hold one place under two names. A file can be declared before the folder that
 * holds it is (saved in cell 2, the folder saved whole in cell 4; or a folder constant moved with
 * the first file written under it), so this is decided once every output is known.
 */
final class NestedOutputs {

    /** Where a nested output lies: inside folder output {@code folder}, at {@code rest} below it. */
    record Cover(String folder, String rest) {
    }

    private NestedOutputs() {
    }

    /** Each output strictly inside a declared folder output, by name, with its outermost covering folder. */
    static Map<String, Cover> of(List<OutputSpec> outputs) {
        Map<String, Cover> covered = new LinkedHashMap<>();
        for (OutputSpec output : outputs) {
            String path = strip(output.path());
            OutputSpec outermost = null;
            for (OutputSpec folder : outputs) {
                String key = strip(folder.path());
                if (folder != output && folder.path().endsWith("/") && path.startsWith(key + "/")
                        && (outermost == null || key.length() < strip(outermost.path()).length())) {
                    outermost = folder;
                }
            }
            if (outermost != null) {
                covered.put(output.name(), new Cover(outermost.name(), path.substring(strip(outermost.path()).length() + 1)));
            }
        }
        return covered;
    }

    private static String strip(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
