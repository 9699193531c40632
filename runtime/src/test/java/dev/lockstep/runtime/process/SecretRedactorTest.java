package dev.lockstep.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

  @Test
  void masksASecretInOneChunk() {
    assertThat(redact(List.of("hf_abc123"), "token=hf_abc123 ok\n")).isEqualTo("token=*** ok\n");
  }

  @Test
  void masksASecretSplitAcrossChunks() {
    assertThat(redact(List.of("hf_abc123"), "token=hf_", "ab", "c123 and hf_abc123", "\n")).isEqualTo("token=*** and ***\n");
  }

  @Test
  void releasesTextAsSoonAsItCannotStartASecret() {
    SecretRedactor redactor = new SecretRedactor(List.of("secret"));

    assertThat(text(redactor.feed(bytes("progress 10% se"), 0, 15))).isEqualTo("progress 10% ");
    assertThat(text(redactor.feed(bytes("nd"), 0, 2))).isEqualTo("send");
    assertThat(text(redactor.finish())).isEmpty();
  }

  @Test
  void releasesAHeldPrefixAtTheEnd() {
    assertThat(redact(List.of("secret"), "almost a secre")).isEqualTo("almost a secre");
  }

  @Test
  void masksTheLongerOfOverlappingSecrets() {
    assertThat(redact(List.of("abc", "abcdef"), "xabcdefx abc")).isEqualTo("x***x ***");
  }

  @Test
  void passesEverythingThroughWithoutSecrets() {
    assertThat(redact(List.of(), "nothing to hide")).isEqualTo("nothing to hide");
  }

  private static String redact(List<String> secrets, String... chunks) {
    SecretRedactor redactor = new SecretRedactor(secrets);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String chunk : chunks) {
      byte[] data = bytes(chunk);
      out.writeBytes(redactor.feed(data, 0, data.length));
    }
    out.writeBytes(redactor.finish());
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
