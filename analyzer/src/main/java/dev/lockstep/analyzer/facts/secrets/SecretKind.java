package dev.lockstep.analyzer.facts.secrets;

/**
 * What kind of credential a {@link SecretMatch} is, with the environment variable that
 * conventionally holds it (the name the extractor uses when it replaces the literal with an
 * environment read, unless the code's own name for it gives a better one).
 */
public enum SecretKind {
    HUGGING_FACE_TOKEN("Hugging Face token", "HF_TOKEN", true),
    OPENAI_API_KEY("OpenAI API key", "OPENAI_API_KEY", true),
    ANTHROPIC_API_KEY("Anthropic API key", "ANTHROPIC_API_KEY", true),
    AWS_ACCESS_KEY_ID("AWS access key id", "AWS_ACCESS_KEY_ID", true),
    /** Recognised by its name ({@code aws_secret_access_key}): the key itself is 40 characters of base64. */
    AWS_SECRET_ACCESS_KEY("AWS secret access key", "AWS_SECRET_ACCESS_KEY", false),
    GITHUB_TOKEN("GitHub token", "GITHUB_TOKEN", true),
    GITLAB_TOKEN("GitLab token", "GITLAB_TOKEN", true),
    SLACK_TOKEN("Slack token", "SLACK_TOKEN", true),
    GOOGLE_API_KEY("Google API key", "GOOGLE_API_KEY", true),
    PRIVATE_KEY("private key", "PRIVATE_KEY", true),
    /** The password part of {@code scheme://user:password@host}. */
    URL_PASSWORD("password in a URL", "URL_PASSWORD", false),
    /** The credential of an {@code Authorization: Bearer ...} header. */
    AUTHORIZATION("authorization header credential", "API_TOKEN", false),
    /** A value bound to a name such as {@code password} or {@code db_passwd}. */
    PASSWORD("password", "PASSWORD", false),
    /** A value bound to a name such as {@code api_key}. */
    API_KEY("API key", "API_KEY", false),
    /** A value bound to a name such as {@code token} or {@code access_token}. */
    TOKEN("token", "API_TOKEN", false),
    /** A value bound to a name such as {@code secret} or {@code client_secret}. */
    SECRET("secret", "SECRET_KEY", false);

    private final String description;
    private final String environmentVariable;
    private final boolean shaped;

    SecretKind(String description, String environmentVariable, boolean shaped) {
        this.description = description;
        this.environmentVariable = environmentVariable;
        this.shaped = shaped;
    }

    /** Words for messages: {@code Hugging Face token}. */
    public String description() {
        return description;
    }

    /** The conventional environment variable for this kind of credential. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** Whether the kind is recognised by the credential's own shape, not by the name it is bound to. */
    public boolean isShaped() {
        return shaped;
    }
}
