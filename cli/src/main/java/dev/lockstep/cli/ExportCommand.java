package dev.lockstep.cli;

import dev.lockstep.packaging.PackagingException;
import dev.lockstep.packaging.kubernetes.KubernetesJobExporter;
import dev.lockstep.runtime.record.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep export DIR --kubernetes}: a Kubernetes Job for the built image. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a Kubernetes batch/v1 Job that runs the job's image by digest (from DIR/lockstep.image.json, written by"
                    + " lockstep build): GPUs from lockstep.yaml's hardware (nvidia.com/gpu), each input mounted read-only"
                    + " from a PersistentVolumeClaim you name at the path the image checks, runs/ on an output claim, each"
                    + " secret from one named Secret by key (values never written).",
            "Exit 0: written. 2: bad usage, no image built, an input without a volume, secrets without --secret."
        })
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The job directory.")
    Path jobDirectory;

    @Option(names = "--kubernetes", required = true, description = "Export a Kubernetes Job (the only format so far).")
    boolean kubernetes;

    @Option(names = "--image", paramLabel = "REGISTRY/NAME",
            description = "Where the image was pushed (default: the registry reference build pushed to); the digest is kept.")
    String image;

    @Option(names = "--input", paramLabel = "NAME=CLAIM[/PATH]",
            description = "The PersistentVolumeClaim holding an input, and the file's path inside it. One per input.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--output-claim", required = true, paramLabel = "CLAIM",
            description = "The PersistentVolumeClaim mounted at /job/runs, where records, outputs and provenance go.")
    String outputClaim;

    @Option(names = "--secret", paramLabel = "NAME",
            description = "The Secret holding each of lockstep.yaml's secrets under the variable's name.")
    String secret;

    @Option(names = "--name", paramLabel = "NAME", description = "The Job's name (default: from the notebook's name).")
    String name;

    @Option(names = "--namespace", paramLabel = "NAMESPACE", description = "The Job's namespace (default: none written).")
    String namespace;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the manifest here (default: stdout).")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> claims = new TreeMap<>();
        for (String input : inputs) {
            int equals = input.indexOf('=');
            if (equals <= 0 || equals == input.length() - 1 || claims.put(input.substring(0, equals), input.substring(equals + 1)) != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--input expects NAME=CLAIM[/PATH], each input once, got '" + input + "'");
            }
        }
        try {
            Path job = jobDirectory.toAbsolutePath().normalize();
            String yaml = KubernetesJobExporter.yaml(new KubernetesJobExporter().export(new KubernetesJobExporter.Request(job,
                    name != null ? name : KubernetesJobExporter.defaultName(job), Optional.ofNullable(image), claims,
                    outputClaim, Optional.ofNullable(secret), Optional.ofNullable(namespace))));
            if (output == null) {
                out.print(yaml);
                out.flush();
            } else {
                AtomicFiles.write(output.toAbsolutePath(), yaml);
                out.println("wrote " + output);
            }
            return ExitCodes.OK;
        } catch (PackagingException e) {
            err.println("lockstep: " + e.getMessage().replace("\n", "\n  "));
            return e.isUsage() ? ExitCodes.USAGE : 1;
        } catch (IOException e) {
            err.println("lockstep: cannot write " + output + ": " + e.getMessage());
            return 1;
        }
    }
}
