package dev.livelens.vision;

import java.util.function.IntUnaryOperator;

/**
 * A PNG's size from its first chunk (the 8-byte signature, then IHDR with width and height), read before
 * anything is decoded so an image claiming too many pixels is refused without memory for them.
 */
public record PngHeader(long width, long height) {

  private static final int[] SIGNATURE = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final int IHDR_END = 8 + 4 + 4 + 13;

  /** Whether the bytes start as a PNG does. */
  public static boolean isPng(IntUnaryOperator byteAt, int length) {
    if (length < SIGNATURE.length) {
      return false;
    }
    for (int i = 0; i < SIGNATURE.length; i++) {
      if (byteAt.applyAsInt(i) != SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }

  /** @throws BadImageException when the bytes are not a PNG with its header chunk first */
  public static PngHeader read(IntUnaryOperator byteAt, int length) {
    if (!isPng(byteAt, length) || length < IHDR_END) {
      throw new BadImageException("not a PNG image, or cut short before its header");
    }
    if (byteAt.applyAsInt(12) != 'I' || byteAt.applyAsInt(13) != 'H' || byteAt.applyAsInt(14) != 'D'
        || byteAt.applyAsInt(15) != 'R') {
      throw new BadImageException("a PNG image must start with its IHDR chunk");
    }
    long width = uint32(byteAt, 16);
    long height = uint32(byteAt, 20);
    if (width == 0 || height == 0) {
      throw new BadImageException("a PNG image of no pixels");
    }
    return new PngHeader(width, height);
  }

  private static long uint32(IntUnaryOperator byteAt, int at) {
    long value = 0;
    for (int i = 0; i < 4; i++) {
      value = value << 8 | byteAt.applyAsInt(at + i);
    }
    return value;
  }
}
