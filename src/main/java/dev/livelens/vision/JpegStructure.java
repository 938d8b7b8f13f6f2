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
   * Largest width or height either codec decodes, and so the highest --max-image-side: a forged 64 KB
   * header must not make a decoder allocate gigabytes and spend seconds on grey.
   */
  public static final int MAX_SIDE = 8192;

  /** Largest frame either codec decodes (8192 x 8192 pixels). */
  public static final long MAX_PIXELS = (long) MAX_SIDE * MAX_SIDE;

  /**
   * Most scans a frame may have. Camera frames are baseline (one scan) and progressive encoders use
   * about ten; every scan is another pass over the whole image, so a small file of hundreds of scans
   * would keep a worker decoding for seconds.
   */
  public static final int MAX_SCANS = 20;

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
   * The checks both codecs make before decoding: the data is complete, has at most {@link #MAX_SCANS}
   * scans and a frame header of at most {@link #MAX_PIXELS}.
   *
   * @return the frame header; a decoder that reads another size from the same bytes must refuse them
   * @throws BadImageException naming what is wrong
   */
  public static JpegHeader requireDecodable(byte[] data, int length) {
    requireComplete(data, length);
    JpegHeader header = JpegHeader.read(data, 0, length);
    if (header.pixels() > MAX_PIXELS) {
      throw new BadImageException("JPEG of " + header.width() + "x" + header.height() + " pixels is too large");
    }
    int scans = scanCount(data, length);
    if (scans > MAX_SCANS) {
      throw new BadImageException("JPEG with " + scans + " scans; at most " + MAX_SCANS + " are decoded");
    }
    return header;
  }

  /**
   * The number of scans (SOS segments), found by walking the marker segments and, after each scan
   * header, its entropy-coded data up to the next marker. Stops where the structure breaks: the
   * decoder refuses such data anyway.
   */
  static int scanCount(byte[] data, int length) {
    Objects.checkFromIndexSize(0, length, data.length);
    int scans = 0;
    int i = 2; // after SOI
    while (i + 4 <= length) {
      if (data[i] != (byte) 0xFF) {
        return scans;
      }
      int marker = data[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++; // fill byte before a marker
        continue;
      }
      if (marker == 0xD9) {
        return scans;
      }
      if (hasNoLength(marker)) {
        i += 2;
        continue;
      }
      i += 2 + (((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF));
      if (marker == 0xDA) {
        scans++;
        // Entropy-coded data: 0xFF is followed by a stuffed 0x00 or a restart marker until the next marker.
        while (i + 1 < length && !(data[i] == (byte) 0xFF && data[i + 1] != 0 && !isRestart(data[i + 1] & 0xFF))) {
          i++;
        }
      }
    }
    return scans;
  }

  /** TEM and RSTn are bare markers: no length field and no segment follow them. */
  static boolean hasNoLength(int marker) {
    return marker == 0x01 || isRestart(marker);
  }

  private static boolean isRestart(int marker) {
    return marker >= 0xD0 && marker <= 0xD7;
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
