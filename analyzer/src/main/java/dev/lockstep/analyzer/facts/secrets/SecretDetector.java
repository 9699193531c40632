package dev.lockstep.analyzer.facts.secrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in text: by their own shape (Hugging Face, OpenAI, Anthropic, AWS, GitHub,
 * GitLab, Slack and Google keys, PEM private keys), and by the name they are bound to
 * ({@code password="..."}, {@code api_key: '...'}, {@code AWS_SECRET_ACCESS_KEY=...}),
 * never counting placeholders ({@code ""}, {@code "xxx"}, {@code "<your-token>"},
 * {@code "YOUR_API_KEY"}, {@code "changeme"}).
 *
 * <p>Used by LS601 (source), LS602 (saved outputs), by reports to redact code frames, and by
 * the extractor, which replaces each match's span with a read of its
 * {@link SecretMatch#environmentVariable()}. Stateless; every method is pure.
 *
 * <p>Precision first: a shaped credential must have its exact prefix and length and look
 * random (mixed letter cases or digits); a named one must be bound to a credential name and
 * be a single word that is not a placeholder, a path, a URL or an environment variable name.
 */
public final class SecretDetector {
    private SecretDetector() {
    }

    /**
     * A credential's shape. {@code anchors}: literal strings of which every match contains one,
     * so text without any of them is skipped without running the pattern (most text, cheaply).
     */
    private record Shape(SecretKind kind, Pattern pattern, boolean mustLookRandom, String... anchors) {
        boolean mayMatch(String text) {
            for (String anchor : anchors) {
                if (text.contains(anchor)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Credentials recognised by their own shape. Groups: {@code prefix} (public part) and {@code body}. */
    private static final List<Shape> SHAPES = List.of(
            new Shape(SecretKind.HUGGING_FACE_TOKEN,
                    Pattern.compile("(?<![A-Za-z0-9_])(?<prefix>hf_)(?<body>[A-Za-z0-9]{30,40})(?![A-Za-z0-9_])"), true, "hf_"),
            new Shape(SecretKind.ANTHROPIC_API_KEY, Pattern.compile(
                    "(?<![A-Za-z0-9_-])(?<prefix>sk-ant-(?:api|admin|sid)\\d{2}-)(?<body>[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])"),
                    true, "sk-ant-"),
            new Shape(SecretKind.OPENAI_API_KEY, Pattern.compile(
                    "(?<![A-Za-z0-9_-])(?<prefix>sk-(?:proj-|svcacct-|admin-)?)(?!ant-)(?<body>[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])"),
                    true, "sk-"),
            // AWS key ids are base32: a random one often lacks a digit, so no randomness test.
            new Shape(SecretKind.AWS_ACCESS_KEY_ID,
                    Pattern.compile("(?<![A-Za-z0-9])(?<prefix>AKIA|ASIA)(?<body>[A-Z0-9]{16})(?![A-Za-z0-9])"), false, "AKIA", "ASIA"),
            new Shape(SecretKind.GITHUB_TOKEN,
                    Pattern.compile("(?<![A-Za-z0-9_])(?<prefix>gh[pousr]_)(?<body>[A-Za-z0-9]{36})(?![A-Za-z0-9_])"), true,
                    "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
            new Shape(SecretKind.GITHUB_TOKEN,
                    Pattern.compile("(?<![A-Za-z0-9_])(?<prefix>github_pat_)(?<body>[A-Za-z0-9_]{50,})(?![A-Za-z0-9_])"), true, "github_pat_"),
            new Shape(SecretKind.GITLAB_TOKEN,
                    Pattern.compile("(?<![A-Za-z0-9_-])(?<prefix>glpat-)(?<body>[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])"), true, "glpat-"),
            new Shape(SecretKind.SLACK_TOKEN,
                    Pattern.compile("(?<![A-Za-z0-9_-])(?<prefix>xox[bpas]-)(?<body>[A-Za-z0-9-]{10,})(?![A-Za-z0-9_-])"), true, "xox"),
            new Shape(SecretKind.GOOGLE_API_KEY,
                    Pattern.compile("(?<![A-Za-z0-9_-])(?<prefix>AIza)(?<body>[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])"), true, "AIza"));

    private static final Pattern PEM_HEADER = Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----");
    private static final Pattern PEM_FOOTER = Pattern.compile("-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----");

    /** {@code scheme://user:password@host}. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "(?<scheme>[A-Za-z][A-Za-z0-9+.-]{1,30})://(?<user>[^\\s:/@'\"{}]*):(?<password>[^\\s@/'\"]+)@[^\\s/'\"@]+");

    /** {@code password=...} inside a connection string ({@code "host=db user=me password=..."}). */
    private static final Pattern DSN_PASSWORD = Pattern.compile(
            "(?i)(?:^|[\\s;])(?:password|pwd)\\s*=\\s*(?<value>[^\\s;'\"]+)");

    /** {@code Bearer <credential>} as the whole value of an authorization header. */
    private static final Pattern AUTHORIZATION_VALUE = Pattern.compile(
            "(?i)^\\s*(?<scheme>Bearer|Token|Basic|Bot)\\s+(?<value>[A-Za-z0-9._~+/=-]{8,})\\s*$");

    /** {@code Authorization: Bearer <credential>} in printed text. */
    private static final Pattern AUTHORIZATION_TEXT = Pattern.compile(
            "(?i)\\b(?:proxy-)?authorization['\"]?\\s*[:=]\\s*['\"]?(?:Bearer|Token|Basic|Bot)\\s+(?<value>[A-Za-z0-9._~+/=-]{8,})");

    /** {@code name = "value"}, {@code 'name': 'value'} as printed by Python (reprs, logs, configs). */
    private static final Pattern QUOTED_PAIR = Pattern.compile(
            "(?<![A-Za-z0-9_])(?<q>['\"]?)(?<name>[A-Za-z_][A-Za-z0-9_.-]*)\\k<q>\\s*[:=]\\s*(?<vq>['\"])(?<value>[^'\"\\r\\n]*)\\k<vq>");

    /** {@code NAME=value} lines: {@code env} output, {@code .env} files, {@code ~/.aws/credentials}. */
    private static final Pattern ASSIGNMENT_LINE = Pattern.compile(
            "(?m)^[ \\t]*(?:export[ \\t]+|%env[ \\t]+|!export[ \\t]+)?(?<name>[A-Za-z_][A-Za-z0-9_]*)[ \\t]*=[ \\t]*(?<value>[A-Za-z0-9_./+=:@!#%^&*~-]+)[ \\t]*\\r?$");

    private static final Pattern PASSWORD_NAME = Pattern.compile("(?:.*_)?(?:password|passwd|passphrase)");
    private static final Pattern TOKEN_NAME = Pattern.compile("(?:(?:.*_)?(?:access|auth|api|hf|hub|huggingface"
            + "|hugging_face|bearer|github|gh|gitlab|slack|bot|refresh|oauth|session|security|personal_access|private"
            + "|secret|client|id|discord|telegram|wandb|kaggle|openai|jwt|notion|replicate|cohere)_?)?token");
    private static final Pattern API_KEY_NAME = Pattern.compile(
            "(?:.*_)?(?:api_?key|apikey|access_key_secret|license_key|auth_key|subscription_key|master_key)");
    private static final Pattern SECRET_NAME = Pattern.compile("(?:.*_)?(?:secret|secret_?key|client_secret|private_key)");
    private static final Pattern AWS_SECRET_NAME = Pattern.compile("(?:.*_)?secret_access_key");
    private static final Pattern AUTHORIZATION_NAME = Pattern.compile("(?:proxy_)?authorization");

    /** Words that mark a shaped credential as a stand-in ({@code hf_YOUR_TOKEN_HERE...}). */
    private static final Pattern SHAPED_PLACEHOLDER = Pattern.compile(
            "EXAMPLE|(?i:your|placeholder|replace|redacted|dummy|insert|changeme|xxxx)");

    /** Values that mark a named credential as a stand-in. */
    private static final Pattern NAMED_PLACEHOLDER_WORD = Pattern.compile("(?i)^(?:x+|\\*+|\\.+|-+|_+|none|null|nil"
            + "|true|false|yes|no|on|off|test|testing|secret|secrets|password|passwd|pass|token|apikey|api_key|key|changeme"
            + "|change_me|change-me|todo|tbd|fixme|dummy|example|sample|default|placeholder|redacted|hidden|masked|foo|bar"
            + "|baz|foobar|required|optional|env|auto|empty|unset|string|str)$");
    private static final Pattern NAMED_PLACEHOLDER_PART = Pattern.compile(
            "(?i)your|placeholder|replace|redacted|insert|changeme|change_me|dummy|example|xxx|\\*\\*\\*|\\.\\.\\.|…|[<>{}$]|%s|%\\(");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$");
    private static final Pattern FILE_LIKE = Pattern.compile(
            "(?i)^(?:/|\\./|\\.\\./|~).*|.*\\.(?:txt|json|ya?ml|env|pem|key|cfg|ini|toml|pkl|secret|secrets|pub|crt|p12|pfx)$");
    private static final Pattern URL_LIKE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    /** Services whose name goes in front of a generic variable name ({@code openai} + {@code api_key}). */
    private static final Map<String, String> SERVICE_PREFIXES = Map.ofEntries(
            Map.entry("openai", "OPENAI"), Map.entry("anthropic", "ANTHROPIC"), Map.entry("cohere", "COHERE"),
            Map.entry("wandb", "WANDB"), Map.entry("kaggle", "KAGGLE"), Map.entry("pinecone", "PINECONE"),
            Map.entry("replicate", "REPLICATE"), Map.entry("boto3", "AWS"), Map.entry("botocore", "AWS"),
            Map.entry("github", "GITHUB"), Map.entry("slack_sdk", "SLACK"), Map.entry("huggingface_hub", "HF"),
            Map.entry("transformers", "HF"), Map.entry("datasets", "HF"), Map.entry("peft", "HF"),
            Map.entry("sentence_transformers", "HF"), Map.entry("mistralai", "MISTRAL"), Map.entry("groq", "GROQ"),
            Map.entry("comet_ml", "COMET"), Map.entry("neptune", "NEPTUNE"), Map.entry("mlflow", "MLFLOW"));

    private static final Pattern DATABASE_SCHEME = Pattern.compile(
            "(?i)(?:postgres|postgresql|mysql|mariadb|mongodb|redis|rediss|mssql|oracle|snowflake|clickhouse|cockroachdb"
                    + "|sqlserver|db2|redshift|amqp|amqps)(?:\\+.*)?");

    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[@-_]");

    // ---------------------------------------------------------------- public API

    /**
     * Credentials recognised by their shape alone, anywhere in {@code text}: safe on any text
     * (whole cell sources, comments, markdown, outputs). Sorted by position, non-overlapping.
     */
    public static List<SecretMatch> findTokens(String text) {
        List<SecretMatch> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        for (Shape shape : SHAPES) {
            if (!shape.mayMatch(text)) {
                continue;
            }
            Matcher m = shape.pattern().matcher(text);
            while (m.find()) {
                String body = m.group("body");
                if (isShapedPlaceholder(body) || (shape.mustLookRandom() && !looksRandom(body))) {
                    continue;
                }
                found.add(new SecretMatch(shape.kind(), m.start(), m.end(), m.group(), m.group("prefix"),
                        shape.kind().environmentVariable()));
            }
        }
        findPrivateKeys(text, found);
        return disjoint(found);
    }

    /**
     * Credentials in a string value of code ({@code value} decoded, as Python sees it), bound to
     * {@code name} (a variable, attribute, keyword, dictionary key or environment variable
     * name; qualified names such as {@code openai.api_key} keep their service; null when the
     * value is not bound to a name). Finds shaped credentials, passwords in URLs and connection
     * strings, authorization headers, and the whole value when the name is a credential's.
     */
    public static List<SecretMatch> findInValue(String value, String name) {
        List<SecretMatch> found = new ArrayList<>(findTokens(value));
        if (value == null || value.isEmpty()) {
            return found;
        }
        findUrlPasswords(value, found);
        Matcher dsn = DSN_PASSWORD.matcher(value);
        boolean mayHaveDsn = value.indexOf('=') >= 0; // the pattern needs one: skip the search without it
        while (mayHaveDsn && dsn.find()) {
            if (!isPlaceholder(dsn.group("value"))) {
                found.add(new SecretMatch(SecretKind.PASSWORD, dsn.start("value"), dsn.end("value"),
                        dsn.group("value"), "", "DATABASE_PASSWORD"));
            }
        }
        String normalized = name == null ? "" : normalizeName(name);
        Matcher authorization = AUTHORIZATION_VALUE.matcher(value);
        if (authorization.matches() && (AUTHORIZATION_NAME.matcher(normalized).matches()
                || (authorization.group("scheme").equalsIgnoreCase("bearer")
                        && authorization.group("value").length() >= 16 && looksRandom(authorization.group("value"))))
                && !isPlaceholder(authorization.group("value"))) {
            found.add(new SecretMatch(SecretKind.AUTHORIZATION, authorization.start("value"), authorization.end("value"),
                    authorization.group("value"), "", environmentVariable(SecretKind.AUTHORIZATION, name)));
        }
        SecretKind named = kindOfName(normalized);
        if (named != null && found.isEmpty() && !isPlaceholder(value) && !value.equalsIgnoreCase(normalized)) {
            found.add(new SecretMatch(named, 0, value.length(), value, "", environmentVariable(named, name)));
        }
        return disjoint(found);
    }

    /**
     * Credentials in printed text (stream output, {@code text/plain}, tracebacks): shaped ones,
     * passwords in URLs, authorization headers, and values printed next to a credential's name
     * ({@code 'api_key': '...'}, {@code password="..."}, {@code AWS_SECRET_ACCESS_KEY=...}).
     * Terminal colour codes are ignored; offsets index the text as given.
     */
    public static List<SecretMatch> findInOutput(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        if (text.indexOf('\u001B') >= 0) {
            return findInOutputPlain(text, true);
        }
        return findInOutputPlain(text, false);
    }

    /** {@code text} with every credential {@link #findInOutput} finds replaced by its redacted form. */
    public static String redact(String text) {
        List<SecretMatch> matches = findInOutput(text);
        if (matches.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (SecretMatch match : matches) {
            out.append(text, at, match.start()).append(match.redacted());
            at = match.end();
        }
        return out.append(text.substring(at)).toString();
    }

    /**
     * Whether a value bound to a credential's name is a stand-in rather than a credential:
     * empty, too short, containing spaces, a placeholder word or template ({@code "xxx"},
     * {@code "<your-token>"}, {@code "{token}"}, {@code "${HF_TOKEN}"}), an environment variable
     * name ({@code "YOUR_API_KEY"}), a file path or a URL.
     */
    public static boolean isPlaceholder(String value) {
        if (value == null) {
            return true;
        }
        String v = value.strip();
        if (v.length() < 4 || !v.equals(value) || v.chars().anyMatch(Character::isWhitespace)) {
            return true;
        }
        if (v.chars().filter(c -> c != '-' && c != '_').distinct().count() <= 1) {
            return true;
        }
        return NAMED_PLACEHOLDER_WORD.matcher(v).matches() || NAMED_PLACEHOLDER_PART.matcher(v).find()
                || (v.startsWith("[") && v.endsWith("]")) || ENVIRONMENT_NAME.matcher(v).matches()
                || FILE_LIKE.matcher(v).matches() || URL_LIKE.matcher(v).matches();
    }

    /** Whether {@code name} (a variable, attribute, keyword or key) names a credential. */
    public static boolean isCredentialName(String name) {
        return name != null && kindOfName(normalizeName(name)) != null;
    }

    // ---------------------------------------------------------------- internals

    private static List<SecretMatch> findInOutputPlain(String original, boolean hasEscapes) {
        // Colour codes split words in tracebacks: search a copy without them, then map offsets back.
        String text = original;
        int[] toOriginal = null;
        if (hasEscapes) {
            StringBuilder plain = new StringBuilder(original.length());
            int[] map = new int[original.length() + 1];
            Matcher esc = ANSI_ESCAPE.matcher(original);
            int at = 0;
            while (esc.find()) {
                for (int i = at; i < esc.start(); i++) {
                    map[plain.length()] = i;
                    plain.append(original.charAt(i));
                }
                at = esc.end();
            }
            for (int i = at; i < original.length(); i++) {
                map[plain.length()] = i;
                plain.append(original.charAt(i));
            }
            map[plain.length()] = original.length();
            text = plain.toString();
            toOriginal = map;
        }
        List<SecretMatch> found = new ArrayList<>(findTokens(text));
        findUrlPasswords(text, found);
        Matcher authorization = AUTHORIZATION_TEXT.matcher(text);
        boolean mayHaveAuthorization = containsIgnoreCase(text, "authorization");
        while (mayHaveAuthorization && authorization.find()) {
            if (!isPlaceholder(authorization.group("value"))) {
                found.add(new SecretMatch(SecretKind.AUTHORIZATION, authorization.start("value"),
                        authorization.end("value"), authorization.group("value"), "",
                        SecretKind.AUTHORIZATION.environmentVariable()));
            }
        }
        boolean quotedPairs = (text.indexOf('=') >= 0 || text.indexOf(':') >= 0)
                && (text.indexOf('\'') >= 0 || text.indexOf('"') >= 0);
        for (Pattern pattern : List.of(QUOTED_PAIR, ASSIGNMENT_LINE)) {
            if (pattern == QUOTED_PAIR ? !quotedPairs : text.indexOf('=') < 0) {
                continue; // the pattern needs these characters: skip text without them
            }
            Matcher pair = pattern.matcher(text);
            while (pair.find()) {
                String name = pair.group("name");
                String value = pair.group("value");
                SecretKind kind = kindOfName(normalizeName(name));
                if (kind != null && !isPlaceholder(value) && !value.equalsIgnoreCase(normalizeName(name))
                        && findTokens(value).isEmpty()) {
                    found.add(new SecretMatch(kind, pair.start("value"), pair.end("value"), value, "",
                            environmentVariable(kind, name)));
                }
            }
        }
        List<SecretMatch> result = disjoint(found);
        if (toOriginal == null) {
            return result;
        }
        List<SecretMatch> mapped = new ArrayList<>(result.size());
        for (SecretMatch m : result) {
            int start = toOriginal[m.start()];
            int end = toOriginal[m.end() - 1] + 1;
            mapped.add(new SecretMatch(m.kind(), start, end, m.secret(), m.publicPrefix(), m.environmentVariable()));
        }
        return mapped;
    }

    private static void findUrlPasswords(String text, List<SecretMatch> found) {
        if (!text.contains("://")) {
            return;
        }
        Matcher url = URL_CREDENTIALS.matcher(text);
        while (url.find()) {
            String password = url.group("password");
            if (isPlaceholder(password)) {
                continue;
            }
            String scheme = url.group("scheme");
            String variable = DATABASE_SCHEME.matcher(scheme).matches() ? "DATABASE_PASSWORD"
                    : scheme.toLowerCase(Locale.ROOT).startsWith("http") ? "HTTP_PASSWORD"
                    : scheme.toLowerCase(Locale.ROOT).contains("ftp") ? "FTP_PASSWORD"
                    : SecretKind.URL_PASSWORD.environmentVariable();
            found.add(new SecretMatch(SecretKind.URL_PASSWORD, url.start("password"), url.end("password"), password, "",
                    variable));
        }
    }

    private static void findPrivateKeys(String text, List<SecretMatch> found) {
        if (!text.contains("-----BEGIN ")) {
            return;
        }
        Matcher header = PEM_HEADER.matcher(text);
        while (header.find()) {
            int i = skipPemSeparators(text, header.end());
            int material = i;
            while (material < text.length() && isBase64(text.charAt(material))) {
                material++;
            }
            if (material - i < 16) {
                continue; // "-----BEGIN PRIVATE KEY-----\n...\n": no key material, a placeholder
            }
            Matcher footer = PEM_FOOTER.matcher(text);
            int end;
            if (footer.find(material)) {
                end = footer.end();
            } else {
                end = material;
                while (end < text.length()) {
                    int next = skipPemSeparators(text, end);
                    int run = next;
                    while (run < text.length() && isBase64(text.charAt(run))) {
                        run++;
                    }
                    if (run == next) {
                        break;
                    }
                    end = run;
                }
            }
            found.add(new SecretMatch(SecretKind.PRIVATE_KEY, header.start(), end, text.substring(header.start(), end),
                    header.group(), SecretKind.PRIVATE_KEY.environmentVariable()));
        }
    }

    /** Whether {@code text} contains {@code word} in any letter case (a superset of ASCII (?i) matching). */
    private static boolean containsIgnoreCase(String text, String word) {
        char lower = Character.toLowerCase(word.charAt(0));
        char upper = Character.toUpperCase(word.charAt(0));
        for (int i = 0; i + word.length() <= text.length(); i++) {
            char c = text.charAt(i);
            if ((c == lower || c == upper) && text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** Skips whitespace and the {@code \n} escapes of a key written inside a Python string. */
    private static int skipPemSeparators(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == 'n' || text.charAt(i + 1) == 'r')) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '=';
    }

    private static boolean isShapedPlaceholder(String body) {
        String letters = body.replace("-", "").replace("_", "");
        return letters.chars().distinct().count() <= 2 || SHAPED_PLACEHOLDER.matcher(body).find();
    }

    /** At least two of upper case, lower case and digits: a generated credential, not a word. */
    private static boolean looksRandom(String body) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) >= 2;
    }

    /** The last segment of a dotted name, lower case, dashes as underscores, without leading underscores. */
    private static String normalizeName(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        String n = last.toLowerCase(Locale.ROOT).replace('-', '_');
        int i = 0;
        while (i < n.length() && n.charAt(i) == '_') {
            i++;
        }
        return n.substring(i);
    }

    private static SecretKind kindOfName(String normalized) {
        if (normalized.isEmpty()) {
            return null;
        }
        if (AWS_SECRET_NAME.matcher(normalized).matches()) {
            return SecretKind.AWS_SECRET_ACCESS_KEY;
        }
        if (PASSWORD_NAME.matcher(normalized).matches()) {
            return SecretKind.PASSWORD;
        }
        if (TOKEN_NAME.matcher(normalized).matches()) {
            return SecretKind.TOKEN;
        }
        if (API_KEY_NAME.matcher(normalized).matches()) {
            return SecretKind.API_KEY;
        }
        if (SECRET_NAME.matcher(normalized).matches()) {
            return SecretKind.SECRET;
        }
        return null;
    }

    /**
     * The environment variable for a named credential: the code's own name in upper case
     * ({@code db_password} → {@code DB_PASSWORD}), prefixed with a known service
     * ({@code openai.api_key} → {@code OPENAI_API_KEY}); the kind's default without a name.
     */
    static String environmentVariable(SecretKind kind, String name) {
        if (kind == SecretKind.AWS_SECRET_ACCESS_KEY || kind.isShaped()) {
            return kind.environmentVariable();
        }
        if (name == null || name.isBlank()) {
            return kind.environmentVariable();
        }
        String[] segments = name.split("\\.");
        String base = segments[segments.length - 1].replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
        base = base.replaceAll("^_+", "");
        if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
            return kind.environmentVariable();
        }
        if (kind == SecretKind.AUTHORIZATION && AUTHORIZATION_NAME.matcher(base.toLowerCase(Locale.ROOT)).matches()) {
            base = kind.environmentVariable();
        }
        if (segments.length >= 2) {
            String service = SERVICE_PREFIXES.get(segments[segments.length - 2].toLowerCase(Locale.ROOT));
            if (service != null && !base.startsWith(service + "_") && !base.equals(service)) {
                return service + "_" + base;
            }
        }
        return base;
    }

    /** Keeps shaped matches over named ones and earlier over later where spans overlap; sorted by position. */
    private static List<SecretMatch> disjoint(List<SecretMatch> matches) {
        List<SecretMatch> byPriority = new ArrayList<>(matches);
        byPriority.sort(Comparator.comparing((SecretMatch m) -> !m.kind().isShaped())
                .thenComparingInt(SecretMatch::start)
                .thenComparingInt(m -> -(m.end() - m.start())));
        List<SecretMatch> kept = new ArrayList<>();
        for (SecretMatch m : byPriority) {
            boolean overlaps = false;
            for (SecretMatch k : kept) {
                if (k.overlaps(m.start(), m.end())) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparingInt(SecretMatch::start).thenComparingInt(SecretMatch::end));
        return List.copyOf(kept);
    }
}
