package dev.lockstep.runtime.replay;

/**
 * How far outputs may drift and still count as reproduced.
 *
 * @param atol absolute tolerance for numbers in text: {@code |a - b| <= atol + rtol * |b|}
 * @param rtol relative tolerance for numbers in text
 * @param channel the largest difference (0-255) a pixel's channel may show and count as equal
 * @param pixelFraction the share of pixels (0-1) that may exceed {@code channel} in a
 *     within-tolerance image
 */
public record Tolerance(double atol, double rtol, int channel, double pixelFraction) {

  /** numpy.isclose's defaults for numbers; for images, anti-aliasing noise but not a new curve. */
  public static final Tolerance DEFAULT = new Tolerance(1e-8, 1e-5, 16, 0.001);

  public Tolerance {
    if (!(atol >= 0) || !(rtol >= 0)) {
      throw new IllegalArgumentException("--atol and --rtol must be non-negative numbers");
    }
    if (channel < 0 || channel > 255 || !(pixelFraction >= 0) || pixelFraction > 1) {
      throw new IllegalArgumentException("image tolerance out of range");
    }
  }

  public boolean close(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b);
    }
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return a == b;
    }
    return Math.abs(a - b) <= atol + rtol * Math.abs(b);
  }
}
