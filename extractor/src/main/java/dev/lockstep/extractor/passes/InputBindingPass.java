package dev.lockstep.extractor.passes;

import dev.lockstep.extractor.ExtractException;
import dev.lockstep.jobformat.hash.HashManifest;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Binds inputs to files and records their sha256: those named with {@code --input NAME=PATH},
 * and relative ones found next to the notebook. An input left unbound, or read from a URL with
 * no checksum, is a blocker until bound. Bound paths are written relative to the job directory.
 */
public final class InputBindingPass implements Pass {

    @Override
    public String name() {
        return "bind-inputs";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        Map<String, Path> bindings = plan.options().inputBindings();
        TreeSet<String> known = new TreeSet<>();
        plan.inputs().forEach(i -> known.add(i.name()));
        for (String name : bindings.keySet()) {
            if (!known.contains(name)) {
                throw new ExtractException("--input " + name + ": the notebook has no input named '" + name + "'"
                        + (known.isEmpty() ? " (it reads no files)" : " (its inputs: " + String.join(", ", known) + ")"));
            }
        }
        ExtractionPlan.Builder next = plan.toBuilder();
        List<InputSpec> inputs = new ArrayList<>();
        for (InputSpec input : plan.inputs()) {
            Path bound = bindings.get(input.name());
            String how;
            if (bound != null) {
                if (!Files.exists(bound)) {
                    throw new ExtractException("--input " + input.name() + "=" + bound + ": no such file or directory");
                }
                how = "bound with --input";
            } else if (!input.remote() && plan.options().notebookDirectory() != null
                    && Files.exists(plan.options().notebookDirectory().resolve(input.path()))) {
                bound = plan.options().notebookDirectory().resolve(input.path());
                how = "found next to the notebook";
            } else {
                inputs.add(input);
                next.blocker(input.remote()
                        ? new Blocker("LS204", input.cell(), input.line(), "input '" + input.name() + "' is downloaded from "
                                + input.original() + " with no checksum",
                                "download it once and bind the file with --input " + input.name() + "=FILE (its sha256 is then checked on every run)")
                        : new Blocker("EX002", input.cell(), input.line(), "input '" + input.name() + "' ("
                                + input.original() + ") is not on this machine",
                                "bind the data with --input " + input.name() + "=PATH"));
                continue;
            }
            String sha256;
            try {
                sha256 = HashManifest.of(bound);
            } catch (IOException e) {
                throw new ExtractException("--input " + input.name() + ": cannot read " + bound + ": " + e.getMessage(), e);
            }
            String path = jobRelative(plan.options().jobDirectory(), bound);
            inputs.add(new InputSpec(input.name(), path, sha256, input.original(), input.cell(), input.line(), input.remote()));
            next.change(new Change(name(), input.cell(), input.line(),
                    "input '" + input.name() + "' bound to " + path + " (" + how + "), sha256 " + sha256.substring(0, 12)));
        }
        return next.inputs(inputs).build();
    }

    /**
     * The path written into lockstep.yaml: relative inside the job directory, else absolute. Never
     * relative to where the job was made ({@code ../../data/x.csv}): a copied job would look for
     * its data beside the copy. An absolute path keeps working wherever the job folder is copied
     * on this machine; elsewhere the job's README says how to bind it (or extract --carry-inputs).
     */
    private static String jobRelative(Path jobDirectory, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (jobDirectory != null) {
            Path job = jobDirectory.toAbsolutePath().normalize();
            if (absolute.startsWith(job) && !absolute.equals(job)) {
                return job.relativize(absolute).toString().replace('\\', '/');
            }
        }
        return absolute.toString().replace('\\', '/');
    }
}
