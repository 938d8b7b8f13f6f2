package dev.livelens.vision;

import java.util.Objects;

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
    int end = length;
    while (end > 0 && data[end - 1] == 0) {
      end--;
    }
    // SOI + EOI is the shortest possible marker sequence.
    return end >= 4 && data[end - 2] == (byte) 0xFF && data[end - 1] == (byte) 0xD9;
  }

  /**
   * Width times height from the frame header (SOFn), found by walking the marker
   * segments; -1 when there is no frame header before the scan data or the end.
   */
  public static long framePixels(byte[] data, int length) {
    Objects.checkFromIndexSize(0, length, data.length);
    int i = 2; // after SOI
    while (i + 3 < length) {
      if (data[i] != (byte) 0xFF) {
        return -1; // not at a marker: the structure is broken
      }
      int marker = data[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++; // fill byte before a marker
        continue;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        i += 2; // TEM and RSTn have no length field
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        return -1; // scan data or end of image before any frame header
      }
      int segmentLength = ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
      boolean frameHeader = marker >= 0xC0 && marker <= 0xCF
          && marker != 0xC4 && marker != 0xC8 && marker != 0xCC; // DHT, JPG, DAC
      if (frameHeader) {
        if (i + 8 >= length) {
          return -1;
        }
        long height = ((data[i + 5] & 0xFF) << 8) | (data[i + 6] & 0xFF);
        long width = ((data[i + 7] & 0xFF) << 8) | (data[i + 8] & 0xFF);
        return width * height;
      }
      i += 2 + segmentLength;
    }
    return -1;
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
