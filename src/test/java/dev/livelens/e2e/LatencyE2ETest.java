package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The latency a person feels, read from the page's own numbers: `edges` (or the filter named by
 * {@code -Dlivelens.latency.filter}) at 640x480 and 30 fps for 20 s,
 * each frame's time from the camera to the screen split into capture→encode, network+server and
 * decode→draw, and how long the main thread keeps an event waiting meanwhile. The numbers are written to
 * target/latency.txt for docs/benchmarks.md, with the load the machine was under; the targets (p50 under
 * 20 ms, p95 under 35 ms, the main thread answering within 50 ms) are judged there, on a quiet machine,
 * not asserted here, where a shared machine's load decides them. What is asserted is that the page
 * measures: every frame's time is split into its three parts, which add up to the round trip.
 */
@BrowserTest
class LatencyE2ETest {

  private static final long WARM_UP_MS = 3000;
  private static final long MEASURE_MS = 20_000;

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

  /** The filter measured: {@code edges} unless {@code -Dlivelens.latency.filter=blur-background} (or another) says. */
  private static final String FILTER = System.getProperty("livelens.latency.filter", "edges");

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera();

  @Test
  void edgesAt30FpsIsMeasuredFromCameraToScreenInThreeParts() throws Exception {
    LiveLensPage page = fixture.page().load();
    page.selectFilter(FILTER);
    page.pinCapture("30", "640", "0.8");
    page.startStreaming(10);
    assertEquals("track-processor", page.state().get("capture"), "Chromium gives the worker the camera's frames");
    Thread.sleep(WARM_UP_MS);
    fixture.browser.js("window.livelens.resetLatency();" + WATCH_MAIN_THREAD);
    Thread.sleep(MEASURE_MS);
    Split split = Split.read(fixture.browser);
    fixture.browser.js("clearTimeout(window.eventDelayTimer);");
    String line = FILTER + ": " + split + String.format(Locale.ROOT, "; load average %.1f on %d cores", loadAverage(),
        Runtime.getRuntime().availableProcessors());
    System.err.println("[e2e] latency: " + line);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "latency.txt"), line + System.lineSeparator());

    assertTrue(split.frames() >= MEASURE_MS / 1000 * 5, "frames kept reaching the screen: " + line);
    double parts = split.captureEncode().p50() + split.networkServer().p50() + split.decodeDraw().p50();
    assertTrue(split.captureEncode().p50() > 0 && split.networkServer().p50() > 0 && split.decodeDraw().p50() > 0,
        "each part of the round trip is measured: " + line);
    assertTrue(parts > 0.5 * split.roundTrip().p50() && parts < 2 * split.roundTrip().p95(),
        "the parts add up to the round trip: " + line);
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
