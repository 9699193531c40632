package dev.lockstep.extractor.code;

import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.Map;
import java.util.Set;

/** Recognises calls that read files, and which argument names the file. */
public final class FileReads {
    private FileReads() {
    }

    /** Library functions that read a file, with the position of their path argument. */
    private static final Map<String, Integer> READER_FUNCTIONS = Map.ofEntries(
            Map.entry("numpy.load", 0), Map.entry("numpy.loadtxt", 0), Map.entry("numpy.genfromtxt", 0),
            Map.entry("numpy.fromfile", 0), Map.entry("torch.load", 0), Map.entry("torch.jit.load", 0),
            Map.entry("joblib.load", 0), Map.entry("scipy.io.loadmat", 0), Map.entry("cv2.imread", 0),
            Map.entry("imageio.imread", 0), Map.entry("imageio.v2.imread", 0), Map.entry("PIL.Image.open", 0),
            Map.entry("datasets.load_from_disk", 0), Map.entry("safetensors.torch.load_file", 0),
            Map.entry("h5py.File", 0), Map.entry("tensorflow.keras.models.load_model", 0),
            Map.entry("keras.models.load_model", 0), Map.entry("xarray.open_dataset", 0),
            Map.entry("torchvision.datasets.ImageFolder", 0), Map.entry("pyarrow.parquet.read_table", 0));

    /** pandas readers: {@code pandas.read_csv} and friends take the path first. */
    private static final Set<String> PANDAS_READERS = Set.of("read_csv", "read_table", "read_parquet", "read_json",
            "read_excel", "read_feather", "read_pickle", "read_hdf", "read_orc", "read_stata", "read_sas", "read_spss",
            "read_fwf", "read_xml");

    /** The argument naming the file read, or null when the call reads no file it names. */
    public static SyntaxNode pathArgument(CallSite call) {
        String name = call.qualifiedName();
        if (name != null) {
            Integer position = READER_FUNCTIONS.get(name);
            if (position != null) {
                return call.argument(position, "file");
            }
            if (name.startsWith("pandas.") && PANDAS_READERS.contains(name.substring(name.lastIndexOf('.') + 1))) {
                SyntaxNode argument = call.argument(0, "filepath_or_buffer");
                return argument != null ? argument : call.keyword("path");
            }
            if (name.equals("builtins.open") || name.equals("io.open")) {
                SyntaxNode mode = call.argument(1, "mode");
                String value = mode == null ? "r" : StringLiterals.value(mode);
                if (value != null && !value.contains("w") && !value.contains("a") && !value.contains("x")) {
                    return call.argument(0, "file");
                }
                return null;
            }
            if (name.equals("datasets.load_dataset")) {
                return call.keyword("data_files");
            }
        }
        if (call.receiver() != null && call.qualifiedName() == null && call.methodName() != null
                && (call.methodName().equals("read_text") || call.methodName().equals("read_bytes"))) {
            return call.receiver();
        }
        return null;
    }
}
