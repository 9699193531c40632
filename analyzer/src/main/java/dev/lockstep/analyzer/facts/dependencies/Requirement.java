package dev.lockstep.analyzer.facts.dependencies;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One package an install command asks for, as written, with what it pins.
 *
 * @param text       the argument as the installer receives it (quotes removed)
 * @param installer  the installer that reads it (conda match specs differ from pip requirements)
 * @param kind       what sort of requirement it is
 * @param name       the distribution name, or null when the argument names none (a bare URL)
 * @param extras     extras in brackets ({@code transformers[torch]}), else empty
 * @param specifier  the version part ({@code ==1.2.3}, {@code >=1,<2}, conda {@code =1.2.3}), else ""
 * @param url        for VCS and URL requirements, the URL without its {@code #fragment}; else null
 * @param ref        for VCS requirements, the revision after {@code @} in the URL; else null
 * @param editable   installed with {@code -e}
 */
public record Requirement(String text, Installer installer, Kind kind, String name, List<String> extras,
        String specifier, String url, String ref, boolean editable) {

    /** What sort of argument a requirement is. */
    public enum Kind {
        /** A distribution name with an optional version specifier ({@code numpy==1.26.4}). */
        NAME,
        /** A version-control URL ({@code git+https://github.com/org/repo@<commit>}). */
        VCS,
        /** An archive or wheel URL ({@code https://.../pkg-1.0-py3-none-any.whl}). */
        URL,
        /** A local directory, wheel or archive ({@code .}, {@code -e .}, {@code ./dist/pkg.whl}). */
        LOCAL,
        /** Interpolated ({@code {pkg}}, {@code $PKG}): its value is unknown to analysis. */
        DYNAMIC
    }

    /** Whether the requirement fixes what gets installed. */
    public enum PinStatus {
        /** An exact version, a full commit, or a versioned or hashed archive. */
        PINNED,
        /** Installs whatever is newest, a range, a branch or a short hash. */
        UNPINNED,
        /** Installs files from the local disk (the job ships or declares them). */
        LOCAL,
        /** Cannot be judged ({@link Kind#DYNAMIC}). */
        UNKNOWN
    }

    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern SHORT_HASH = Pattern.compile("[0-9a-fA-F]{7,39}");
    private static final Pattern NAME_SPEC = Pattern.compile(
            "([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[([^\\]]*)])?\\s*(.*?)\\s*(?:;.*)?");
    private static final Pattern DIRECT_REFERENCE = Pattern.compile(
            "([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[([^\\]]*)])?\\s*@\\s*(\\S+?)\\s*(?:;.*)?");
    private static final Pattern SPECIFIER = Pattern.compile(
            "(===|==|!=|<=|>=|~=|<|>)[^,<>=!~]+(,(===|==|!=|<=|>=|~=|<|>)[^,<>=!~]+)*");
    private static final Pattern CONDA_SPEC = Pattern.compile(
            "(?:[^\\s:]+::)?([A-Za-z0-9_][A-Za-z0-9._-]*)(?:\\[[^\\]]*])?\\s*(.*)");
    private static final Pattern ARCHIVE = Pattern.compile("(?i).*\\.(whl|tar\\.gz|tgz|tar\\.bz2|tar\\.xz|zip|egg)$");
    private static final Pattern VERSIONED_SDIST = Pattern.compile("(?i)[A-Za-z0-9_.]+-\\d[^/]*\\.(tar\\.gz|tgz|tar\\.bz2|tar\\.xz|zip)");

    public Requirement {
        extras = List.copyOf(extras);
        specifier = specifier == null ? "" : specifier;
    }

    /** Reads one requirement argument of a pip (or uv) install. */
    static Requirement pip(String text, boolean editable, boolean dynamic, Installer installer) {
        String t = text.strip();
        if (dynamic) {
            return new Requirement(t, installer, Kind.DYNAMIC, null, List.of(), "", null, null, editable);
        }
        Matcher direct = DIRECT_REFERENCE.matcher(t);
        if (direct.matches() && direct.group(3).contains(":")) {
            return urlRequirement(t, direct.group(1), extras(direct.group(2)), direct.group(3), editable, installer);
        }
        if (t.matches("(?i)(git|hg|svn|bzr)\\+.*") || t.matches("(?i)[a-z][a-z0-9+.-]*://.*") || t.startsWith("file:")) {
            return urlRequirement(t, null, List.of(), t, editable, installer);
        }
        if (isLocalPath(t)) {
            return new Requirement(t, installer, Kind.LOCAL, null, List.of(), "", null, null, editable);
        }
        Matcher spec = NAME_SPEC.matcher(t);
        if (spec.matches()) {
            String version = spec.group(3).strip();
            if (version.startsWith("(") && version.endsWith(")")) {
                version = version.substring(1, version.length() - 1).strip();
            }
            version = version.replaceAll("\\s+", "");
            if (!version.isEmpty() && !SPECIFIER.matcher(version).matches()) {
                return new Requirement(t, installer, Kind.DYNAMIC, null, List.of(), "", null, null, editable);
            }
            return new Requirement(t, installer, Kind.NAME, spec.group(1), extras(spec.group(2)), version, null, null,
                    editable);
        }
        return new Requirement(t, installer, Kind.DYNAMIC, null, List.of(), "", null, null, editable);
    }

    /** Reads one package argument of a conda (or mamba) install: a match spec. */
    static Requirement conda(String text, boolean dynamic) {
        String t = text.strip();
        if (dynamic) {
            return new Requirement(t, Installer.CONDA, Kind.DYNAMIC, null, List.of(), "", null, null, false);
        }
        if (t.matches("(?i)[a-z][a-z0-9+.-]*://.*") || t.startsWith("file:") || isLocalPath(t)) {
            boolean local = t.startsWith("file:") || isLocalPath(t);
            return new Requirement(t, Installer.CONDA, local ? Kind.LOCAL : Kind.URL, null, List.of(), "", t, null, false);
        }
        Matcher spec = CONDA_SPEC.matcher(t);
        if (!spec.matches()) {
            return new Requirement(t, Installer.CONDA, Kind.DYNAMIC, null, List.of(), "", null, null, false);
        }
        String version = spec.group(2).strip();
        if (!version.isEmpty() && Character.isDigit(version.charAt(0))) {
            version = "=" + version.replaceFirst("\\s+", "="); // "numpy 1.26.4 py311_0" is numpy=1.26.4=py311_0
        }
        return new Requirement(t, Installer.CONDA, Kind.NAME, spec.group(1), List.of(), version.replaceAll("\\s+", ""),
                null, null, false);
    }

    private static Requirement urlRequirement(String text, String name, List<String> extras, String url,
            boolean editable, Installer installer) {
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash + 1);
        String bare = hash < 0 ? url : url.substring(0, hash);
        String egg = null;
        for (String part : fragment.split("&")) {
            if (part.startsWith("egg=")) {
                egg = part.substring(4).replaceAll("[\\[=<>!~].*", "");
            }
        }
        String resolvedName = name != null ? name : egg;
        if (bare.matches("(?i)(git|hg|svn|bzr)\\+.*")) {
            String rest = bare.substring(bare.indexOf('+') + 1);
            int scheme = rest.indexOf("://");
            String path;
            if (scheme >= 0) {
                int slash = rest.indexOf('/', scheme + 3);
                path = slash < 0 ? "" : rest.substring(slash);
            } else {
                int colon = rest.indexOf(':');
                path = colon < 0 ? rest : rest.substring(colon + 1);
            }
            int at = path.lastIndexOf('@');
            String ref = at < 0 ? null : path.substring(at + 1);
            String repoPath = at < 0 ? path : path.substring(0, at);
            if (resolvedName == null) {
                String base = ShellSyntax.lastComponent(repoPath);
                resolvedName = base.endsWith(".git") ? base.substring(0, base.length() - 4) : base;
                resolvedName = resolvedName.isEmpty() ? null : resolvedName;
            }
            String withoutRef = at < 0 ? bare : bare.substring(0, bare.length() - (path.length() - at));
            return new Requirement(text, installer, Kind.VCS, resolvedName, extras, "", withoutRef,
                    ref == null || ref.isEmpty() ? null : ref, editable);
        }
        Kind kind = bare.regionMatches(true, 0, "file:", 0, 5) ? Kind.LOCAL : Kind.URL;
        return new Requirement(text, installer, kind, resolvedName, extras, hash < 0 ? "" : "#" + fragment, bare, null,
                editable);
    }

    private static List<String> extras(String group) {
        if (group == null || group.isBlank()) {
            return List.of();
        }
        return List.of(group.replaceAll("\\s+", "").split(","));
    }

    /** A local directory or file: {@code .}, {@code ./pkg}, {@code ../lib}, {@code dist/x.whl}, {@code C:\...}. */
    static boolean isLocalPath(String t) {
        return t.equals(".") || t.equals("..") || t.startsWith("./") || t.startsWith("../") || t.startsWith("/")
                || t.startsWith("~") || t.startsWith(".\\") || t.startsWith("..\\") || t.contains("\\")
                || t.matches("[A-Za-z]:.*") || (t.contains("/") && !t.contains("://") && !t.contains("@"))
                || ARCHIVE.matcher(t).matches();
    }

    /** Whether this requirement fixes what gets installed. */
    public PinStatus status() {
        return switch (kind) {
            case DYNAMIC -> PinStatus.UNKNOWN;
            case LOCAL -> PinStatus.LOCAL;
            case NAME -> pinnedVersion().isPresent() ? PinStatus.PINNED : PinStatus.UNPINNED;
            case VCS -> isImmutableRef() ? PinStatus.PINNED : PinStatus.UNPINNED;
            case URL -> isFixedArchive() ? PinStatus.PINNED : PinStatus.UNPINNED;
        };
    }

    /** Whether this requirement fixes what gets installed. */
    public boolean isPinned() {
        return status() == PinStatus.PINNED;
    }

    /**
     * The exact version a name requirement pins: {@code 1.2.3} for pip {@code ==1.2.3} (no
     * wildcard) or {@code ===1.2.3}; for conda, {@code ==1.2.3}, {@code =1.2.3=build}, or
     * {@code =1.2.3} with a full (three-part) version. Empty otherwise.
     */
    public Optional<String> pinnedVersion() {
        if (kind != Kind.NAME || specifier.isEmpty()) {
            return Optional.empty();
        }
        if (installer == Installer.CONDA) {
            return condaPin();
        }
        for (String clause : specifier.split(",")) {
            String c = clause.strip();
            if (c.startsWith("===") && c.length() > 3) {
                return Optional.of(c.substring(3).strip());
            }
            if (c.startsWith("==") && c.length() > 2 && !c.contains("*")) {
                return Optional.of(c.substring(2).strip());
            }
        }
        return Optional.empty();
    }

    private Optional<String> condaPin() {
        if (specifier.startsWith("==")) {
            String v = specifier.substring(2);
            return v.isEmpty() || v.contains("*") || v.contains(",") || v.contains("|") ? Optional.empty()
                    : Optional.of(v.split("=")[0]);
        }
        if (specifier.startsWith("=") && !specifier.startsWith("=>")) {
            String[] parts = specifier.substring(1).split("=", 2);
            String v = parts[0];
            if (v.isEmpty() || v.contains("*") || v.contains(",") || v.contains("|") || v.contains("<") || v.contains(">")) {
                return Optional.empty();
            }
            if (parts.length == 2 || v.split("\\.").length >= 3) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private boolean isImmutableRef() {
        if (ref == null) {
            return false;
        }
        String scheme = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (scheme.startsWith("svn+") || scheme.startsWith("bzr+")) {
            return ref.matches("\\d+"); // Subversion and Bazaar revision numbers never move
        }
        return FULL_COMMIT.matcher(ref).matches();
    }

    private boolean isFixedArchive() {
        String fragment = specifier;
        if (fragment.matches("(?i).*\\b(sha1|sha224|sha256|sha384|sha512|md5)=[0-9a-f]+.*")) {
            return true;
        }
        String file = ShellSyntax.lastComponent(url).replace("%2B", "+").replace("%2b", "+");
        if (file.toLowerCase(Locale.ROOT).endsWith(".whl") || VERSIONED_SDIST.matcher(file).matches()) {
            return true;
        }
        for (String segment : url.split("[/.]")) {
            if (FULL_COMMIT.matcher(segment).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why an unpinned requirement floats, as a phrase for a message: "has no version",
     * "'numpy>=1.20' is a range", "names no commit"... Empty when it is pinned, local or unknown.
     */
    public String problem() {
        if (status() != PinStatus.UNPINNED) {
            return "";
        }
        return switch (kind) {
            case NAME -> specifier.isEmpty() ? "has no version"
                    : installer == Installer.CONDA && specifier.startsWith("=") && !specifier.startsWith("==")
                            && !specifier.contains("*") && !specifier.matches("=[<>].*")
                            ? "'" + text + "' matches every release that starts with " + specifier.substring(1)
                    : specifier.contains("*") ? "'" + text + "' is a wildcard"
                    : "'" + text + "' is a range";
            case VCS -> ref == null ? "'" + shortUrl() + "' names no commit"
                    : SHORT_HASH.matcher(ref).matches() ? "'" + shortUrl() + "@" + ref + "' is a short hash"
                    : "'" + shortUrl() + "@" + ref + "' names a branch or tag, not a commit";
            case URL -> "'" + shortUrl() + "' names no version, hash or commit";
            default -> "";
        };
    }

    private String shortUrl() {
        String u = url == null ? text : url;
        return u.length() > 70 ? u.substring(0, 67) + "..." : u;
    }

    /**
     * This requirement as a line of a pip requirements file: the name and specifier for name
     * requirements ({@code transformers[torch]==4.35.2}); {@code name @ url} for URLs (the VCS
     * revision included); the path (with {@code -e}) for local ones. Conda specs become pip
     * form ({@code numpy=1.26.4} is {@code numpy==1.26.4}), keeping the conda package name,
     * which is not always the PyPI name.
     */
    public String requirementsLine() {
        return switch (kind) {
            case NAME -> {
                String extrasPart = extras.isEmpty() ? "" : "[" + String.join(",", extras) + "]";
                if (installer == Installer.CONDA) {
                    yield name + pinnedVersion().map(v -> "==" + v).orElse("");
                }
                String markers = text.contains(";") ? " ;" + text.substring(text.indexOf(';') + 1) : "";
                yield name + extrasPart + specifier + markers;
            }
            case VCS, URL -> {
                if (editable) {
                    yield "-e " + text;
                }
                if (name == null || text.contains(" @ ") || text.matches("[^:/]*@.*")) {
                    yield text;
                }
                String full = ref == null ? url : url + "@" + ref;
                String fragment = kind == Kind.URL ? specifier : "";
                yield name + (extras.isEmpty() ? "" : "[" + String.join(",", extras) + "]") + " @ " + full + fragment;
            }
            case LOCAL -> (editable ? "-e " : "") + text;
            case DYNAMIC -> text;
        };
    }
}
