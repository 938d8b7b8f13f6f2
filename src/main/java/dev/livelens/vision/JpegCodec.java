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

  /**
   * Decodes {@code length} bytes of {@code jpeg} into {@code dst} as 8-bit BGR.
   * {@code dst} is reallocated only when the image size changes.
   *
   * @throws BadImageException when the bytes are not a complete, decodable JPEG
   *     (a truncated frame is rejected, never returned partly grey)
   */
  void decode(byte[] jpeg, int length, Mat dst);

  /** Encodes an 8-bit BGR (CV_8UC3) or grey (CV_8UC1) image at the given quality (1-100). */
  byte[] encode(Mat image, int quality);

  /** Frees native state. Idempotent; do not use the codec afterwards. */
  @Override
  default void close() {}
}
