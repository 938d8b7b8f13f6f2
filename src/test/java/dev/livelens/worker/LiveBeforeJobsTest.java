package dev.livelens.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.filter.FilterCatalog;
import dev.livelens.testing.ApiClient;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Live frames before a job's frames, pinned without timing: a job's frames go only to the job worker,
 * whose thread runs below live work; so a job's frame never waits behind a live frame, a live frame never
 * waits behind a job's frame, and a job still ends however long live frames hold the live workers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveBeforeJobsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final byte[] JPEG = TestImages.astronautJpeg(320, 240);
  private static final int LIVE_WORKERS = 2;
  private Path files;
  private TestServer server;
  private ApiClient api;
  private String video;

  @BeforeAll
  void start() {
    files = TempDirs.create("livelens-live-first-");
    FilterCatalog catalog = FilterCatalog.standard().add(GateFilter.SPEC, GateFilter::new);
    server = TestServer.start(catalog, "--workers", String.valueOf(LIVE_WORKERS), "--max-in-flight", "2",
        "--frame-timeout-ms", "60000");
    api = new ApiClient(server.port());
    video = TestVideos.add(server, TestVideos.make(files, "clip.mp4", 2), "Two seconds").id();
  }

  @AfterEach
  void letGo() {
    GateFilter.openGate(); // a failed test leaves no worker held for the next
  }

  @AfterAll
  void stop() {
    server.close();
    TempDirs.delete(files);
  }

  @Test
  void aJobRunsToItsEndWhileLiveFramesHoldEveryLiveWorker() throws Exception {
    GateFilter.closeGate();
    StreamClient live = server.connect("/ws/stream?filter=gate");
    live.sendFrame(1, JPEG);
    live.sendFrame(2, JPEG);
    for (int i = 0; i < LIVE_WORKERS; i++) {
      GateFilter.Visit visit = GateFilter.nextVisit();
      assertTrue(isLiveWorker(visit.thread()), visit.thread());
      assertEquals(GateFilter.niceOfThisThread(), visit.nice(), "a live worker runs at the server's own priority");
    }

    JsonObject done = api.awaitVideo(process("edges"), PATIENCE);

    assertEquals("ready", done.getString("status"), done.encode());
    assertTrue(live.images.isEmpty() && live.errors.isEmpty(), "the live frames were still held meanwhile");
    GateFilter.openGate();
    // Two workers let go at once: either frame may be answered first.
    assertEquals(Set.of(1L, 2L), Set.of(live.awaitAnswer(), live.awaitAnswer()));
    live.close();
  }

  @Test
  void liveFramesAreAnsweredWhileAJobsFrameHoldsTheJobWorker() throws Exception {
    GateFilter.closeGate();
    String job = process("gate");
    GateFilter.Visit visit = GateFilter.nextVisit();
    assertTrue(visit.thread().startsWith(FilterWorkers.JOB_POOL + "-"), visit.thread());
    if (visit.nice() != Integer.MIN_VALUE) { // Linux: the thread's own nice value is known
      assertEquals(BelowLive.NICE, visit.nice(), "the job worker runs at the lowest CPU priority");
    }

    StreamClient live = server.connect("/ws/stream?filter=edges");
    for (long id = 1; id <= 5; id++) {
      live.sendFrame(id, JPEG);
      assertEquals(id, live.awaitAnswer());
    }
    assertEquals(5, live.images.size(), "answered with images, not errors");
    assertEquals("processing", api.json("/api/videos/" + job).getString("status"), "the job waits at its worker");

    GateFilter.openGate();
    JsonObject done = api.awaitVideo(job, PATIENCE);
    assertEquals("ready", done.getString("status"), done.encode());
    live.close();
  }

  private String process(String filter) throws Exception {
    HttpResponse<String> accepted = api.send("POST", "/api/videos/" + video + "/process",
        new JsonObject().put("filter", filter).encode());
    assertEquals(202, accepted.statusCode(), accepted.body());
    return new JsonObject(accepted.body()).getString("id");
  }

  private static boolean isLiveWorker(String thread) {
    return thread.startsWith(FilterWorkers.LIVE_POOL + "-") && !thread.startsWith(FilterWorkers.JOB_POOL);
  }
}
