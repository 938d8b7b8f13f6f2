package dev.livelens.e2e;

import static dev.livelens.e2e.Browser.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One worker and a crowd of other streams: the page sees frames queue and drop, lowers quality, then
 * size, then rate, says why, and raises them all again once the crowd leaves. A pinned setting stays.
 */
@BrowserTest
class AdaptE2ETest {

  private static final int CROWD = 10;
  private static final long CROWD_FRAME_EVERY_MS = 20;
  private static final Duration STEPS = Duration.ofSeconds(40);

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera().withServerFlags("--workers", "1");

  @Test
  void stepsDownUnderLoadAndBackUpWhenItGoes() throws Exception {
    LiveLensPage page = fixture.page().load();
    page.selectFilter("edges");
    page.startStreaming(10);
    // A fresh server is slow for its first frames (JIT), and the machine is shared: wait for the best.
    fixture.browser.await("every setting at its best before the crowd", STEPS, page::state, AdaptE2ETest::atBest);

    AtomicBoolean loading = new AtomicBoolean(true);
    List<Thread> crowd = startCrowd(loading);
    try {
      Map<String, Object> lowered = fixture.browser.await("quality lowered under load", STEPS, page::state,
          s -> level(s, "quality") > 0);
      assertTrue(String.valueOf(lowered.get("adapt")).startsWith("lowered quality"), "says why: " + lowered);
      Map<String, Object> further = fixture.browser.await("size or rate lowered too", STEPS, page::state,
          s -> level(s, "size") > 0 || level(s, "fps") > 0);
      assertEquals(2L, level(further, "quality"), "quality is lowered all the way before size or rate: " + further);
      System.err.println("[e2e] under load: " + further.get("adapt") + " " + further.get("settings"));
    } finally {
      loading.set(false);
      for (Thread t : crowd) {
        t.join();
      }
    }
    Map<String, Object> raised = fixture.browser.await("every setting back at its best", STEPS, page::state,
        AdaptE2ETest::atBest);
    assertTrue(String.valueOf(raised.get("adapt")).startsWith("raised quality"), "quality comes back last: " + raised);
    assertEquals(Map.of("fps", 30L, "longSide", 640L, "quality", 0.8), raised.get("settings"));
  }

  @Test
  void aPinnedSettingIsNeverChanged() throws Exception {
    LiveLensPage page = fixture.page().load();
    page.selectFilter("edges");
    page.pinCapture("auto", "auto", "0.9");
    page.startStreaming(10);
    AtomicBoolean loading = new AtomicBoolean(true);
    List<Thread> crowd = startCrowd(loading);
    try {
      Map<String, Object> lowered = fixture.browser.await("size lowered instead of quality", STEPS, page::state,
          s -> level(s, "size") > 0);
      assertEquals(0.9, number(castMap(lowered.get("settings")), "quality"), "the pinned quality stays");
    } finally {
      loading.set(false);
      for (Thread t : crowd) {
        t.join();
      }
    }
  }

  /** Streams that send `edges` frames every 20 ms each and never wait: far more than one worker does. */
  private static List<Thread> startCrowd(AtomicBoolean loading) {
    byte[] frame = TestImages.faceFrame();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < CROWD; i++) {
      Thread thread = new Thread(() -> {
        try (StreamClient client = fixture.connectStream()) {
          client.selectFilter("edges", new io.vertx.core.json.JsonObject());
          for (long id = 1; loading.get(); id++) {
            client.sendFrame(id, frame);
            Thread.sleep(CROWD_FRAME_EVERY_MS);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "crowd-" + i);
      thread.start();
      threads.add(thread);
    }
    return threads;
  }

  private static boolean atBest(Map<String, Object> state) {
    return level(state, "quality") == 0 && level(state, "size") == 0 && level(state, "fps") == 0;
  }

  private static long level(Map<String, Object> state, String dimension) {
    return (long) number(castMap(state.get("levels")), dimension);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }
}
