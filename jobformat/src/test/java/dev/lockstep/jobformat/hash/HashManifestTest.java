package dev.lockstep.jobformat.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashManifestTest {

  @TempDir Path temp;

  @Test
  void aFolderIsHashedAsSha256sumLinesSortedByUtf8Bytes() throws Exception {
    Path folder = temp.resolve("data");
    // U+FF61 is one UTF-16 unit above the surrogates: String.compareTo puts the emoji (a surrogate
    // pair, D83D...) first, UTF-8 bytes (EF.. < F0..) put U+FF61 first.
    write(folder.resolve("\uFF61.txt"), "a\n");
    write(folder.resolve("\uD83D\uDE00.txt"), "b\n");
    write(folder.resolve("sub/z.csv"), "1,2\n");
    write(folder.resolve("B.csv"), "x\n");

    String expected = Sha256.of(bytes("x\n")) + "  B.csv\n"
        + Sha256.of(bytes("1,2\n")) + "  sub/z.csv\n"
        + Sha256.of(bytes("a\n")) + "  \uFF61.txt\n"
        + Sha256.of(bytes("b\n")) + "  \uD83D\uDE00.txt\n";
    assertThat(HashManifest.text(HashManifest.entries(folder))).isEqualTo(expected);
    assertThat(HashManifest.ofFolder(folder)).isEqualTo(Sha256.of(bytes(expected)));
    assertThat(HashManifest.of(folder)).isEqualTo(HashManifest.ofFolder(folder));
  }

  @Test
  void aFileIsHashedByItsBytesAndAFolderChangesWithAnyFileOrName() throws Exception {
    Path file = write(temp.resolve("one.csv"), "1\n");
    assertThat(HashManifest.of(file)).isEqualTo(Sha256.of(bytes("1\n")));

    Path folder = temp.resolve("folder");
    write(folder.resolve("a.txt"), "a");
    String before = HashManifest.of(folder);
    Files.move(folder.resolve("a.txt"), folder.resolve("b.txt"));
    String renamed = HashManifest.of(folder);
    write(folder.resolve("b.txt"), "b");
    String edited = HashManifest.of(folder);
    assertThat(before).isNotEqualTo(renamed);
    assertThat(renamed).isNotEqualTo(edited);
    assertThat(HashManifest.entries(folder)).singleElement()
        .satisfies(entry -> assertThat(entry.size()).isEqualTo(1));
  }

  private static Path write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
