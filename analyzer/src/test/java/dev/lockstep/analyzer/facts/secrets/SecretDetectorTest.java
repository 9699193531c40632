package dev.lockstep.analyzer.facts.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretDetectorTest {

    private static final String HF = "hf_FakeTokenForLockstepRuleFixturesQz";

    @Test
    void findsShapedTokensWithSpanKindAndVariable() {
        String text = "login(token=\"" + HF + "\")";
        List<SecretMatch> found = SecretDetector.findTokens(text);
        assertThat(found).hasSize(1);
        SecretMatch match = found.get(0);
        assertThat(match.kind()).isEqualTo(SecretKind.HUGGING_FACE_TOKEN);
        assertThat(text.substring(match.start(), match.end())).isEqualTo(HF);
        assertThat(match.environmentVariable()).isEqualTo("HF_TOKEN");
        assertThat(match.redacted()).isEqualTo("hf_Fa…");
    }

    @Test
    void recognisesEachProvider() {
        assertThat(kinds("sk-proj-FakeKeyForLockstepRuleFixtures_0123456789abcdef")).containsExactly(SecretKind.OPENAI_API_KEY);
        assertThat(kinds("sk-ant-api03-FakeKeyForLockstepRuleFixtures0123456789")).containsExactly(SecretKind.ANTHROPIC_API_KEY);
        assertThat(kinds("AKIAFAKEKEYFORTESTS1")).containsExactly(SecretKind.AWS_ACCESS_KEY_ID);
        assertThat(kinds("ghp_FakeTokenForLockstepRuleFixtures0000")).containsExactly(SecretKind.GITHUB_TOKEN);
        assertThat(kinds("xoxb-000000000000-0000000000000-FakeTokenForLockstepTests")).containsExactly(SecretKind.SLACK_TOKEN);
        assertThat(kinds("AIzaFakeKeyForLockstepRuleFixtures00000")).containsExactly(SecretKind.GOOGLE_API_KEY);
        assertThat(kinds("-----BEGIN RSA PRIVATE KEY-----\nMIIEFakeKeyMaterialForLockstep0123==\n-----END RSA PRIVATE KEY-----"))
                .containsExactly(SecretKind.PRIVATE_KEY);
    }

    @Test
    void placeholdersAndLookalikesAreNotSecrets() {
        assertThat(SecretDetector.findTokens("hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")).isEmpty();
        assertThat(SecretDetector.findTokens("AKIAIOSFODNN7EXAMPLE")).isEmpty();
        assertThat(SecretDetector.findTokens("sk-...")).isEmpty();
        assertThat(SecretDetector.findTokens("pip install scikit-learn-intelex-and-friends")).isEmpty();
        assertThat(SecretDetector.findTokens("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----")).isEmpty();
        assertThat(SecretDetector.findTokens("commit 752aed8351695a64b2d18a2d9bc521a4c936b30a")).isEmpty();
        for (String value : List.of("", "xxx", "<your-token>", "YOUR_API_KEY", "changeme", "${HF_TOKEN}", "{token}",
                "secrets/token.txt", "[PAD]", "***", "https://example.com")) {
            assertThat(SecretDetector.isPlaceholder(value)).as(value).isTrue();
        }
        assertThat(SecretDetector.isPlaceholder("hunter2!x")).isFalse();
    }

    @Test
    void namedValuesNeedACredentialName() {
        assertThat(SecretDetector.findInValue("hunter2!x", "password")).extracting(SecretMatch::kind)
                .containsExactly(SecretKind.PASSWORD);
        assertThat(SecretDetector.findInValue("hunter2!x", "db_password").get(0).environmentVariable())
                .isEqualTo("DB_PASSWORD");
        assertThat(SecretDetector.findInValue("FakeKey0123456789", "openai.api_key").get(0).environmentVariable())
                .isEqualTo("OPENAI_API_KEY");
        assertThat(SecretDetector.findInValue("FakeToken0123456789", "huggingface_hub.token").get(0).environmentVariable())
                .isEqualTo("HF_TOKEN");
        assertThat(SecretDetector.findInValue("FakeSecret/0123456789", "aws_secret_access_key").get(0).kind())
                .isEqualTo(SecretKind.AWS_SECRET_ACCESS_KEY);
        assertThat(SecretDetector.findInValue("[PAD]", "pad_token")).isEmpty();
        assertThat(SecretDetector.findInValue("FakeToken0123456789", "pad_token")).isEmpty();
        assertThat(SecretDetector.findInValue("FakeToken0123456789", "max_tokens")).isEmpty();
        assertThat(SecretDetector.findInValue("FakeToken0123456789", null)).isEmpty();
    }

    @Test
    void passwordsInUrlsAndHeadersAreSpans() {
        String url = "postgresql://app:Tr0ub4dor3@db.internal:5432/sales";
        List<SecretMatch> found = SecretDetector.findInValue(url, null);
        assertThat(found).hasSize(1);
        assertThat(url.substring(found.get(0).start(), found.get(0).end())).isEqualTo("Tr0ub4dor3");
        assertThat(found.get(0).environmentVariable()).isEqualTo("DATABASE_PASSWORD");
        assertThat(SecretDetector.findInValue("postgresql://app:{password}@db/sales", null)).isEmpty();
        assertThat(SecretDetector.findInValue("Bearer FakeBearer0123456789", "Authorization")).extracting(SecretMatch::kind)
                .containsExactly(SecretKind.AUTHORIZATION);
    }

    @Test
    void outputsFindNamedPairsAndIgnoreColourCodes() {
        assertThat(SecretDetector.findInOutput("{'user': 'app', 'password': 'hunter2!x'}")).extracting(SecretMatch::kind)
                .containsExactly(SecretKind.PASSWORD);
        assertThat(SecretDetector.findInOutput("aws_secret_access_key = FakeSecret/0123456789\n"))
                .extracting(SecretMatch::kind).containsExactly(SecretKind.AWS_SECRET_ACCESS_KEY);
        String coloured = "\u001B[0;31mAuthenticationError\u001B[0m: key \u001B[1m" + HF + "\u001B[0m";
        List<SecretMatch> found = SecretDetector.findInOutput(coloured);
        assertThat(found).hasSize(1);
        assertThat(coloured.substring(found.get(0).start(), found.get(0).end())).isEqualTo(HF);
        assertThat(SecretDetector.findInOutput("Token is valid (permission: write).\nLogin successful")).isEmpty();
        assertThat(SecretDetector.findInOutput("{'pad_token': '[PAD]', 'password': '***'}")).isEmpty();
    }

    @Test
    void redactKeepsOnlyPrefixes() {
        assertThat(SecretDetector.redact("login(token=\"" + HF + "\")")).isEqualTo("login(token=\"hf_Fa…\")");
        assertThat(SecretDetector.redact("password = \"hunter2!x\"")).isEqualTo("password = \"…\"");
        assertThat(SecretDetector.redact("df = pd.read_csv(path)")).isEqualTo("df = pd.read_csv(path)");
    }

    private static List<SecretKind> kinds(String text) {
        return SecretDetector.findTokens(text).stream().map(SecretMatch::kind).toList();
    }
}
