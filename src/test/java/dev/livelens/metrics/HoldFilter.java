package dev.livelens.metrics;

import dev.livelens.filter.Filter;
import dev.livelens.filter.FilterSpec;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opencv.core.Mat;

/**
 * Holds every frame at the worker until the test opens the gate, so that the frames sent meanwhile
 * certainly wait, and certainly replace one another.
 */
final class HoldFilter implements Filter {

  static final FilterSpec SPEC = new FilterSpec("hold", "Waits until the test opens the gate", List.of());

  private static volatile CountDownLatch gate = new CountDownLatch(1);

  static void closeGate() {
    gate = new CountDownLatch(1);
  }

  static void openGate() {
    gate.countDown();
  }

  @Override
  public FilterSpec spec() {
    return SPEC;
  }

  @Override
  public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
    try {
      if (!gate.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never opened the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return frame;
  }
}
