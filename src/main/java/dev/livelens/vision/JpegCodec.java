package dev.livelens.vision;

import org.opencv.core.Mat;

/**
 * Turns JPEG bytes into pixels and back. One instance belongs to one worker:
 * implementations keep native scratch state and are not thread-safe.
 * Close an instance when its worker stops, to free that native state at once.
 */
public interface JpegCodec extends AutoCloseable {

  /** Short name shown in the startup log and the info API, e.g. "turbojpeg". */
  String name();

  /** What a decode produces. */
  enum Pixels {
    /** 8-bit BGR (CV_8UC3). */
    BGR,
    /** 8-bit luminance only (CV_8UC1): cheaper, as the colour planes are never converted. */
    GRAY
  }

  /**
   * Decodes {@code length} bytes of {@code jpeg} into {@code dst} as {@code pixels}.
   * {@code dst} is reallocated only when the image size or type changes.
   *
   * @throws BadImageException when the bytes are not a complete, decodable JPEG
   *     (a truncated frame is rejected, never returned partly grey)
   */
  void decode(byte[] jpeg, int length, Mat dst, Pixels pixels);

  /** Decodes into {@code dst} as 8-bit BGR; see {@link #decode(byte[], int, Mat, Pixels)}. */
  default void decode(byte[] jpeg, int length, Mat dst) {
    decode(jpeg, length, dst, Pixels.BGR);
  }

  /**
   * The same picture in grey, made without decoding to pixels, or null when this codec (or this JPEG)
   * cannot: the caller then decodes and converts instead.
   *
   * @param checked the header {@link JpegStructure#requireDecodable} returned for these bytes
   * @throws BadImageException when the bytes turn out corrupt on the way
   */
  default byte[] grayscale(byte[] jpeg, int length, JpegHeader checked) {
    return null;
  }

  /** Encodes an 8-bit BGR (CV_8UC3) or grey (CV_8UC1) image at the given quality (1-100). */
  byte[] encode(Mat image, int quality);

  /** Frees native state. Idempotent; do not use the codec afterwards. */
  @Override
  default void close() {}
}
