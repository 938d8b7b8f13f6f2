package dev.livelens.testing;

import dev.livelens.filter.Filter;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.filter.FilterSpec;
import dev.livelens.filter.JpegShortcut;
import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegStructure;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Holds each frame at its worker for a fixed time and answers with the frame as sent: a worker whose
 * capacity is known (1000 / HOLD_MS frames a second) whatever else the machine runs, since waiting
 * costs no CPU. For tests of how frames spread over workers and nodes.
 */
public final class PacedFilter implements Filter {

  public static final long HOLD_MS = 40;
  public static final FilterSpec SPEC = new FilterSpec("paced", "Holds each frame " + HOLD_MS + " ms", List.of());

  /** The standard filters and this one. */
  public static FilterCatalog catalog() {
    return FilterCatalog.standard().add(SPEC, PacedFilter::new);
  }

  @Override
  public FilterSpec spec() {
    return SPEC;
  }

  @Override
  public JpegShortcut withoutPixels(byte[] jpeg, int length, JsonObject params, JpegCodec codec) {
    try {
      Thread.sleep(HOLD_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return JpegShortcut.asSent(JpegStructure.requireDecodable(jpeg, length));
  }

  @Override
  public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
    return frame;
  }
}
