package dev.livelens.filter;

import dev.livelens.vision.NativeObjects;
import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * A stream's uploaded picture as the backdrop of a frame: decoded once (a worker sees the same picture frame
 * after frame, by reference in one JVM, as equal bytes from another), then cropped to the frame's shape from
 * its centre and scaled to cover the frame, again only when the frame's size changes.
 */
final class Backdrop implements AutoCloseable {

  private Buffer source;
  private byte[] bytes;
  private Mat picture = new Mat();
  private final Mat fitted = new Mat();
  private Size fittedFor;

  /** The picture covering a frame of {@code size}, or null when the bytes do not decode. */
  Mat cover(Buffer jpeg, Size size) {
    if (jpeg != source) {
      byte[] now = jpeg.getBytes();
      if (!Arrays.equals(now, bytes)) {
        decode(now);
      }
      source = jpeg;
    }
    if (picture.empty()) {
      return null;
    }
    if (!size.equals(fittedFor)) {
      double scale = Math.max(size.width / picture.cols(), size.height / picture.rows());
      int width = (int) Math.min(picture.cols(), Math.round(size.width / scale));
      int height = (int) Math.min(picture.rows(), Math.round(size.height / scale));
      Mat middle = picture.submat(new Rect((picture.cols() - width) / 2, (picture.rows() - height) / 2, width, height));
      try {
        Imgproc.resize(middle, fitted, size, 0, 0, Imgproc.INTER_AREA);
      } finally {
        NativeObjects.delete(middle);
      }
      fittedFor = size;
    }
    return fitted;
  }

  private void decode(byte[] now) {
    MatOfByte raw = new MatOfByte(now);
    try {
      Mat decoded = Imgcodecs.imdecode(raw, Imgcodecs.IMREAD_COLOR);
      NativeObjects.delete(picture);
      picture = decoded;
    } finally {
      NativeObjects.delete(raw);
    }
    bytes = now;
    fittedFor = null;
  }

  @Override
  public void close() {
    NativeObjects.delete(picture);
    fitted.release();
  }
}
