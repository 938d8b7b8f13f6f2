package dev.livelens.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.OnDatabase;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "For you" on a seeded data set: views written as the watch analytics write them, then the feed asked over
 * HTTP. A video people watch to the end outranks one with ten times the views that people skip; following
 * its owner lifts a video; the owner's engagement score says the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingTest implements OnDatabase {

  private TestDatabase database;
  private TestServer server;
  private Path files;
  private ApiClient owner;
  private long ownerId;
  private String watched;
  private String skipped;
  private String plain;

  @BeforeAll
  void start() throws Exception {
    files = TempDirs.create("livelens-ranking-");
    Path clip = TestVideos.make(files, "clip.mp4", 2);
    database = database();
    server = TestServer.start(database.serverFlags("--workers", "1"));
    owner = new ApiClient(server.port());
    owner.send("POST", "/api/auth/signup", new JsonObject().put("username", "ranked-" + System.nanoTime() % 100000)
        .put("password", TestAccounts.PASSWORD).encode());
    ownerId = owner.json("/api/me").getLong("id");
    watched = publicVideo(clip, "Watched to the end");
    skipped = publicVideo(clip, "Skipped");
    plain = publicVideo(clip, "Nothing measured");
    long duration = owner.json("/api/videos/" + watched).getLong("durationMs");
    views(watched, 10, duration, true);
    views(skipped, 100, duration / 10, false);
    server.server.social().orElseThrow().refreshScores().await();
  }

  @AfterAll
  void stop() {
    server.close();
    database.close();
    TempDirs.delete(files);
  }

  private String publicVideo(Path clip, String title) {
    return TestVideos.publish(server, TestVideos.add(server, clip, title, ownerId).id());
  }

  /** {@code count} views of the video, each watching {@code watchedMs}, as the analytics writer stores them. */
  private void views(String videoId, int count, long watchedMs, boolean completed) {
    List<Tuple> rows = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (int i = 0; i < count; i++) {
      rows.add(Tuple.of(videoId + "-" + i, videoId, "viewer-" + i, now, now).addLong(watchedMs)
          .addInteger(completed ? 1 : 0));
    }
    server.server.social().orElseThrow().database().pool().preparedQuery("INSERT INTO watch_views (id, video_id, "
        + "viewer, started_at, last_event_at, watched_ms, completed) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .executeBatch(rows).await();
  }

  private List<String> forYou(ApiClient client, String query) throws Exception {
    List<String> ids = new ArrayList<>();
    client.json("/api/feed?tab=for-you" + query).getJsonArray("videos")
        .forEach(v -> ids.add(((JsonObject) v).getString("id")));
    return ids;
  }

  @Test
  void aVideoWatchedToTheEndOutranksOneWithMoreViewsThatPeopleSkip() throws Exception {
    List<String> ranked = forYou(new ApiClient(server.port()), "");
    assertTrue(ranked.indexOf(watched) >= 0 && ranked.indexOf(watched) < ranked.indexOf(skipped), ranked.toString());
    assertTrue(ranked.indexOf(plain) < ranked.indexOf(skipped), "skipping counts against a video: " + ranked);
  }

  @Test
  void theOwnersEngagementScoreSaysTheSame() throws Exception {
    JsonObject good = owner.json("/api/videos/" + watched + "/engagement");
    JsonObject poor = owner.json("/api/videos/" + skipped + "/engagement");
    assertEquals(10, good.getLong("views"));
    assertEquals(1.0, good.getDouble("completionRate"));
    assertEquals(100, poor.getLong("views"));
    assertTrue(good.getLong("score") > 2 * poor.getLong("score"), good + " vs " + poor);
  }

  @Test
  void whatTheViewerWatchedToTheEndGoesDownTheirList() throws Exception {
    // viewer-3 watched "Watched to the end" to the end: for them it drops below the one nobody measured.
    List<String> ranked = forYou(new ApiClient(server.port()), "&viewer=viewer-3");
    assertTrue(ranked.indexOf(plain) < ranked.indexOf(watched), ranked.toString());
  }
}
