package dev.livelens.testing;

import java.util.Arrays;

/** Frames that are wrong in one specific way, made from a good one. */
public final class BadFrames {

  private BadFrames() {
  }

  /** The JPEG cut in half: no end-of-image marker. */
  public static byte[] truncated(byte[] jpeg) {
    return Arrays.copyOf(jpeg, jpeg.length / 2);
  }

  /** A valid JPEG whose frame header claims {@code width} x {@code height} pixels. */
  public static byte[] claimingSize(byte[] jpeg, int width, int height) {
    byte[] copy = jpeg.clone();
    for (int i = 2; i + 9 < copy.length; i++) {
      int marker = copy[i + 1] & 0xFF;
      if ((copy[i] & 0xFF) == 0xFF && (marker == 0xC0 || marker == 0xC2)) {
        copy[i + 5] = (byte) (height >> 8);
        copy[i + 6] = (byte) height;
        copy[i + 7] = (byte) (width >> 8);
        copy[i + 8] = (byte) width;
        return copy;
      }
    }
    throw new IllegalArgumentException("no SOF0/SOF2 marker in the JPEG");
  }

  /** Bytes that are not an image at all. */
  public static byte[] notAnImage() {
    return "this is not a JPEG, just some text pretending to be a frame".getBytes();
  }
}
