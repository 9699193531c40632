package dev.lockstep.extractor.emit;

import dev.lockstep.extractor.ExtractException;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.InputSpec;
import dev.lockstep.jobformat.hash.HashManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code extract --carry-inputs}: copies every bound local input into the job, under
 * {@code data/<name>/}, and points lockstep.yaml at the copy, so the job folder can be handed to
 * someone else and run as it is. The copy has the same bytes, so the recorded sha256 (a folder's
 * manifest hash) still holds.
 */
public final class InputCarrier {
    /** Where carried inputs go inside the job. */
    public static final String DATA = "data";

    private InputCarrier() {
    }

    /**
     * The plan with each bound, local input outside the job shipped into it and its path rewritten.
     *
     * @param jobDirectory where the job is being written (relative input paths are relative to it)
     */
    public static ExtractionPlan carry(ExtractionPlan plan, Path jobDirectory) {
        ExtractionPlan.Builder next = plan.toBuilder();
        List<InputSpec> inputs = new ArrayList<>();
        for (InputSpec input : plan.inputs()) {
            if (!input.bound() || input.remote() || LocalPaths.insideJob(input.path())) {
                inputs.add(input);
                continue;
            }
            Path source = jobDirectory.toAbsolutePath().normalize().resolve(input.path()).normalize();
            String base = DATA + "/" + input.name() + "/";
            String path;
            try {
                if (Files.isDirectory(source)) {
                    for (String file : HashManifest.files(source)) {
                        next.ship(base + file, source.resolve(file));
                    }
                    path = base.substring(0, base.length() - 1);
                } else {
                    path = base + source.getFileName();
                    next.ship(path, source);
                }
            } catch (IOException e) {
                throw new ExtractException("--carry-inputs: cannot read " + source + ": " + e.getMessage(), e);
            }
            inputs.add(new InputSpec(input.name(), path, input.sha256(), input.original(), input.cell(), input.line(),
                    input.remote()));
            next.change(new Change("carry-inputs", input.cell(), input.line(),
                    "input '" + input.name() + "' copied into the job as " + path));
        }
        return next.inputs(inputs).build();
    }
}
