package dev.lockstep.analyzer.rules.paths;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.Position;
import dev.lockstep.analyzer.facts.io.IoAccess;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LS204: data read from the network or an object store with nothing that checks it is the
 * data the notebook was run on: {@code wget}/{@code curl} and cloud copy commands, HTTP clients
 * ({@code requests.get}, {@code urlopen}...), readers given a URL ({@code pd.read_csv(url)},
 * {@code s3://}, {@code gs://}, {@code hf://}), object-store SDK downloads (boto3, Google Cloud
 * Storage, Azure, fsspec), and downloaders that can verify a hash but were given none
 * ({@code get_file} without {@code file_hash}, {@code download_url_to_file} without
 * {@code hash_prefix}, {@code pooch.retrieve(url, None)}).
 *
 * <p>Silent when a checksum is verified next to the download (the same cell or the next code
 * cell compares a hashlib digest, calls a helper that does, or runs {@code sha256sum -c}), and
 * when the location is content-addressed (a full git commit or sha256 in it). Model and dataset
 * hub downloads are LS402/LS403's.
 */
@RuleInfo(id = "LS204", name = "unhashed-remote-input", category = Category.PATHS,
        severity = Severity.WARNING, remedy = Remedy.LIFTED,
        summary = "Data read from a URL or object store (http(s)://, s3://, gs://, wget, requests.get, read_csv(url), "
                + "get_file without hash) with no checksum")
public final class UnhashedRemoteInput implements Rule {

    /** HTTP clients: whatever they fetch is remote. */
    private static final Set<String> HTTP_GETS = Set.of("requests.get", "requests.api.get", "httpx.get",
            "urllib.request.urlopen", "urllib.request.urlretrieve", "urllib.urlopen", "urllib.urlretrieve",
            "urllib2.urlopen", "six.moves.urllib.request.urlopen", "six.moves.urllib.request.urlretrieve",
            "wget.download", "gdown.download", "gdown.download_folder", "opendatasets.download");
    private static final Set<String> HTTP_REQUESTS = Set.of("requests.request", "requests.api.request", "httpx.request");
    private static final Set<String> SESSIONS = Set.of("requests.Session", "requests.session",
            "requests.sessions.Session", "httpx.Client");

    /** Downloaders that verify a hash when given one: the arguments that carry it. */
    private record HashArgument(String keyword, int position) {
    }

    private static final List<HashArgument> GET_FILE_HASHES = List.of(new HashArgument("md5_hash", 3),
            new HashArgument("file_hash", 4));
    private static final Map<String, List<HashArgument>> VERIFYING = Map.of(
            "tensorflow.keras.utils.get_file", GET_FILE_HASHES,
            "keras.utils.get_file", GET_FILE_HASHES,
            "tf_keras.utils.get_file", GET_FILE_HASHES,
            "keras.utils.data_utils.get_file", GET_FILE_HASHES,
            "torch.hub.download_url_to_file", List.of(new HashArgument("hash_prefix", 2)),
            "torchvision.datasets.utils.download_url", List.of(new HashArgument("md5", 3)),
            "torchvision.datasets.utils.download_and_extract_archive", List.of(new HashArgument("md5", 4)),
            "pooch.retrieve", List.of(new HashArgument("known_hash", 1)),
            "gdown.cached_download", List.of(new HashArgument("md5", 2), new HashArgument("hash", -1)));

    /** Readers that take a location: a URL given to them is read over the network. */
    private static final Set<String> READERS = Set.of("numpy.loadtxt", "numpy.genfromtxt", "pyarrow.parquet.read_table",
            "pyarrow.parquet.ParquetDataset", "pyarrow.csv.read_csv", "pyarrow.dataset.dataset", "xarray.open_dataset",
            "xarray.open_mfdataset", "xarray.open_zarr", "zarr.open", "fsspec.open", "fsspec.open_files",
            "smart_open.open", "tensorflow.io.gfile.GFile", "tensorflow.data.TFRecordDataset");
    private static final List<String> READER_PREFIXES = List.of("pandas.read_", "polars.read_", "polars.scan_",
            "dask.dataframe.read_");
    private static final List<String> LOCATION_KEYWORDS = List.of("filepath_or_buffer", "path", "path_or_buf", "io",
            "source", "urlpath", "url", "file", "fname", "filename", "uri", "store", "paths");

    /** Object-store SDK methods that copy data out of the store. */
    private static final Set<String> BOTO_METHODS = Set.of("download_file", "download_fileobj", "get_object", "get");
    private static final Set<String> CLOUD_METHODS = Set.of("download_to_filename", "download_as_bytes",
            "download_as_string", "download_as_text", "download_to_file", "download_blob");
    private static final Set<String> FILESYSTEM_METHODS = Set.of("get", "get_file", "download", "open", "cat",
            "cat_file", "read_text", "read_bytes", "read_block");
    private static final List<String> FILESYSTEM_ORIGINS = List.of("fsspec.", "s3fs.", "gcsfs.", "adlfs.");

    private static final Set<String> SUBPROCESS = Set.of("os.system", "os.popen", "subprocess.run", "subprocess.call",
            "subprocess.check_call", "subprocess.check_output", "subprocess.Popen", "subprocess.getoutput",
            "subprocess.getstatusoutput");
    private static final Set<String> SHELL_CELL_MAGICS = Set.of("bash", "sh", "script", "system");

    private static final Pattern SHELL_CHECKSUM = Pattern.compile(
            "\\b(sha1sum|sha224sum|sha256sum|sha384sum|sha512sum|md5sum|shasum|b2sum)\\b.*(\\s-c\\b|--check|\\bgrep\\b|==|!=|\\bdiff\\b)"
                    + "|\\b(grep|test|\\[)\\b.*\\b(sha1sum|sha256sum|sha512sum|md5sum|shasum|b2sum)\\b");
    private static final Pattern HASH_WORDS = Pattern.compile(
            "(?i)(hashlib|hexdigest|digest\\(|(?<![a-z])sha(1|224|256|384|512)?(?![a-z])|(?<![a-z])md5(?![a-z])|checksum"
                    + "|(?<![a-z])hash(?![a-z])|crc32|blake2)");
    private static final Pattern VERIFY_CALL = Pattern.compile("(?i)(verify|check|validate)_?(file_?)?(integrity|checksum|hash|md5|sha\\d*|digest)");

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        Set<Integer> verifying = verifyingCells(notebook);
        for (CallSite call : notebook.calls()) {
            String message = pythonDownload(notebook, call);
            if (message != null && !isVerifiedNear(notebook, call.cell(), verifying)) {
                context.report(call.cell(), call.node(), message);
            }
        }
        for (AnalyzedCell cell : notebook.pythonCells()) {
            if (isVerifiedNear(notebook, cell, verifying)) {
                continue;
            }
            for (Magic magic : cell.magics()) {
                if (magic.kind() == MagicKind.SHELL
                        || (magic.kind() == MagicKind.LINE_MAGIC && (magic.name().equals("sx") || magic.name().equals("system")))) {
                    String command = magic.kind() == MagicKind.SHELL ? magic.commandLine() : magic.arguments();
                    String download = shellDownload(command, magic.assignedTo() != null);
                    if (download != null) {
                        context.report(cell, magic, shellMessage(download));
                    }
                } else if (magic.kind() == MagicKind.CELL_MAGIC && SHELL_CELL_MAGICS.contains(magic.name())
                        && !magic.bodyIsPython() && isShellScript(magic)) {
                    String[] lines = magic.body().split("\n", -1);
                    for (int k = 0; k < lines.length; k++) {
                        String download = shellDownload(lines[k], false);
                        if (download != null) {
                            String line = lines[k].replace("\r", "");
                            int indent = line.length() - line.stripLeading().length();
                            int number = magic.line() + 1 + k;
                            context.report(cell, new Position(number, indent + 1, number,
                                    line.codePointCount(0, line.length()) + 1), shellMessage(download));
                        }
                    }
                }
            }
        }
    }

    private static boolean isShellScript(Magic magic) {
        return !magic.name().equals("script") || magic.arguments().matches("(?s)\\s*(bash|sh|zsh)\\b.*");
    }

    // ------------------------------------------------------------------ Python calls

    /**
     * {@code load_dataset("parquet", data_files="hf://datasets/...")}: a packaged builder reading
     * files from a URL, the Hub's file system or an object store. The Hub repository id form
     * ({@code load_dataset("org/name")}) is LS403's; here only the remote {@code data_files}.
     */
    private static String remoteDataFiles(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode dataFiles) {
        if (dataFiles == null) {
            return null;
        }
        List<SyntaxNode> items = new ArrayList<>();
        if (dataFiles.is("dictionary")) {
            for (SyntaxNode pair : dataFiles.namedChildren()) {
                if (pair.is("pair") && pair.child("value") != null) {
                    items.add(pair.child("value"));
                }
            }
        } else {
            items.add(dataFiles);
        }
        for (SyntaxNode item : items) {
            List<String> locations = new ArrayList<>();
            if (item.is("list") || item.is("tuple")) {
                for (SyntaxNode element : item.namedChildren()) {
                    locations.add(notebook.facts().values().template(cell, element));
                }
            } else {
                locations.add(notebook.facts().values().template(cell, item));
            }
            for (String value : locations) {
                if (RemoteLocations.isRemote(value) && !RemoteLocations.isContentAddressed(value)) {
                    return "load_dataset() reads data_files from " + RemoteLocations.shown(value) + " with no checksum: "
                            + "the files can change or vanish between runs; pin a commit (hf://...@<commit>/...) or "
                            + "download them once and verify their sha256";
                }
            }
        }
        return null;
    }

    /** The finding's message when the call reads remote data unchecked, else null. */
    private static String pythonDownload(AnalyzedNotebook notebook, CallSite call) {
        String name = call.qualifiedName();
        AnalyzedCell cell = call.cell();
        if (name != null && HTTP_GETS.contains(name)) {
            return httpMessage(notebook, cell, name, call.argument(0, "url"));
        }
        if (name != null && HTTP_REQUESTS.contains(name)) {
            String method = StringLiterals.value(call.argument(0, "method"));
            if (method != null && !method.equalsIgnoreCase("GET")) {
                return null;
            }
            return httpMessage(notebook, cell, name, call.argument(1, "url"));
        }
        if (name == null && call.receiverOrigin() != null && SESSIONS.contains(call.receiverOrigin())
                && Set.of("get", "request", "stream").contains(call.methodName())) {
            int position = call.methodName().equals("get") ? 0 : 1;
            return httpMessage(notebook, cell, call.receiverOrigin() + "." + call.methodName(),
                    call.argument(position, "url"));
        }
        if (name != null && VERIFYING.containsKey(name)) {
            return verifyingDownloadMessage(notebook, call, name);
        }
        if (name != null && name.equals("torch.hub.load_state_dict_from_url")) {
            SyntaxNode check = call.argument(4, "check_hash");
            if (call.hasStarArgs() || (check != null && check.text().equals("True"))) {
                return null;
            }
            return remoteMessage(notebook, cell, name + "()", call.argument(0, "url"),
                    "pass check_hash=True with a hash-named file, or verify its sha256");
        }
        if (name != null && (name.equals("kagglehub.dataset_download") || name.equals("kagglehub.model_download"))) {
            String handle = notebook.facts().values().template(cell, call.argument(0, "handle"));
            if (handle == null || handle.contains("/versions/")) {
                return null;
            }
            return name + "('" + handle + "') downloads the latest version with no checksum: the data can change "
                    + "between runs; pin it with '/versions/N' (extract declares it as an input to bind)";
        }
        if (name != null && name.equals("datasets.load_dataset")) {
            return remoteDataFiles(notebook, cell, call.keyword("data_files"));
        }
        if (name != null && name.equals("seaborn.load_dataset")) {
            String dataset = notebook.facts().values().template(cell, call.argument(0, "name"));
            if (call.keyword("data_home") != null || call.keyword("cache") != null) {
                return null; // a local copy the notebook points at: what it holds is the user's business
            }
            return "seaborn.load_dataset(" + (dataset == null ? "" : "'" + dataset + "'") + ") downloads the file "
                    + "from github.com/mwaskom/seaborn-data (master branch) with no checksum: the data can change "
                    + "between runs; download it once and verify its sha256, or read a copy kept with the project";
        }
        if (name != null && isReader(name)) {
            SyntaxNode location = call.argument(0, "");
            for (String keyword : LOCATION_KEYWORDS) {
                if (location != null) {
                    break;
                }
                location = call.keyword(keyword);
            }
            return directRemoteRead(name + "()", notebook.facts().values().template(cell, location));
        }
        if (name == null && call.methodName() != null) {
            String origin = call.receiverOrigin();
            boolean boto = origin != null && (origin.startsWith("boto3") || origin.startsWith("botocore"))
                    && BOTO_METHODS.contains(call.methodName());
            boolean cloud = origin != null && (origin.startsWith("google.cloud.") || origin.startsWith("azure."))
                    && CLOUD_METHODS.contains(call.methodName());
            boolean filesystem = origin != null && FILESYSTEM_ORIGINS.stream().anyMatch(origin::startsWith)
                    && FILESYSTEM_METHODS.contains(call.methodName());
            if (filesystem) {
                String value = notebook.facts().values().template(cell, call.argument(0, "path"));
                if (value != null && !RemoteLocations.isRemote(value) && value.startsWith("/")) {
                    return null; // a local path given to a file system object
                }
                if (RemoteLocations.isContentAddressed(value)) {
                    return null;
                }
            }
            if (boto || cloud || filesystem) {
                return call.methodName() + "() copies data out of an object store with no checksum: the object can "
                        + "change between runs; verify its sha256 after download (extract declares it as an input; "
                        + "bind the file to pin its sha256)";
            }
        }
        if (name != null && SUBPROCESS.contains(name)) {
            String command = commandOf(notebook, call);
            String download = command == null ? null : shellDownload(command, name.endsWith("output") || name.equals("os.popen"));
            return download == null ? null : shellMessage(download);
        }
        return cataloguedRemoteRead(notebook, call);
    }

    /**
     * Any other call the I/O catalogue (built in, or a team's {@code [[io]]} in lockstep.toml) says
     * reads a place, when that place is a URL: the same facts extract declares inputs from.
     */
    private static String cataloguedRemoteRead(AnalyzedNotebook notebook, CallSite call) {
        for (IoAccess access : notebook.facts().io().at(call)) {
            if (!access.access().readsFiles() || access.argument() == null) {
                continue;
            }
            String message = directRemoteRead(access.api().displayName(),
                    notebook.facts().values().template(call.cell(), access.argument()));
            if (message != null) {
                return message;
            }
        }
        return null;
    }

    /** The finding for a reader given a location, when the location is a URL no content hash pins; else null. */
    private static String directRemoteRead(String reader, String location) {
        if (!RemoteLocations.isRemote(location) || RemoteLocations.isContentAddressed(location)) {
            return null;
        }
        return reader + " reads " + RemoteLocations.shown(location) + " directly with no checksum: the data can "
                + "change or vanish between runs; download it once and verify its sha256 (extract declares it as "
                + "a remote input pinned by sha256)";
    }

    private static boolean isReader(String name) {
        return READERS.contains(name) || READER_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static String httpMessage(AnalyzedNotebook notebook, AnalyzedCell cell, String name, SyntaxNode url) {
        return remoteMessage(notebook, cell, name + "()", url, "verify its sha256 after download");
    }

    private static String remoteMessage(AnalyzedNotebook notebook, AnalyzedCell cell, String what, SyntaxNode url,
            String fix) {
        String value = notebook.facts().values().template(cell, url);
        if (RemoteLocations.isContentAddressed(value)) {
            return null;
        }
        String where = value != null && value.contains("://") ? RemoteLocations.shown(value) : "a URL";
        return what + " reads data from " + where + " with no checksum: the content can change or vanish between "
                + "runs; " + fix + " (extract declares it as an input; bind the file to pin its sha256)";
    }

    private static String verifyingDownloadMessage(AnalyzedNotebook notebook, CallSite call, String name) {
        if (call.hasStarArgs()) {
            return null; // the hash may be among the hidden arguments
        }
        List<HashArgument> hashes = VERIFYING.get(name);
        for (HashArgument hash : hashes) {
            SyntaxNode value = call.argument(hash.position(), hash.keyword());
            if (value != null && !value.text().equals("None")) {
                return null;
            }
        }
        SyntaxNode url = name.endsWith("get_file") ? call.argument(1, "origin") : call.argument(0, "url");
        String keyword = hashes.get(hashes.size() == 2 && name.endsWith("get_file") ? 1 : 0).keyword();
        return remoteMessage(notebook, call.cell(), name + "()", url, "pass " + keyword + "=<sha256> so every run "
                + "checks it");
    }

    /** The command of {@code os.system("...")} or {@code subprocess.run(["wget", url])}, when literal. */
    private static String commandOf(AnalyzedNotebook notebook, CallSite call) {
        SyntaxNode argument = call.argument(0, call.qualifiedName().startsWith("os.") ? "command" : "args");
        if (argument == null) {
            return null;
        }
        if (argument.is("list") || argument.is("tuple")) {
            StringBuilder command = new StringBuilder();
            for (SyntaxNode element : argument.namedChildren()) {
                String value = notebook.facts().values().template(call.cell(), element);
                command.append(command.length() == 0 ? "" : " ").append(value == null ? "{...}" : value);
            }
            return command.toString();
        }
        return notebook.facts().values().template(call.cell(), argument);
    }

    // ------------------------------------------------------------------ shell commands

    /**
     * What a shell command downloads ({@code "wget https://host"}), or null when it downloads
     * nothing unchecked. {@code captured}: its output is kept ({@code x = !curl ...}).
     */
    static String shellDownload(String commandLine, boolean captured) {
        String line = commandLine.strip();
        if (line.isEmpty() || line.startsWith("#") || SHELL_CHECKSUM.matcher(line).find()) {
            return null;
        }
        boolean redirected = line.matches("(?s).*(\\s>{1,2}\\s*\\S|\\|).*");
        for (String segment : line.split("&&|\\|\\||;|\\|")) {
            List<String> words = words(segment);
            while (!words.isEmpty() && (words.get(0).equals("sudo") || words.get(0).equals("time")
                    || words.get(0).equals("nohup") || words.get(0).matches("[A-Za-z_]\\w*=.*"))) {
                words.remove(0);
            }
            if (words.isEmpty()) {
                continue;
            }
            String program = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
            List<String> arguments = words.subList(1, words.size());
            String found = switch (program) {
                case "wget", "aria2c", "axel" -> firstWeb(arguments);
                case "curl" -> captured || redirected || hasCurlOutput(arguments) ? firstWeb(arguments) : null;
                case "gdown" -> arguments.stream().filter(a -> !a.startsWith("-")).findFirst()
                        .map(a -> RemoteLocations.isRemote(a) ? a : "https://drive.google.com").orElse(null);
                case "gsutil", "s5cmd" -> copySource(arguments, List.of("cp", "rsync", "cat"));
                case "gcloud" -> arguments.contains("storage") ? copySource(arguments, List.of("cp", "rsync", "cat")) : null;
                case "aws" -> arguments.contains("s3") ? copySource(arguments, List.of("cp", "sync")) : null;
                case "azcopy" -> copySource(arguments, List.of("copy", "cp", "sync"));
                case "kaggle" -> arguments.size() >= 2 && arguments.get(0).equals("datasets")
                        && arguments.get(1).equals("download") ? "kaggle://datasets" : null;
                case "scp", "rsync" -> arguments.stream().filter(a -> !a.startsWith("-")).findFirst()
                        .filter(a -> a.matches("[\\w.-]+@[\\w.-]+:.*") || a.startsWith("rsync://"))
                        .map(a -> a.startsWith("rsync://") ? a : "ssh://" + a.substring(a.indexOf('@') + 1, a.indexOf(':')))
                        .orElse(null);
                default -> null;
            };
            if (found != null && !RemoteLocations.isContentAddressed(found) && !isInstallerScript(line, found)) {
                return program + " " + RemoteLocations.shown(found);
            }
        }
        return null;
    }

    /** A download piped into a shell ({@code curl -fsSL URL | sudo -E bash -}). */
    private static final java.util.regex.Pattern PIPED_TO_SHELL =
            java.util.regex.Pattern.compile("\\|\\s*(sudo\\s+(-\\S+\\s+)*)?(ba|z|da)?sh\\b");

    /**
     * An installer script ({@code wget .../setup-ngc.sh}, {@code curl ... | bash}): it sets up the
     * machine rather than bringing the data results are computed from, so it is LS501's shell
     * command, not an unhashed input.
     */
    static boolean isInstallerScript(String line, String url) {
        String path = url.replaceAll("[?#].*$", "");
        return path.endsWith(".sh") || PIPED_TO_SHELL.matcher(line).find();
    }

    private static List<String> words(String segment) {
        List<String> words = new ArrayList<>();
        for (String word : segment.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word.replaceAll("^['\"]|['\"]$", ""));
            }
        }
        return words;
    }

    private static String firstWeb(List<String> arguments) {
        for (String argument : arguments) {
            String a = argument.replaceAll("^--?[\\w-]+=", "");
            if (RemoteLocations.isWeb(a)) {
                return a;
            }
        }
        return null;
    }

    private static boolean hasCurlOutput(List<String> arguments) {
        for (String a : arguments) {
            if (a.equals("-o") || a.equals("-O") || a.startsWith("--output") || a.startsWith("--remote-name")
                    || a.matches("-[a-zA-Z]*[oO][a-zA-Z]*") || a.equals("-J")) {
                return true;
            }
        }
        return false;
    }

    /** The source of {@code cp SRC DST} when it is remote (an upload is an output, not an input). */
    private static String copySource(List<String> arguments, List<String> verbs) {
        int verb = -1;
        for (int i = 0; i < arguments.size(); i++) {
            if (verbs.contains(arguments.get(i))) {
                verb = i;
                break;
            }
        }
        if (verb < 0) {
            return null;
        }
        for (int i = verb + 1; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (a.startsWith("-")) {
                continue;
            }
            return RemoteLocations.isRemote(a) ? a : null;
        }
        return null;
    }

    private static String shellMessage(String download) {
        return download + " downloads data with no checksum: the content can change or vanish between runs; check it "
                + "with sha256sum -c (extract declares it as an input; bind the file to pin its sha256)";
    }

    // ------------------------------------------------------------------ checksum verification

    private static boolean isVerifiedNear(AnalyzedNotebook notebook, AnalyzedCell cell, Set<Integer> verifying) {
        if (verifying.contains(cell.index())) {
            return true;
        }
        for (AnalyzedCell next : notebook.cells()) {
            if (next.index() > cell.index() && next.cell().isCode()) {
                return verifying.contains(next.index());
            }
        }
        return false;
    }

    /** Cells that verify a checksum: directly, with a shell check, or by calling a helper that does. */
    private static Set<Integer> verifyingCells(AnalyzedNotebook notebook) {
        Set<String> helpers = new HashSet<>();
        for (AnalyzedCell cell : notebook.pythonCells()) {
            for (SyntaxNode function : cell.root().find(n -> n.is("function_definition"))) {
                if (function.child("name") != null && function.child("body") != null
                        && verifiesChecksum(notebook, cell, function.child("body"), Set.of())) {
                    helpers.add(function.child("name").text());
                }
            }
        }
        Set<Integer> cells = new HashSet<>();
        for (AnalyzedCell cell : notebook.pythonCells()) {
            boolean shell = false;
            for (Magic magic : cell.magics()) {
                String text = magic.commandLine() + "\n" + magic.body();
                if (SHELL_CHECKSUM.matcher(text).find()) {
                    shell = true;
                }
            }
            if (shell || verifiesChecksum(notebook, cell, cell.root(), helpers)) {
                cells.add(cell.index());
            }
        }
        return cells;
    }

    private static boolean verifiesChecksum(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode scope,
            Set<String> helpers) {
        return !scope.find(n -> {
            if (n.is("assert_statement")) {
                return HASH_WORDS.matcher(n.text()).find();
            }
            if (n.is("comparison_operator")) {
                boolean equality = n.children().stream().anyMatch(c -> c.text().equals("==") || c.text().equals("!="));
                return equality && HASH_WORDS.matcher(n.text()).find();
            }
            if (n.is("call") && n.child("function") != null) {
                SyntaxNode callee = n.child("function");
                String qualified = notebook.qualify(cell, callee);
                if ("hmac.compare_digest".equals(qualified) || "secrets.compare_digest".equals(qualified)
                        || "torchvision.datasets.utils.check_integrity".equals(qualified)
                        || "torchvision.datasets.utils.check_md5".equals(qualified)) {
                    return true;
                }
                String simple = callee.is("attribute") && callee.child("attribute") != null
                        ? callee.child("attribute").text() : callee.text();
                return VERIFY_CALL.matcher(simple).find() || (callee.is("identifier") && helpers.contains(simple));
            }
            return false;
        }).isEmpty();
    }
}
