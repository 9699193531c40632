package dev.lockstep.analyzer.rules.paths;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises URLs and object-store locations, and what may be shown of them. */
final class RemoteLocations {
    private RemoteLocations() {
    }

    private static final Pattern REMOTE = Pattern.compile(
            "(?i)^(https?|ftps?|s3|s3a|s3n|gs|gcs|az|abfss?|adl|wasbs?|hf|oss|r2|hdfs|webhdfs)://\\S+");
    private static final Pattern WEB = Pattern.compile("(?i)^(https?|ftps?)://\\S+");

    /** A 40-hex git commit or 64-hex sha256 as a path segment or query value: the content is fixed. */
    private static final Pattern CONTENT_ADDRESS = Pattern.compile("(?i)(?<![0-9a-f])([0-9a-f]{40}|[0-9a-f]{64})(?![0-9a-f])");

    /** A URL or object-store location ({@code https://}, {@code s3://}, {@code gs://}, {@code hf://}...). */
    static boolean isRemote(String text) {
        return text != null && REMOTE.matcher(text.strip()).matches();
    }

    /** An {@code http(s)://} or {@code ftp://} URL. */
    static boolean isWeb(String text) {
        return text != null && WEB.matcher(text.strip()).matches();
    }

    /**
     * Whether the location names fixed content: it holds a full git commit or a sha256
     * ({@code raw.githubusercontent.com/org/repo/<sha>/x.csv}, {@code hf://datasets/x@<sha>/...}).
     */
    static boolean isContentAddressed(String text) {
        return text != null && CONTENT_ADDRESS.matcher(text).find();
    }

    /**
     * What a message may show: scheme and host (or bucket), never the path, query or user
     * information, which may hold tokens.
     */
    static String shown(String text) {
        String t = text.strip();
        int scheme = t.indexOf("://");
        if (scheme < 0) {
            return "a remote location";
        }
        String rest = t.substring(scheme + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        if (authority.contains("{")) {
            return t.substring(0, scheme).toLowerCase(Locale.ROOT) + "://...";
        }
        try {
            URI.create(t.substring(0, scheme) + "://" + authority); // reject what is not a host
        } catch (IllegalArgumentException e) {
            return t.substring(0, scheme).toLowerCase(Locale.ROOT) + "://...";
        }
        return t.substring(0, scheme).toLowerCase(Locale.ROOT) + "://" + authority;
    }
}
