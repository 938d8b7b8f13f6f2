package dev.livelens.filter;

import dev.livelens.vision.JpegCodec.Pixels;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Luminance only; encoded as a one-channel JPEG, which is also cheaper to send. */
public final class GrayFilter implements Filter {

  static final FilterSpec SPEC = new FilterSpec("gray", "Grayscale (luminance only)", List.of());

  private final Mat gray = new Mat();

  @Override
  public FilterSpec spec() {
    return SPEC;
  }

  @Override
  public Pixels input() {
    return Pixels.GRAY;
  }

  @Override
  public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
    if (frame.channels() == 1) {
      return frame; // the decoder already did the work
    }
    Imgproc.cvtColor(frame, gray, Imgproc.COLOR_BGR2GRAY);
    return gray;
  }

  @Override
  public void close() {
    gray.release();
  }
}
