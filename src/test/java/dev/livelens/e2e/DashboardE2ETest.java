package dev.livelens.e2e;

import static dev.livelens.e2e.Browser.number;
import static dev.livelens.e2e.LiveLensPage.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard in a real browser, watching a stream a protocol client runs against the same server. */
@BrowserTest
class DashboardE2ETest {

  private static final List<String> CHARTS = List.of("chart-frames", "chart-drops", "chart-latency",
      "chart-eventbus", "chart-sessions", "chart-cpu", "chart-memory");

  /** What the page shows now: feed state, live snapshots counted, tiles, totals and drawn charts. */
  private static final String READ_DASHBOARD = """
      const hook = window.livelensDashboard, text = id => document.getElementById(id).textContent;
      return {
        state: document.getElementById('feed-status').dataset.state,
        snapshots: hook.snapshots,
        framesIn: hook.last ? hook.last.framesIn : 0,
        framesInTile: text('stat-frames-in'),
        sessionsTile: text('stat-sessions'),
        totalReceived: Number(text('total-received').replace(/,/g, '')) || 0,
        charts: arguments[0].filter(id => document.querySelector('#' + id + ' canvas') !== null).length,
        filterRows: [...document.querySelectorAll('#table-filters tbody tr th')].map(th => th.textContent),
        nodeRows: [...document.querySelectorAll('#table-nodes tbody tr')]
            .map(tr => [...tr.children].slice(0, 3).map(cell => cell.textContent).join(' ')),
      };
      """;

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera();

  @Test
  void chartsDrawAndNumbersMoveWhileAStreamRuns(TestInfo test) throws Exception {
    fixture.browser.open(fixture.url("/dashboard"));
    fixture.browser.await("the feed to go live", PATIENCE, this::read, d -> "live".equals(d.get("state")));

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong answered = new AtomicLong();
    Thread stream = new Thread(() -> streamGray(running, answered), "dashboard-test-stream");
    stream.start();
    try {
      Map<String, Object> busy = fixture.browser.await("frames on the dashboard", PATIENCE, this::read,
          // Above 6, so the tile (one decimal) reads more than 5 too.
          d -> number(d, "framesIn") > 6 && number(d, "charts") == CHARTS.size() && number(d, "totalReceived") > 0);
      assertEquals("1", busy.get("sessionsTile"), busy.toString());
      assertTrue(Double.parseDouble((String) busy.get("framesInTile")) > 5, busy.toString());
      assertEquals(List.of("gray"), busy.get("filterRows"), busy.toString());
      // This node (its name, role and workers) in the node table; a cluster would list each of its nodes.
      JsonObject info = new JsonObject(fixture.server().get("/api/info").body());
      assertEquals(List.of(info.getString("node") + " all " + info.getInteger("workers")), busy.get("nodeRows"),
          busy.toString());

      // Numbers move: the running total grows with the next snapshots.
      double before = number(busy, "totalReceived");
      Map<String, Object> later = fixture.browser.await("the total to grow", PATIENCE, this::read,
          d -> number(d, "totalReceived") > before && number(d, "snapshots") > number(busy, "snapshots"));
      fixture.browser.screenshot(Browser.screenshotName(test) + "-streaming");
      assertTrue(answered.get() > 0, "the stream got replies");
      assertEquals("live", later.get("state"));
    } finally {
      running.set(false);
      stream.join(Duration.ofSeconds(15).toMillis());
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read() {
    return (Map<String, Object>) fixture.browser.js(READ_DASHBOARD, CHARTS);
  }

  /** About 25 frames a second of the face photo through gray, one in flight, like a slow page. */
  private static void streamGray(AtomicBoolean running, AtomicLong answered) {
    byte[] frame = TestImages.faceFrame();
    try (StreamClient client = fixture.connectStream()) {
      client.selectFilter("gray", new JsonObject());
      for (long id = 1; running.get(); id++) {
        client.sendFrame(id, frame);
        if (client.next("image").id() == id) {
          answered.incrementAndGet();
        }
        Thread.sleep(40);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
