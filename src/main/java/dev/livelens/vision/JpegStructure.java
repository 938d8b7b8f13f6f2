package dev.livelens.vision;

import java.util.Objects;

/**
 * Cheap structural checks on JPEG bytes, shared by the codecs so both accept and
 * reject the same frames. They catch what decoders let through: OpenCV's imdecode
 * returns a partly grey picture for a truncated file instead of failing.
 */
public final class JpegStructure {

  private JpegStructure() {}

  /** True when the data begins with the SOI marker 0xFFD8. */
  public static boolean startsWithSoi(byte[] data, int length) {
    Objects.checkFromIndexSize(0, length, data.length);
    return length >= 2 && data[0] == (byte) 0xFF && data[1] == (byte) 0xD8;
  }

  /**
   * True when the data ends with the EOI marker 0xFFD9, possibly followed by zero
   * bytes (some cameras pad frames). A truncated file does not.
   */
  public static boolean endsWithEoi(byte[] data, int length) {
    Objects.checkFromIndexSize(0, length, data.length);
    int end = length;
    while (end > 0 && data[end - 1] == 0) {
      end--;
    }
    // SOI + EOI is the shortest possible marker sequence.
    return end >= 4 && data[end - 2] == (byte) 0xFF && data[end - 1] == (byte) 0xD9;
  }

  /**
   * Throws unless the data starts with SOI and ends with EOI.
   *
   * @throws BadImageException naming what is wrong
   */
  public static void requireComplete(byte[] data, int length) {
    if (!startsWithSoi(data, length)) {
      throw new BadImageException("not a JPEG (no SOI marker at the start)");
    }
    if (!endsWithEoi(data, length)) {
      throw new BadImageException("truncated JPEG (no EOI marker at the end)");
    }
  }
}
