package dev.livelens.bench;

import dev.livelens.filter.Filter;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.filter.FilterSpec;
import dev.livelens.filter.GrayFilter;
import dev.livelens.vision.JpegCodec.Pixels;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.opencv.core.Mat;

/**
 * `gray` made the old way, decode to luminance and encode again, so the ceiling can measure the
 * pixel path beside the lossless transform in the same run: the server's own GrayFilter, minus its
 * shortcut.
 */
final class PixelGray implements Filter {

  static final FilterSpec SPEC = new FilterSpec("gray-pixels", "gray through decode and encode", List.of());

  private final GrayFilter gray = new GrayFilter();

  static FilterCatalog addTo(FilterCatalog catalog) {
    return catalog.add(SPEC, PixelGray::new);
  }

  @Override
  public FilterSpec spec() {
    return SPEC;
  }

  @Override
  public Pixels input() {
    return gray.input();
  }

  @Override
  public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
    return gray.apply(frame, params, state, report);
  }

  @Override
  public void close() {
    gray.close();
  }
}
