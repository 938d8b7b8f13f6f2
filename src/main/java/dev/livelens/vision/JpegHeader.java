package dev.livelens.vision;

import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * Reads a JPEG's size from its markers without decoding it, so oversized images (decompression bombs)
 * and non-JPEG bytes are refused before any pixel memory is allocated.
 */
public record JpegHeader(int width, int height) {

  public long pixels() {
    return (long) width * height;
  }

  /**
   * @throws BadImageException when the bytes are not a JPEG or carry no frame header
   */
  public static JpegHeader read(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    return read(i -> data[offset + i] & 0xFF, length);
  }

  /**
   * Reads the header of bytes that need not be in an array (a network buffer), so checking a frame
   * does not copy it.
   *
   * @param byteAt the unsigned byte at an index from 0 to {@code length - 1}
   * @throws BadImageException when the bytes are not a JPEG or carry no frame header
   */
  public static JpegHeader read(IntUnaryOperator byteAt, int length) {
    if (length < 4 || byteAt.applyAsInt(0) != 0xFF || byteAt.applyAsInt(1) != 0xD8) {
      throw new BadImageException("not a JPEG (no start-of-image marker)");
    }
    int pos = 2;
    while (pos + 4 <= length) {
      if (byteAt.applyAsInt(pos) != 0xFF) {
        throw new BadImageException("corrupt JPEG header (expected a marker at byte " + pos + ")");
      }
      int marker = byteAt.applyAsInt(pos + 1);
      if (marker == 0xFF) {
        pos++; // fill byte before a marker
        continue;
      }
      if (JpegStructure.hasNoLength(marker)) {
        pos += 2;
        continue;
      }
      if (marker < 0xC0) {
        // 0x00 is a stuffed byte, 0x02-0xBF are reserved: libjpeg would skip such bytes and might find
        // another frame header behind them than the one this reader finds, so they are refused.
        throw new BadImageException("corrupt JPEG header (invalid marker 0x" + Integer.toHexString(marker)
            + " at byte " + pos + ")");
      }
      if (isStartOfFrame(marker)) {
        if (pos + 9 > length) {
          break;
        }
        int height = uint16(byteAt, pos + 5);
        int width = uint16(byteAt, pos + 7);
        if (width == 0 || height == 0) {
          throw new BadImageException("JPEG declares an empty image");
        }
        return new JpegHeader(width, height);
      }
      int segmentLength = uint16(byteAt, pos + 2);
      if (marker == 0xDA || marker == 0xD9 || segmentLength < 2) {
        break;
      }
      pos += 2 + segmentLength;
    }
    throw new BadImageException("corrupt JPEG header (no frame size before the image data)");
  }

  private static int uint16(IntUnaryOperator byteAt, int pos) {
    return (byteAt.applyAsInt(pos) << 8) | byteAt.applyAsInt(pos + 1);
  }

  /** SOF0..SOF15 carry the image size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }
}
