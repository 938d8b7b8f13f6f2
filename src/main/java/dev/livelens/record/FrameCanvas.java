package dev.livelens.record;

import dev.livelens.vision.JpegCodec;
import java.nio.ByteBuffer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * The picture a recording encodes, in one direct buffer the encoder reads and an OpenCV Mat over the
 * same memory. Its size is fixed by the first frame (made even, as H.264 wants); a frame of another
 * size (the camera turned, another filter) is scaled to fit and centred on black, never refused.
 * Every Mat is kept and reused; {@link #close()} frees them.
 */
final class FrameCanvas implements AutoCloseable {

  private final int width;
  private final int height;
  private final ByteBuffer pixels;
  private final Mat canvas;
  private final Mat decoded = new Mat();
  private Mat fitted;
  private int fittedFor = -1;

  FrameCanvas(int width, int height) {
    this.width = width & ~1;
    this.height = height & ~1;
    this.pixels = ByteBuffer.allocateDirect(this.width * this.height * 3);
    this.canvas = new Mat(this.height, this.width, CvType.CV_8UC3, pixels);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** BGR pixels, width × height × 3, rows without padding. */
  ByteBuffer pixels() {
    return pixels;
  }

  /** Draws a JPEG onto the canvas, fitted. */
  void draw(JpegCodec codec, byte[] jpeg, int length) {
    codec.decode(jpeg, length, decoded);
    if (decoded.cols() == width && decoded.rows() == height) {
      decoded.copyTo(canvas);
      return;
    }
    Mat target = fittedArea(decoded.cols(), decoded.rows());
    Imgproc.resize(decoded, target, target.size(), 0, 0, Imgproc.INTER_AREA);
  }

  /** The part of the canvas a frame of this size fills; the rest is black. Made again only when the size changes. */
  private Mat fittedArea(int frameWidth, int frameHeight) {
    int key = frameWidth * 65536 + frameHeight;
    if (key != fittedFor) {
      double scale = Math.min(width / (double) frameWidth, height / (double) frameHeight);
      int w = Math.max(1, (int) Math.round(frameWidth * scale));
      int h = Math.max(1, (int) Math.round(frameHeight * scale));
      if (fitted != null) {
        fitted.release();
      }
      canvas.setTo(new Scalar(0, 0, 0));
      fitted = canvas.submat(new Rect((width - w) / 2, (height - h) / 2, Math.min(w, width), Math.min(h, height)));
      fittedFor = key;
    }
    return fitted;
  }

  @Override
  public void close() {
    if (fitted != null) {
      fitted.release();
    }
    decoded.release();
    canvas.release();
  }
}
