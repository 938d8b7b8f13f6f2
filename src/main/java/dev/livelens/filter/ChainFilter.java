package dev.livelens.filter;

import dev.livelens.vision.JpegCodec.Pixels;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * A worker's {@link FilterChain}: the frame passed through the worker's own instances of the chained
 * filters, each given what the one before returned (a grey image widened back to BGR for a colour filter).
 */
final class ChainFilter implements Filter {

  private final FilterSpec spec;
  private final Map<String, Filter> filters;
  private final Mat widened = new Mat();

  ChainFilter(FilterSpec spec, Map<String, Filter> filters) {
    this.spec = spec;
    this.filters = filters;
  }

  @Override
  public FilterSpec spec() {
    return spec;
  }

  @Override
  public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
    JsonArray stages = params.getJsonArray(FilterChain.STAGES);
    JsonArray states = state.getJsonArray(FilterChain.STAGES, new JsonArray());
    JsonArray reports = new JsonArray();
    JsonArray nanos = new JsonArray();
    Mat current = frame;
    for (int i = 0; i < stages.size(); i++) {
      JsonObject stage = stages.getJsonObject(i);
      Filter filter = filters.get(stage.getString("name"));
      if (filter == null) {
        throw new IllegalArgumentException("this worker has no filter " + stage.getString("name"));
      }
      // Stages get BGR or grey, never planes: the chain decodes as its own input() (BGR) asks.
      if (current.channels() == 1 && filter.input() != Pixels.GRAY) {
        Imgproc.cvtColor(current, widened, Imgproc.COLOR_GRAY2BGR);
        current = widened;
      }
      JsonObject stageReport = new JsonObject();
      long start = System.nanoTime();
      current = filter.apply(current, stage.getJsonObject("params"),
          i < states.size() ? states.getJsonObject(i) : new JsonObject(), stageReport);
      nanos.add(System.nanoTime() - start);
      reports.add(stageReport);
      stageReport.forEach(field -> report.put(field.getKey(), field.getValue()));
    }
    report.put(FilterChain.REPORTS, reports).put(FilterChain.STAGE_NANOS, nanos);
    if (!report.containsKey("type")) {
      report.put("type", FilterChain.NAME);
    }
    return current;
  }

  @Override
  public void close() {
    widened.release();
  }
}
