package dev.lockstep.runtime.replay;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Compares two images by their decoded pixels, not their bytes: encoders write metadata and
 * compress differently, and a re-rendered plot may move a few anti-aliased pixels. Equal pixels
 * are identical; pixels whose channels all lie within the channel tolerance count as equal, and
 * an image with at most the tolerated share of other pixels is within tolerance.
 */
final class ImageComparison {

  private ImageComparison() {}

  /**
   * @param part what the image is ("output 1 image/png")
   * @param reference base64 PNG (or JPEG) as stored in a notebook
   * @param candidate base64 PNG as the replay produced it
   */
  static PartComparison compare(String part, String reference, String candidate, Tolerance tolerance,
      String referenceName, String candidateName) {
    String a = reference.replaceAll("\\s", "");
    String b = candidate.replaceAll("\\s", "");
    if (a.equals(b)) {
      return PartComparison.IDENTICAL;
    }
    BufferedImage imageA = decode(a);
    BufferedImage imageB = decode(b);
    if (imageA == null || imageB == null) {
      return PartComparison.of(Verdict.DIFFERS, part + ": " + (imageA == null ? referenceName : candidateName)
          + " image cannot be decoded, and the bytes differ");
    }
    if (imageA.getWidth() != imageB.getWidth() || imageA.getHeight() != imageB.getHeight()) {
      return PartComparison.of(Verdict.DIFFERS, part + ": " + referenceName + " image is " + imageA.getWidth() + "x"
          + imageA.getHeight() + " pixels, " + candidateName + " " + imageB.getWidth() + "x" + imageB.getHeight());
    }
    long differing = 0;
    long beyond = 0;
    int largest = 0;
    for (int y = 0; y < imageA.getHeight(); y++) {
      for (int x = 0; x < imageA.getWidth(); x++) {
        int pa = imageA.getRGB(x, y);
        int pb = imageB.getRGB(x, y);
        if (pa == pb) {
          continue;
        }
        differing++;
        int channelDifference = 0;
        for (int shift = 0; shift < 32; shift += 8) {
          channelDifference = Math.max(channelDifference, Math.abs(((pa >>> shift) & 0xff) - ((pb >>> shift) & 0xff)));
        }
        largest = Math.max(largest, channelDifference);
        if (channelDifference > tolerance.channel()) {
          beyond++;
        }
      }
    }
    if (differing == 0) {
      return PartComparison.IDENTICAL;
    }
    long total = (long) imageA.getWidth() * imageA.getHeight();
    String measured = String.format(Locale.ROOT, "%s: %d of %d pixels differ (%.2f%%), %d beyond the channel tolerance %d"
        + " (largest channel difference %d)", part, differing, total, 100.0 * differing / total, beyond,
        tolerance.channel(), largest);
    if (beyond <= tolerance.pixelFraction() * total) {
      return PartComparison.of(Verdict.WITHIN_TOLERANCE, measured);
    }
    return PartComparison.of(Verdict.DIFFERS, measured);
  }

  private static BufferedImage decode(String base64) {
    try {
      return ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
