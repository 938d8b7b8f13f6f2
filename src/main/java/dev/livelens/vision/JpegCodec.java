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
    GRAY,
    /**
     * The JPEG's own 4:2:0 YCbCr planes ({@link YuvPlanes}): no colour conversion and no chroma resampling
     * on the way in or out, for a filter that only draws on the picture. A codec or a frame that cannot
     * give them (another subsampling, a size {@link YuvPlanes#fits} refuses) gives BGR instead.
     */
    I420
  }

  /**
   * Decodes {@code length} bytes of {@code jpeg} into {@code dst} as {@code pixels}.
   * {@code dst} is reallocated only when the image size or type changes.
   *
   * @return what {@code dst} now holds: {@code pixels}, or BGR where I420 was asked and could not be given
   * @throws BadImageException when the bytes are not a complete, decodable JPEG
   *     (a truncated frame is rejected, never returned partly grey)
   */
  Pixels decode(byte[] jpeg, int length, Mat dst, Pixels pixels);

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

  /**
   * Encodes what a decode gave as {@code pixels}: I420 planes only a codec that decodes to them can encode
   * ({@code IllegalArgumentException} from the others); BGR or grey as {@link #encode(Mat, int)}.
   */
  default byte[] encode(Mat image, Pixels pixels, int quality) {
    if (pixels == Pixels.I420) {
      throw new IllegalArgumentException(name() + " does not encode YCbCr planes");
    }
    return encode(image, quality);
  }

  /** Frees native state. Idempotent; do not use the codec afterwards. */
  @Override
  default void close() {}
}
