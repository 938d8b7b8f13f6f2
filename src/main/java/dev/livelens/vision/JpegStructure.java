package dev.livelens.vision;

import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * Cheap structural checks on JPEG bytes, shared by the codecs so both accept and
 * reject the same frames. They catch what decoders let through: OpenCV's imdecode
 * returns a partly grey picture for a truncated file instead of failing.
 */
public final class JpegStructure {

  /**
   * Largest frame either codec decodes (8192 x 8192 pixels): a forged 64 KB header
   * must not make a decoder allocate gigabytes and spend seconds on grey.
   */
  public static final long MAX_PIXELS = 1L << 26;

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
    return endsWithEoi(i -> data[i] & 0xFF, length);
  }

  /** {@link #endsWithEoi(byte[], int)} for bytes that need not be in an array: no copy to check a frame. */
  public static boolean endsWithEoi(IntUnaryOperator byteAt, int length) {
    int end = length;
    while (end > 0 && byteAt.applyAsInt(end - 1) == 0) {
      end--;
    }
    // SOI + EOI is the shortest possible marker sequence.
    return end >= 4 && byteAt.applyAsInt(end - 2) == 0xFF && byteAt.applyAsInt(end - 1) == 0xD9;
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
