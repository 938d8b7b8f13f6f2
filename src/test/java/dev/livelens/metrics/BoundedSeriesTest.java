package dev.livelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.library.VideoIds;
import dev.livelens.testing.CookieClient;
import dev.livelens.testing.RoomClient;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An outsider opens and closes hundreds of streams, player views, analytics pages and room visits: once
 * they are gone, {@code /metrics} and the dashboard's snapshot are the size they were before. A label
 * that took a stream's, room's, user's or video's id would grow both with every visitor.
 */
class BoundedSeriesTest {

  private static final Buffer JPEG = Buffer.buffer(TestImages.astronautJpeg(160, 120));
  private static final int STREAMS = 500;
  private static final int VIEWS = 40;
  private static final int ROOM_VISITS = 3;
  private static final double TOLERANCE = 0.05;

  private long framesSent;
  /** Ids of rooms, people and streams the visitors made: none may show in metrics. */
  private final Set<String> idsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Test
  void metricsAndTheDashboardSnapshotReturnToTheirSizeAfterManyVisitorsCameAndWent() throws Exception {
    Path files = TempDirs.create("livelens-churn-");
    try (TestServer server = TestServer.start(); ChurnClient churn = new ChurnClient(server.port())) {
      Path clip = TestVideos.make(files, "clip.mp4", 2);
      List<String> videos = List.of(TestVideos.add(server, clip, "Warm-up").id(),
          TestVideos.add(server, clip, "One").id(), TestVideos.add(server, clip, "Two").id());
      FeedClient feed = FeedClient.connect(churn.vertx, server.port());

      // Every kind of visit once (a scrape too), so that the families and the filter's meters exist before the count.
      visitors(churn, server.port(), 5, 2, 1, videos.subList(0, 1));
      churn.metrics().await(10, TimeUnit.SECONDS);
      String before = settledSnapshot(feed);
      String metricsBefore = churn.metrics().await(10, TimeUnit.SECONDS);

      long started = System.nanoTime();
      visitors(churn, server.port(), STREAMS, VIEWS, ROOM_VISITS, videos.subList(1, 3));
      long churnMs = (System.nanoTime() - started) / 1_000_000;
      String after = settledSnapshot(feed);
      String metricsAfter = churn.metrics().await(10, TimeUnit.SECONDS);

      int linesBefore = metricsBefore.split("\n").length;
      int linesAfter = metricsAfter.split("\n").length;
      System.out.printf("%d streams, %d views, %d analytics pages, %d odd methods, %d room visits in %d ms: /metrics"
          + " %d -> %d lines, snapshot %d -> %d bytes%n", STREAMS, VIEWS, VIEWS, VIEWS, ROOM_VISITS, churnMs,
          linesBefore, linesAfter, before.length(), after.length());
      assertWithin(linesBefore, linesAfter, "/metrics lines; new series: " + newSeries(metricsBefore, metricsAfter));
      assertWithin(before.length(), after.length(), "snapshot bytes; before " + before + "\nafter " + after);
      idsSeen.addAll(videos);
      for (String id : idsSeen) {
        assertTrue(!metricsAfter.contains(id) && !after.contains(id), "an id in the metrics: " + id);
      }
      feed.close();
    } finally {
      TempDirs.delete(files);
    }
  }

  /**
   * {@code streams} streams (every tenth signed in); {@code views} player views, as many analytics pages on
   * made-up video ids and as many requests with made-up methods; then {@code rooms} people who each make a
   * room, talk and show their camera there.
   */
  private void visitors(ChurnClient churn, int port, int streams, int views, int rooms, List<String> videos)
      throws TimeoutException {
    List<String> cookies = List.of(signUp(port), signUp(port));
    churn.run(streams, 8, n -> churn.stream("gray", n % 10 == 0 ? cookies.get(n % 2) : null, JPEG))
        .await(60, TimeUnit.SECONDS);
    framesSent += streams;
    churn.run(views, 4, n -> churn.watch(videos.get(n % videos.size()), "viewer-" + n + "-" + port))
        .compose(done -> churn.run(views, 4, n -> churn.analyticsPage(VideoIds.next())))
        .compose(done -> churn.run(views, 4, n -> churn.oddRequest("BREW" + VideoIds.next().replaceAll("[^A-Z]", ""))))
        .await(60, TimeUnit.SECONDS);
    for (int i = 0; i < rooms; i++) {
      roomVisit(churn, port, signUp(port));
    }
  }

  /** Online, a room of one's own made and joined, a word said, the camera shown with one frame, left. */
  private void roomVisit(ChurnClient churn, int port, String cookie) {
    try (RoomClient room = RoomClient.connect(churn.vertx, port, cookie, null);
        StreamClient camera = StreamClient.connectSignedIn(churn.vertx, port, "/ws/stream?filter=gray", cookie)) {
      room.next("welcome");
      room.send("create", "name", "Churn");
      String id = room.next("created").getJsonObject("room").getString("id");
      idsSeen.add(id);
      room.send("join", "room", id);
      room.next("joined");
      room.send("say", "text", "hello");
      room.next("chat");
      String stream = camera.next("hello").json().getString("stream");
      idsSeen.add(stream);
      room.send("camera", "stream", stream);
      room.next(m -> "room".equals(m.getString("type")) && m.getJsonObject("room").getJsonArray("members")
          .stream().anyMatch(p -> ((JsonObject) p).getBoolean("camera")), "the camera shown");
      camera.sendFrame(1, JPEG.getBytes());
      assertEquals(1, camera.awaitAnswer());
      framesSent++;
      room.sendAudio(new byte[] {1, 2, 3});
      room.send("leave");
      room.next("left");
    }
  }

  private static String signUp(int port) {
    try {
      HttpResponse<String> response = new CookieClient(port).signUp("churn-" + VideoIds.next().substring(0, 8)
          .replaceAll("[^A-Za-z0-9]", "x"), TestAccounts.PASSWORD);
      assertEquals(201, response.statusCode(), response.body());
      return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The first snapshot taken once every frame sent so far was received and nothing moves any more: no
   * session open, no frame in flight, no frame in or out during its second.
   */
  private String settledSnapshot(FeedClient feed) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      String text = feed.nextText();
      JsonObject s = new JsonObject(text);
      if ("snapshot".equals(s.getString("type")) && s.getJsonObject("totals").getLong("received") == framesSent
          && s.getLong("sessions") == 0 && s.getLong("inFlight") == 0 && s.getDouble("framesIn") == 0
          && s.getDouble("framesOut") == 0) {
        return text;
      }
    }
    throw new AssertionError("the snapshot did not settle within 20 s");
  }

  private static void assertWithin(int before, int after, String what) {
    assertTrue(Math.abs(after - before) <= before * TOLERANCE,
        what + ": " + before + " before, " + after + " after");
  }

  /** Series (name and labels, without the value) in {@code after} and not in {@code before}, a few of them. */
  private static String newSeries(String before, String after) {
    Set<String> old = series(before);
    Set<String> added = series(after);
    added.removeAll(old);
    return added.size() + " " + added.stream().limit(20).collect(Collectors.joining("\n  ", "\n  ", ""));
  }

  private static Set<String> series(String metrics) {
    return metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
        .map(line -> line.substring(0, line.lastIndexOf(' '))).collect(Collectors.toCollection(TreeSet::new));
  }
}
