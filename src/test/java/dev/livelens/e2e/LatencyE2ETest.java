package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The latency a person feels, read from the page's own numbers: `edges` at 640x480 and 30 fps for 20 s,
 * each frame's time from the camera to the screen split into capture→encode, network+server and
 * decode→draw, and how long the main thread keeps an event waiting meanwhile. The machine is shared
 * with other builds, so a run that misses is tried once more on a fresh page; the numbers of every
 * attempt are printed. A miss while the machine runs far more than its cores can (load average over
 * twice the cores: other people's builds and benchmarks) says nothing about the page: the test is then
 * reported as aborted with its numbers, not as passed.
 */
@BrowserTest
class LatencyE2ETest {

  private static final long WARM_UP_MS = 3000;
  private static final long MEASURE_MS = 20_000;
  private static final double P50_TARGET_MS = 20;
  private static final double P95_TARGET_MS = 35;
  private static final double EVENT_DELAY_TARGET_MS = 50;
  private static final int ATTEMPTS = 2;

  /** Records how late a 10 ms timer fires: what an input event would wait for the main thread. */
  private static final String WATCH_MAIN_THREAD = """
      window.eventDelays = [];
      let expected = performance.now() + 10;
      const tick = () => {
        const now = performance.now();
        window.eventDelays.push(Math.max(0, now - expected));
        expected = now + 10;
        window.eventDelayTimer = setTimeout(tick, 10);
      };
      window.eventDelayTimer = setTimeout(tick, 10);
      """;

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera();

  @Test
  void edgesAt30FpsReachesTheScreenWithin20MsAtTheMedian() throws InterruptedException {
    List<String> attempts = new ArrayList<>();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      LiveLensPage page = fixture.page().load();
      page.selectFilter("edges");
      page.pinCapture("30", "640", "0.8");
      page.startStreaming(10);
      assertEquals("track-processor", page.state().get("capture"), "Chromium gives the worker the camera's frames");
      Thread.sleep(WARM_UP_MS);
      fixture.browser.js("window.livelens.resetLatency();" + WATCH_MAIN_THREAD);
      Thread.sleep(MEASURE_MS);
      Split split = Split.read(fixture.browser);
      fixture.browser.js("clearTimeout(window.eventDelayTimer);");
      String line = split.toString();
      attempts.add(line);
      System.err.println("[e2e] latency, attempt " + attempt + ": " + line + "; page state " + page.state());
      if (split.roundTrip.p50 < P50_TARGET_MS && split.roundTrip.p95 < P95_TARGET_MS
          && split.eventDelay.p99 < EVENT_DELAY_TARGET_MS && split.frames > MEASURE_MS / 1000 * 25) {
        return;
      }
    }
    double load = loadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    assumeTrue(load <= 2 * cores, "inconclusive: load average " + load + " on " + cores
        + " cores while measuring; numbers: " + attempts);
    fail("camera to screen p50 < " + P50_TARGET_MS + " ms, p95 < " + P95_TARGET_MS + " ms, main thread p99 < "
        + EVENT_DELAY_TARGET_MS + " ms and at least 25 fps not reached: " + attempts);
  }

  /** The last minute's load average, or 0 where /proc does not say. */
  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Percentiles of the page's samples. */
  record Percentiles(double p50, double p95, double p99) {
    static Percentiles of(List<?> values) {
      double[] sorted = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).sorted().toArray();
      return new Percentiles(at(sorted, 0.5), at(sorted, 0.95), at(sorted, 0.99));
    }

    private static double at(double[] sorted, double q) {
      return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "p50 %.1f / p95 %.1f", p50, p95);
    }
  }

  record Split(int frames, Percentiles roundTrip, Percentiles captureEncode, Percentiles networkServer,
      Percentiles decodeDraw, Percentiles eventDelay) {

    @SuppressWarnings("unchecked")
    static Split read(Browser browser) {
      Map<String, List<?>> samples = (Map<String, List<?>>) browser.js("return window.livelens.latencySamples();");
      List<?> delays = (List<?>) browser.js("return window.eventDelays;");
      return new Split(samples.get("roundTrip").size(), Percentiles.of(samples.get("roundTrip")),
          Percentiles.of(samples.get("captureEncode")), Percentiles.of(samples.get("networkServer")),
          Percentiles.of(samples.get("decodeDraw")), Percentiles.of(delays));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d frames; camera to screen %s ms (capture→encode %s, network+server %s, "
          + "decode→draw %s); main thread: a 10 ms timer late by %s, p99 %.1f ms", frames, roundTrip,
          captureEncode, networkServer, decodeDraw, eventDelay, eventDelay.p99);
    }
  }
}
