package dev.livelens.filter;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.opencv.core.Mat;

/** Sends the frame back as it came: the baseline for round-trip time. */
public final class NoneFilter implements Filter {

  static final FilterSpec SPEC = new FilterSpec("none", "The camera image, unchanged (re-encoded)", List.of());

  @Override
  public FilterSpec spec() {
    return SPEC;
  }

  @Override
  public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
    return frame;
  }
}
