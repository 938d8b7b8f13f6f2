package dev.livelens.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.OnDatabase;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Likes, replies, following and privacy over real HTTP, played by several people: the owner of a video,
 * another person, visitors without a cookie who become guests by liking.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocialApiTest implements OnDatabase {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private TestDatabase database;
  private TestServer server;
  private Path files;
  private Path clip;

  @BeforeAll
  void start() {
    files = TempDirs.create("livelens-social-");
    clip = TestVideos.make(files, "clip.mp4", 1);
    database = database();
    server = TestServer.start(database.serverFlags("--workers", "1"));
  }

  @AfterAll
  void stop() {
    server.close();
    database.close();
    TempDirs.delete(files);
  }

  /** A signed-up person's browser and their user id. */
  record Person(ApiClient client, long id, String name) {
  }

  private Person signUp(String name) throws Exception {
    ApiClient client = new ApiClient(server.port());
    String username = name + "-s" + NAMES.incrementAndGet();
    HttpResponse<String> made = client.send("POST", "/api/auth/signup", new JsonObject().put("username", username)
        .put("password", TestAccounts.PASSWORD).encode());
    assertEquals(201, made.statusCode(), made.body());
    return new Person(client, client.json("/api/me").getLong("id"), username);
  }

  private String video(Person owner, String title, boolean isPublic) {
    String id = TestVideos.add(server, clip, title, owner.id()).id();
    return isPublic ? TestVideos.publish(server, id) : id;
  }

  private static List<String> ids(JsonArray videos) {
    List<String> ids = new ArrayList<>();
    videos.forEach(v -> ids.add(((JsonObject) v).getString("id")));
    return ids;
  }

  @Test
  void hundredVisitorsLikingAtOnceCountHundredAndLikingIsIdempotent() throws Exception {
    Person owner = signUp("liked");
    String id = video(owner, "Liked", true);
    int likers = 100;
    ExecutorService pool = Executors.newFixedThreadPool(likers);
    CountDownLatch go = new CountDownLatch(1);
    List<ApiClient> visitors = new ArrayList<>();
    List<CompletableFuture<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < likers; i++) {
        ApiClient visitor = new ApiClient(server.port());
        visitors.add(visitor);
        answers.add(CompletableFuture.supplyAsync(() -> {
          try {
            go.await();
            return visitor.send("POST", "/api/videos/" + id + "/like", null).statusCode();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, pool));
      }
      go.countDown();
      for (CompletableFuture<Integer> answer : answers) {
        assertEquals(200, answer.join());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(likers, owner.client().json("/api/videos/" + id).getLong("likes"));
    // Again from the same browser: still one like each.
    JsonObject again = new JsonObject(visitors.get(0).send("POST", "/api/videos/" + id + "/like", null).body());
    assertEquals(likers, again.getLong("likes"));
    assertTrue(visitors.get(0).json("/api/videos/" + id).getBoolean("liked"));
    assertFalse(owner.client().json("/api/videos/" + id).getBoolean("liked"));
    assertEquals(likers - 1, new JsonObject(visitors.get(1).send("DELETE", "/api/videos/" + id + "/like", null).body())
        .getLong("likes"));
    assertEquals(likers - 1, new JsonObject(visitors.get(1).send("DELETE", "/api/videos/" + id + "/like", null).body())
        .getLong("likes"));
    assertFalse(visitors.get(1).json("/api/videos/" + id).getBoolean("liked"));
  }

  @Test
  void likingAVideoOneMayNotWatchIsNotFoundAndCountsNothing() throws Exception {
    Person owner = signUp("hidden");
    String id = video(owner, "Hidden", false);
    ApiClient visitor = new ApiClient(server.port());
    HttpResponse<String> refused = visitor.send("POST", "/api/videos/" + id + "/like", null);
    assertEquals(404, refused.statusCode());
    assertEquals("not_found", new JsonObject(refused.body()).getString("error"));
    assertEquals(0, owner.client().json("/api/videos/" + id).getLong("likes"));
  }

  @Test
  void repliesLinkBothWaysAndOutliveTheirParent() throws Exception {
    Person first = signUp("parent");
    Person second = signUp("answer");
    String parent = video(first, "Parent", true);
    String reply = video(second, "Reply", true);
    String replyToReply = video(first, "Reply to the reply", true);
    String privateReply = video(second, "Private reply", false);
    assertEquals(200, second.client().send("PUT", "/api/videos/" + reply + "/reply-to",
        new JsonObject().put("parent", parent).encode()).statusCode());
    assertEquals(200, second.client().send("PUT", "/api/videos/" + privateReply + "/reply-to",
        new JsonObject().put("parent", parent).encode()).statusCode());
    assertEquals(200, first.client().send("PUT", "/api/videos/" + replyToReply + "/reply-to",
        new JsonObject().put("parent", reply).encode()).statusCode());
    assertEquals(parent, first.client().json("/api/videos/" + reply).getString("replyTo"));
    assertEquals(List.of(reply), ids(first.client().json("/api/videos/" + parent + "/replies").getJsonArray("videos")));
    assertEquals(List.of(privateReply, reply),
        ids(second.client().json("/api/videos/" + parent + "/replies").getJsonArray("videos")));
    assertEquals(1, first.client().json("/api/videos/" + parent).getLong("replies"));
    // Someone else's video cannot be made a reply; a thread cannot loop back on itself.
    assertEquals(404, first.client().send("PUT", "/api/videos/" + privateReply + "/reply-to",
        new JsonObject().put("parent", reply).encode()).statusCode());
    HttpResponse<String> loop = second.client().send("PUT", "/api/videos/" + reply + "/reply-to",
        new JsonObject().put("parent", replyToReply).encode());
    assertEquals(400, loop.statusCode());
    assertEquals("reply_loop", new JsonObject(loop.body()).getString("error"));
    assertEquals(parent, first.client().json("/api/videos/" + reply).getString("replyTo"));

    assertEquals(204, first.client().send("DELETE", "/api/videos/" + parent, null).statusCode());
    JsonObject orphan = second.client().json("/api/videos/" + reply);
    assertEquals(200, second.client().get("/api/videos/" + reply).statusCode());
    assertTrue(orphan.getBoolean("replyToDeleted"));
  }

  @Test
  void aPrivateVideoNeverShowsInAnotherPersonsFeedProfileRepliesOrRecommendations() throws Exception {
    Person owner = signUp("private");
    Person fan = signUp("fan");
    String shown = video(owner, "Shown", true);
    String secret = video(owner, "Secret", false);
    String madePrivate = video(owner, "Made private", true);
    assertEquals(200, owner.client().send("PUT", "/api/videos/" + secret + "/reply-to",
        new JsonObject().put("parent", shown).encode()).statusCode());
    assertEquals(200, fan.client().send("POST", "/api/users/" + owner.name() + "/follow", null).statusCode());
    server.server.social().orElseThrow().refreshScores().await();
    // Made private after the ranking's snapshot was taken: the feed reads each video again as it shows it.
    assertEquals(200, owner.client().send("PATCH", "/api/videos/" + madePrivate,
        new JsonObject().put("visibility", "private").encode()).statusCode());
    for (ApiClient other : List.of(fan.client(), new ApiClient(server.port()))) {
      List<String> seen = new ArrayList<>();
      seen.addAll(ids(other.json("/api/feed?tab=for-you&limit=50").getJsonArray("videos")));
      seen.addAll(ids(other.json("/api/feed?tab=following&limit=50").getJsonArray("videos")));
      seen.addAll(ids(other.json("/api/users/" + owner.name()).getJsonArray("videos")));
      seen.addAll(ids(other.json("/api/videos/" + shown + "/replies").getJsonArray("videos")));
      assertTrue(seen.contains(shown) || other != fan.client(), seen.toString());
      assertFalse(seen.contains(secret), seen.toString());
      assertFalse(seen.contains(madePrivate), seen.toString());
    }
    assertEquals(List.of(shown), ids(fan.client().json("/api/feed?tab=following").getJsonArray("videos")));
    assertEquals(1, fan.client().json("/api/users/" + owner.name()).getJsonObject("counts").getLong("videos"));
  }

  @Test
  void followingShowsTheFollowedNewestFirstAndProfilesCountThem() throws Exception {
    Person maker = signUp("maker");
    Person watcher = signUp("watcher");
    String older = video(maker, "Older", true);
    String newer = video(maker, "Newer", true);
    JsonObject followed = new JsonObject(watcher.client().send("POST", "/api/users/" + maker.name() + "/follow",
        null).body());
    assertEquals(1, followed.getLong("followers"));
    watcher.client().send("POST", "/api/users/" + maker.name() + "/follow", null);
    JsonObject profile = watcher.client().json("/api/users/" + maker.name().toUpperCase());
    assertEquals(1, profile.getJsonObject("counts").getLong("followers"));
    assertTrue(profile.getBoolean("followed"));
    assertEquals(List.of(newer, older), ids(watcher.client().json("/api/feed?tab=following").getJsonArray("videos")));
    assertEquals(400, maker.client().send("POST", "/api/users/" + maker.name() + "/follow", null).statusCode());
    assertEquals(404, watcher.client().get("/api/users/nobody-by-this-name").statusCode());
    watcher.client().send("DELETE", "/api/users/" + maker.name() + "/follow", null);
    assertEquals(0, watcher.client().json("/api/feed?tab=following").getJsonArray("videos").size());
  }

  @Test
  void anExpiredGuestsLikesAndFollowsGoWithIt() throws Exception {
    Person owner = signUp("swept");
    String id = video(owner, "Liked by a guest", true);
    ApiClient guest = new ApiClient(server.port());
    assertEquals(1, new JsonObject(guest.send("POST", "/api/videos/" + id + "/like", null).body()).getLong("likes"));
    assertEquals(1, new JsonObject(guest.send("POST", "/api/users/" + owner.name() + "/follow", null).body())
        .getLong("followers"));
    long inAMonth = System.currentTimeMillis() + 31L * 24 * 3600 * 1000;
    assertTrue(server.server.accounts().orElseThrow().sweepGuests(inAMonth).await() >= 1);
    assertEquals(0, owner.client().json("/api/videos/" + id).getLong("likes"));
    assertEquals(0, owner.client().json("/api/users/" + owner.name()).getJsonObject("counts").getLong("followers"));
  }

  @Test
  void theEngagementScoreIsTheOwnersToRead() throws Exception {
    Person owner = signUp("scored");
    String id = video(owner, "Scored", true);
    JsonObject score = owner.client().json("/api/videos/" + id + "/engagement");
    assertTrue(score.containsKey("score") && score.getString("formula").contains("views"), score.encode());
    assertEquals(403, new ApiClient(server.port()).get("/api/videos/" + id + "/engagement").statusCode());
  }
}
