package dev.lockstep.analyzer.facts.secrets;

import java.util.Objects;

/**
 * A credential found in a piece of text.
 *
 * @param kind                what it is
 * @param start               offset of its first character in the text that was searched
 * @param end                 offset just past its last character
 * @param secret              the credential itself ({@code text.substring(start, end)}): never
 *                            print it; use {@link #redacted()}
 * @param publicPrefix        the leading part that is the same for every credential of the kind
 *                            ({@code hf_}, {@code sk-proj-}, {@code AKIA}, a PEM header), "" when none
 * @param environmentVariable the environment variable that should hold it instead
 */
public record SecretMatch(SecretKind kind, int start, int end, String secret, String publicPrefix,
        String environmentVariable) {

    /** Characters shown after the public prefix. */
    private static final int SHOWN = 2;

    public SecretMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(secret, "secret");
        publicPrefix = publicPrefix == null ? "" : publicPrefix;
        Objects.requireNonNull(environmentVariable, "environmentVariable");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /**
     * What reports may show: the public prefix and at most two more characters, then an
     * ellipsis ({@code hf_Ab…}). A credential without a public prefix (a password, a key found
     * by its name) shows nothing but the ellipsis.
     */
    public String redacted() {
        if (publicPrefix.isEmpty()) {
            return "…";
        }
        if (kind == SecretKind.PRIVATE_KEY) {
            return publicPrefix + "…";
        }
        int shown = Math.min(SHOWN, Math.max(0, secret.length() - publicPrefix.length() - 8));
        return secret.substring(0, publicPrefix.length() + shown) + "…";
    }

    /**
     * Words for a message: {@code Hugging Face token hf_Ab…}, or {@code a password} when nothing
     * of the credential may be shown.
     */
    public String describe() {
        String shown = redacted();
        String description = kind.description();
        if (shown.equals("…")) {
            return ("aeiou".indexOf(Character.toLowerCase(description.charAt(0))) >= 0 ? "an " : "a ") + description;
        }
        return description + " " + shown;
    }

    /** Whether this match overlaps another span of the same text. */
    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
