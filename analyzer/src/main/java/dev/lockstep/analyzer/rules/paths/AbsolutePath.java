package dev.lockstep.analyzer.rules.paths;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.Locale;
import java.util.Set;

/**
 * LS201: string literals that are absolute local paths. Paths under the roots where people keep
 * data ({@code /home}, {@code /Users}, {@code /mnt}, {@code /kaggle}, Windows drives...) are
 * flagged anywhere; other absolute paths only where they are clearly used as paths (passed to
 * a file function, or bound to a name like {@code data_dir}), so URL paths such as
 * {@code "/api/v1"} are left alone. System paths ({@code /dev/null}, {@code /tmp}) are fine.
 */
@RuleInfo(id = "LS201", name = "absolute-path", category = Category.PATHS,
        severity = Severity.ERROR, remedy = Remedy.LIFTED,
        summary = "String literal that is an absolute local path (/home/.., /Users/.., C:\\.., /mnt/.., /content/.., /kaggle/..)")
public final class AbsolutePath implements Rule {

    /** Functions and methods whose arguments are file paths. */
    static final Set<String> FILE_FUNCTIONS = Set.of("open", "read_csv", "read_table", "read_parquet", "read_json",
            "read_excel", "read_feather", "read_pickle", "read_hdf", "read_orc", "load", "save", "loadtxt", "savetxt",
            "genfromtxt", "savez", "savez_compressed", "to_csv", "to_parquet", "to_json", "to_excel", "to_pickle",
            "to_feather", "to_hdf", "dump", "Path", "PurePath", "PosixPath", "listdir", "scandir", "walk", "glob",
            "iglob", "makedirs", "mkdir", "exists", "isfile", "isdir", "join", "imread", "imwrite", "imsave",
            "savefig", "from_pretrained", "save_pretrained", "load_dataset", "load_from_disk", "save_to_disk",
            "copy", "copyfile", "copytree", "move", "rmtree", "remove", "unlink", "chdir", "File", "ZipFile",
            "load_model", "save_model", "read_image", "open_dataset", "ImageFolder", "DatasetFolder",
            "SummaryWriter", "load_img", "read_file", "TFRecordDataset", "list_files", "hf_hub_download");

    @Override
    public void check(RuleContext context) {
        for (AnalyzedCell cell : context.notebook().pythonCells()) {
            for (StringLiteralSites.Literal literal : StringLiteralSites.of(cell)) {
                String text = literal.text();
                if (LocalPaths.isUserDataPath(text)
                        || (LocalPaths.isAbsoluteNonSystemPath(text) && usedAsPath(literal.node()))) {
                    context.report(cell, literal.node(), message(text));
                }
            }
            for (Magic magic : cell.magics()) {
                if (magic.kind() != MagicKind.SHELL && magic.kind() != MagicKind.LINE_MAGIC) {
                    continue;
                }
                for (String token : magic.arguments().split("\\s+")) {
                    String path = token.replaceAll("^['\"]|['\"]$", "");
                    if (LocalPaths.isUserDataPath(path)) {
                        context.report(cell, magic, message(path));
                        break;
                    }
                }
            }
        }
    }

    private static String message(String path) {
        String shown = path.length() > 60 ? path.substring(0, 57) + "..." : path;
        return "absolute path '" + shown + "' exists only on one machine: use a path relative to the project "
                + "(extract lifts it into a declared input or output)";
    }

    /** Whether the literal is an argument of a file function, or bound to a path-like name. */
    static boolean usedAsPath(SyntaxNode literal) {
        SyntaxNode parent = literal.parent();
        if (parent != null && parent.is("keyword_argument")) {
            parent = parent.parent();
        }
        if (parent != null && parent.is("argument_list") && parent.parent() != null && parent.parent().is("call")) {
            SyntaxNode callee = parent.parent().child("function");
            String name = callee == null ? "" : callee.is("attribute") && callee.child("attribute") != null
                    ? callee.child("attribute").text() : callee.text();
            return FILE_FUNCTIONS.contains(name);
        }
        if (parent != null && parent.is("assignment") && parent.child("left") != null) {
            String target = parent.child("left").text().toLowerCase(Locale.ROOT);
            return target.endsWith("path") || target.endsWith("dir") || target.endsWith("file")
                    || target.endsWith("folder") || target.endsWith("root") || target.endsWith("_fn")
                    || target.endsWith("filename") || target.endsWith("directory");
        }
        return false;
    }
}
