package dev.livelens.vision;

/**
 * Reads a JPEG's size from its markers without decoding it, so oversized images (decompression bombs)
 * and non-JPEG bytes are refused before any pixel memory is allocated.
 */
public record JpegHeader(int width, int height) {

  /**
   * @throws BadImageException when the bytes are not a JPEG or carry no frame header
   */
  public static JpegHeader read(byte[] data, int offset, int length) {
    int end = offset + length;
    if (length < 4 || (data[offset] & 0xFF) != 0xFF || (data[offset + 1] & 0xFF) != 0xD8) {
      throw new BadImageException("not a JPEG (no start-of-image marker)");
    }
    int pos = offset + 2;
    while (pos + 4 <= end) {
      if ((data[pos] & 0xFF) != 0xFF) {
        throw new BadImageException("corrupt JPEG header (expected a marker at byte " + (pos - offset) + ")");
      }
      int marker = data[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++;
        continue;
      }
      int segmentLength = ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
      if (isStartOfFrame(marker)) {
        if (pos + 9 > end) {
          break;
        }
        int height = ((data[pos + 5] & 0xFF) << 8) | (data[pos + 6] & 0xFF);
        int width = ((data[pos + 7] & 0xFF) << 8) | (data[pos + 8] & 0xFF);
        if (width == 0 || height == 0) {
          throw new BadImageException("JPEG declares an empty image");
        }
        return new JpegHeader(width, height);
      }
      if (marker == 0xDA || marker == 0xD9 || segmentLength < 2) {
        break;
      }
      pos += 2 + segmentLength;
    }
    throw new BadImageException("corrupt JPEG header (no frame size before the image data)");
  }

  /** SOF0..SOF15 carry the image size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }
}
