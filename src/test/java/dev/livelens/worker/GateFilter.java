package dev.livelens.worker;

import dev.livelens.filter.Filter;
import dev.livelens.filter.FilterSpec;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.opencv.core.Mat;

/**
 * Holds every frame at its worker until the test opens the gate, and notes each frame's visit: the
 * thread that took it (which worker) and that thread's nice value (at what CPU priority).
 */
final class GateFilter implements Filter {

  static final FilterSpec SPEC = new FilterSpec("gate", "Waits until the test opens the gate", List.of());

  /** @param nice the thread's nice value as Linux reports it, or {@link Integer#MIN_VALUE} elsewhere */
  record Visit(String thread, int nice) {
  }

  private static final BlockingQueue<Visit> VISITS = new LinkedBlockingQueue<>();
  private static volatile CountDownLatch gate = new CountDownLatch(1);

  static void closeGate() {
    VISITS.clear();
    gate = new CountDownLatch(1);
  }

  static void openGate() {
    gate.countDown();
  }

  /** The next frame to reach a worker, waiting for it up to 30 s. */
  static Visit nextVisit() throws InterruptedException {
    Visit visit = VISITS.poll(30, TimeUnit.SECONDS);
    if (visit == null) {
      throw new AssertionError("no frame reached a worker within 30 s");
    }
    return visit;
  }

  /** The calling thread's nice value (field 19 of /proc/thread-self/stat), or MIN_VALUE off Linux. */
  static int niceOfThisThread() {
    try {
      String stat = Files.readString(Path.of("/proc/thread-self/stat"));
      // Fields after the command name, which may hold spaces: the third field is the first here.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(fields[19 - 3]);
    } catch (IOException | RuntimeException e) {
      return Integer.MIN_VALUE;
    }
  }

  @Override
  public FilterSpec spec() {
    return SPEC;
  }

  @Override
  public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
    VISITS.add(new Visit(Thread.currentThread().getName(), niceOfThisThread()));
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
