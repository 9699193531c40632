package dev.lockstep.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageComparisonTest {

  private static String png(int width, int height, IntBinaryOperator rgb) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb.applyAsInt(x, y));
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return Base64.getMimeEncoder().encodeToString(bytes.toByteArray());
  }

  private static PartComparison compare(String a, String b) {
    return ImageComparison.compare("output 1 image/png", a, b, Tolerance.DEFAULT, "saved", "replay");
  }

  @Test
  void samePixelsAreIdenticalWhateverTheBytes() throws IOException {
    String a = png(40, 30, (x, y) -> x * 5 << 8 | y * 7);
    assertThat(compare(a, a.replace("\r\n", "\n")).verdict()).isEqualTo(Verdict.IDENTICAL);
  }

  @Test
  void smallChannelNoiseIsWithinTolerance() throws IOException {
    String a = png(100, 100, (x, y) -> 0x808080);
    String b = png(100, 100, (x, y) -> x % 10 == 0 ? 0x848080 : 0x808080);
    PartComparison result = compare(a, b);
    assertThat(result.verdict()).isEqualTo(Verdict.WITHIN_TOLERANCE);
    assertThat(result.detail()).contains("1000 of 10000 pixels differ (10.00%), 0 beyond the channel tolerance 16");
  }

  @Test
  void aFewStrongPixelsAreWithinTheShareButManyAreNot() throws IOException {
    String a = png(100, 100, (x, y) -> 0xffffff);
    assertThat(compare(a, png(100, 100, (x, y) -> x == 0 && y < 10 ? 0 : 0xffffff)).verdict())
        .as("10 of 10000 pixels = the 0.1%% allowed").isEqualTo(Verdict.WITHIN_TOLERANCE);
    assertThat(compare(a, png(100, 100, (x, y) -> x == 0 && y < 11 ? 0 : 0xffffff)).verdict())
        .isEqualTo(Verdict.DIFFERS);
  }

  @Test
  void anotherSizeDiffers() throws IOException {
    PartComparison result = compare(png(10, 10, (x, y) -> 0), png(12, 10, (x, y) -> 0));
    assertThat(result.verdict()).isEqualTo(Verdict.DIFFERS);
    assertThat(result.detail()).isEqualTo("output 1 image/png: saved image is 10x10 pixels, replay 12x10");
  }

  @Test
  void undecodableBytesDiffer() throws IOException {
    assertThat(compare("bm90IGFuIGltYWdl", png(2, 2, (x, y) -> 0)).detail()).contains("saved image cannot be decoded");
  }
}
