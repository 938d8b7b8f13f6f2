package dev.livelens.filter;

import dev.livelens.vision.JpegCodec.Pixels;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Canny edges on the grey image: white edges on black. */
public final class EdgesFilter implements Filter {

  static final FilterSpec SPEC = new FilterSpec("edges", "Canny edge detector", List.of(
      ParamSpec.integer("low", 50, 0, 1000, "Lower hysteresis threshold: weaker gradients are never edges"),
      ParamSpec.integer("high", 150, 0, 1000, "Upper hysteresis threshold: stronger gradients always are edges")));

  private final Mat gray = new Mat();
  private final Mat edges = new Mat();

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
    Mat source = frame;
    if (frame.channels() != 1) {
      Imgproc.cvtColor(frame, gray, Imgproc.COLOR_BGR2GRAY);
      source = gray;
    }
    Imgproc.Canny(source, edges, params.getInteger("low"), params.getInteger("high"));
    return edges;
  }

  @Override
  public void close() {
    gray.release();
    edges.release();
  }
}
