package dev.livelens.library.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.PacedFilter;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The jobs' progress feed, read as a page reads it: the jobs active when it opens first, then each change. */
class JobFeedTest {

  private static final List<String> ORDER = List.of("queued", "running", "done");

  private TestServer server;
  private ApiClient api;
  private Path files;
  private Stream<String> feed;

  @BeforeEach
  void start() {
    files = TempDirs.create("livelens-feed-");
    server = TestServer.start(PacedFilter.catalog(), "--workers", "1");
    api = new ApiClient(server.port());
  }

  @AfterEach
  void stop() {
    if (feed != null) {
      feed.close();
    }
    server.close();
    TempDirs.delete(files);
  }

  @Test
  void aFeedOpenedDuringAJobStartsWithItAndFollowsItToTheEndWithoutGoingBack() throws Exception {
    String source = TestVideos.add(server, TestVideos.make(files, "clip.mp4", 2), "Clip").id();
    HttpResponse<String> accepted = api.send("POST", "/api/videos/" + source + "/process", "{\"filter\":\"paced\"}");
    assertEquals(202, accepted.statusCode(), accepted.body());
    String job = new JsonObject(accepted.body()).getString("id");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!"running".equals(api.json("/api/jobs/" + job).getString("state")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    BlockingQueue<JsonObject> events = open();
    JsonObject first = events.poll(10, TimeUnit.SECONDS);
    assertNotNull(first, "the active job comes first");
    assertEquals(job, first.getString("video"));
    assertEquals("running", first.getString("state"));
    int seen = ORDER.indexOf("running");
    double progress = first.getDouble("progress");
    while (seen < ORDER.indexOf("done")) {
      JsonObject event = events.poll(60, TimeUnit.SECONDS);
      assertNotNull(event, "the job's end is in the feed");
      int state = ORDER.indexOf(event.getString("state"));
      assertTrue(state >= seen, "state went back: " + event.encode());
      assertTrue(state > seen || event.getDouble("progress") >= progress, "progress went back: " + event.encode());
      seen = state;
      progress = event.getDouble("progress");
    }
    assertEquals(1.0, progress);
  }

  /** The feed's events as they come (as the browser that made the job), read on a thread of the HTTP client's. */
  private BlockingQueue<JsonObject> open() throws Exception {
    BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/api/jobs/feed")).header("Cookie", api.cookie()).build(), HttpResponse.BodyHandlers.ofLines()).body();
    Thread reader = new Thread(() -> feed.filter(line -> line.startsWith("data: "))
        .forEach(line -> events.add(new JsonObject(line.substring("data: ".length())))));
    reader.setDaemon(true);
    reader.start();
    return events;
  }
}
