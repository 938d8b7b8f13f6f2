package dev.livelens.vision;

import dev.livelens.vision.JpegCodec.Pixels;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * An uploaded picture (JPEG or PNG, its header already checked) decoded as strictly as a frame, shrunk to
 * fit {@link #MAX_WIDTH}x{@link #MAX_HEIGHT} and encoded again as a JPEG: what a stream keeps and sends with
 * its frames, so a worker only ever decodes a JPEG the server made. One per worker; not thread-safe. Its
 * Mats are let go after each picture: pictures come seldom, and one may be as large as a frame may be.
 */
public final class ImageNormaliser implements AutoCloseable {

  public static final int MAX_WIDTH = 1280;
  public static final int MAX_HEIGHT = 720;
  private static final int QUALITY = 85;

  private final JpegCodec codec;

  public ImageNormaliser(JpegCodec codec) {
    this.codec = codec;
  }

  /** @throws BadImageException when the bytes do not decode as the image they claim to be */
  public byte[] normalise(byte[] image) {
    Mat decoded = new Mat();
    Mat fitted = new Mat();
    try {
      if (PngHeader.isPng(i -> image[i] & 0xFF, image.length)) {
        decodePng(image, decoded);
      } else {
        codec.decode(image, image.length, decoded, Pixels.BGR);
      }
      double scale = Math.min(1, Math.min(MAX_WIDTH / (double) decoded.cols(), MAX_HEIGHT / (double) decoded.rows()));
      if (scale >= 1) {
        return codec.encode(decoded, QUALITY);
      }
      Imgproc.resize(decoded, fitted, new Size(Math.max(1, Math.round(decoded.cols() * scale)),
          Math.max(1, Math.round(decoded.rows() * scale))), 0, 0, Imgproc.INTER_AREA);
      return codec.encode(fitted, QUALITY);
    } finally {
      NativeObjects.delete(decoded);
      NativeObjects.delete(fitted);
    }
  }

  private static void decodePng(byte[] image, Mat into) {
    MatOfByte raw = new MatOfByte(image);
    Mat read = Imgcodecs.imdecode(raw, Imgcodecs.IMREAD_COLOR);
    try {
      if (read.empty()) {
        throw new BadImageException("the PNG image is damaged or cut short");
      }
      read.copyTo(into);
    } finally {
      NativeObjects.delete(raw);
      NativeObjects.delete(read);
    }
  }

  @Override
  public void close() {
    codec.close();
  }
}
