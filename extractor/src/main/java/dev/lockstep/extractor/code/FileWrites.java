package dev.lockstep.extractor.code;

import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.Set;

/**
 * Recognises calls that write files: what a notebook saves is what its job must reproduce.
 */
public final class FileWrites {
    private FileWrites() {
    }

    /** Library functions that write a file, by qualified name, with the position of their path argument. */
    private static final java.util.Map<String, Integer> WRITER_FUNCTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("torch.save", 1),
            java.util.Map.entry("torch.jit.save", 1),
            java.util.Map.entry("numpy.save", 0),
            java.util.Map.entry("numpy.savez", 0),
            java.util.Map.entry("numpy.savez_compressed", 0),
            java.util.Map.entry("numpy.savetxt", 0),
            java.util.Map.entry("joblib.dump", 1),
            java.util.Map.entry("pickle.dump", 1),
            java.util.Map.entry("json.dump", 1),
            java.util.Map.entry("yaml.dump", 1),
            java.util.Map.entry("yaml.safe_dump", 1),
            java.util.Map.entry("shutil.copy", 1),
            java.util.Map.entry("shutil.copy2", 1),
            java.util.Map.entry("shutil.copyfile", 1),
            java.util.Map.entry("shutil.copytree", 1),
            java.util.Map.entry("shutil.move", 1),
            java.util.Map.entry("safetensors.torch.save_file", 1),
            java.util.Map.entry("safetensors.numpy.save_file", 1),
            java.util.Map.entry("scipy.io.savemat", 0),
            java.util.Map.entry("cv2.imwrite", 0),
            java.util.Map.entry("imageio.imwrite", 0),
            java.util.Map.entry("matplotlib.pyplot.savefig", 0),
            java.util.Map.entry("tensorflow.saved_model.save", 1),
            java.util.Map.entry("tensorflow.keras.models.save_model", 1),
            java.util.Map.entry("keras.models.save_model", 1));

    /** Methods that write to a path given as their first argument, whatever the receiver. */
    private static final Set<String> WRITER_METHODS = Set.of("to_csv", "to_parquet", "to_json", "to_excel", "to_pickle",
            "to_feather", "to_hdf", "to_netcdf", "to_stata", "to_orc", "save", "save_pretrained", "save_model",
            "savefig", "write_text", "write_bytes", "save_to_disk", "to_file", "save_weights", "export");

    /** Whether the call writes a file. */
    public static boolean isWrite(CallSite call) {
        return pathArgument(call) != null || isOpenForWriting(call);
    }

    /**
     * The argument that names the file written, or null when the call writes nothing (a
     * {@code to_csv()} without a path returns a string).
     */
    public static SyntaxNode pathArgument(CallSite call) {
        String name = call.qualifiedName();
        if (name != null && WRITER_FUNCTIONS.containsKey(name)) {
            int position = WRITER_FUNCTIONS.get(name);
            SyntaxNode argument = call.argument(position, position == 0 ? "file" : "f");
            if (argument == null) {
                argument = call.keyword("path") != null ? call.keyword("path") : call.keyword("fname");
            }
            return argument;
        }
        String method = call.methodName();
        if (method != null && WRITER_METHODS.contains(method) && call.receiver() != null) {
            if (method.equals("write_text") || method.equals("write_bytes")) {
                return call.receiver();
            }
            SyntaxNode argument = call.argument(0, "path_or_buf");
            if (argument == null) {
                for (String keyword : new String[] {"path", "fname", "filepath", "save_directory", "output_dir", "filename", "dataset_path"}) {
                    if (call.keyword(keyword) != null) {
                        return call.keyword(keyword);
                    }
                }
            }
            return argument;
        }
        if (isOpenForWriting(call)) {
            return call.argument(0, "file");
        }
        return null;
    }

    /** {@code open(path, "w")}, {@code "wb"}, {@code "a"}, {@code "x"}; also {@code Path.open("w")}. */
    public static boolean isOpenForWriting(CallSite call) {
        boolean open = call.is("builtins.open", "io.open", "codecs.open")
                || ("open".equals(call.methodName()) && call.receiver() != null && call.qualifiedName() == null);
        if (!open) {
            return false;
        }
        SyntaxNode mode = call.receiver() != null && call.qualifiedName() == null ? call.argument(0, "mode")
                : call.argument(1, "mode");
        String value = mode == null ? null : StringLiterals.value(mode);
        return value != null && (value.contains("w") || value.contains("a") || value.contains("x"));
    }
}
