package dev.livelens.vision;

import java.util.function.IntUnaryOperator;

/**
 * What is wrong with an uploaded background picture, read from its header alone, as a frame's is: JPEG or
 * PNG only, within {@code --max-image-side}, before a byte of it is decoded (no decompression bombs).
 */
public final class PictureHeaders {

  private PictureHeaders() {
  }

  /** The problem in words for the person who sent it, or null when the picture may be decoded. */
  public static String problem(IntUnaryOperator byteAt, int length, int maxImageSide) {
    try {
      long width;
      long height;
      if (PngHeader.isPng(byteAt, length)) {
        PngHeader png = PngHeader.read(byteAt, length);
        width = png.width();
        height = png.height();
      } else if (length > 1 && byteAt.applyAsInt(0) == 0xFF && byteAt.applyAsInt(1) == 0xD8) {
        JpegHeader header = JpegHeader.read(byteAt, length);
        width = header.width();
        height = header.height();
      } else {
        return "a background picture must be a JPEG or PNG image";
      }
      if (width > maxImageSide || height > maxImageSide) {
        return "the background picture of " + width + "x" + height + " pixels is over the limit of " + maxImageSide
            + "x" + maxImageSide + "; choose a smaller one";
      }
      return null;
    } catch (BadImageException e) {
      return "the background picture cannot be read: " + e.getMessage();
    }
  }
}
