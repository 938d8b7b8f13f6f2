package dev.livelens.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.OnDatabase;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.ApiClient;
import dev.livelens.testing.TestVideos;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The players' socket, by an independent client: a scripted viewing counted exactly, once, and forgeries
 * refused. On SQLite here, on PostgreSQL in {@link WatchSocketOnPostgresTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchSocketTest implements OnDatabase {

  private TestDatabase database;
  private TestServer server;
  private Path files;
  private String video;
  private String otherVideo;
  private String thirdVideo;
  private String seekedVideo;
  /** Whose the videos are: their analytics are the owner's to read. */
  private ApiClient owner;

  @BeforeAll
  void startServer() {
    database = database();
    server = TestServer.start(database.serverFlags());
    files = TempDirs.create("livelens-analytics-");
    Path clip = TestVideos.make(files, "clip.mp4", 30);
    owner = new ApiClient(server.port());
    long ownerId;
    try {
      ownerId = owner.guest();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    video = TestVideos.add(server, clip, "Thirty seconds", ownerId).id();
    otherVideo = TestVideos.add(server, clip, "The same again", ownerId).id();
    thirdVideo = TestVideos.add(server, clip, "And a third time", ownerId).id();
    seekedVideo = TestVideos.add(server, clip, "Seeked", ownerId).id();
    // Watched by others (anonymous players): unlisted, as a link shared with them.
    for (String id : List.of(video, otherVideo, thirdVideo, seekedVideo)) {
      unlisted(id);
    }
    this.clip = clip;
    this.ownerId = ownerId;
  }

  private Path clip;
  private long ownerId;

  private void unlisted(String id) {
    try {
      assertEquals(200, owner.send("PATCH", "/api/videos/" + id, "{\"visibility\":\"unlisted\"}").statusCode());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void viewersAreCountedByAccountAndTheOwnersOwnViewsApart() throws Exception {
    String id = TestVideos.add(server, clip, "Who watched", ownerId).id();
    unlisted(id);
    ApiClient someone = new ApiClient(server.port());
    someone.guest();
    try (Player phone = new Player(someone.cookie()); Player laptop = new Player(someone.cookie());
        Player visitor = new Player(null); Player self = new Player(owner.cookie())) {
      assertEquals("view", phone.start(id, null, null, "browser-phone").getString("type"));
      assertEquals("view", laptop.start(id, null, null, "browser-laptop").getString("type"));
      assertEquals("view", visitor.start(id, null, null, "browser-visitor").getString("type"));
      assertEquals("view", self.start(id, null, null, "browser-owner").getString("type"));
    }
    JsonObject seen = analytics(id);
    assertEquals(3, seen.getLong("views"), "the audience's views: " + seen.encode());
    assertEquals(2, seen.getLong("uniqueViewers"), "one account on two browsers is one viewer, and the visitor");
    assertEquals(1, seen.getJsonObject("ownViews").getLong("views"), "the owner's own view, apart");
    long own = seen.getJsonArray("recentViews").stream().map(JsonObject.class::cast)
        .filter(view -> view.getBoolean("own")).count();
    assertEquals(1, own);
  }

  @Test
  void aPrivateVideoTakesNoViewFromAnyoneButItsOwner() throws Exception {
    String id = TestVideos.add(server, clip, "Private", ownerId).id();
    ApiClient stranger = new ApiClient(server.port());
    stranger.guest();
    for (String cookie : java.util.Arrays.asList(null, stranger.cookie())) {
      try (Player player = new Player(cookie)) {
        JsonObject refused = player.start(id, null, null, "browser-stranger");
        assertEquals("unknown_video", refused.getString("code"), refused.encode());
      }
    }
    try (Player self = new Player(owner.cookie())) {
      assertEquals("view", self.start(id, null, null, "browser-owner").getString("type"));
    }
    JsonObject seen = analytics(id);
    assertEquals(0, seen.getLong("views"));
    assertEquals(1, seen.getJsonObject("ownViews").getLong("views"));
  }

  @AfterAll
  void stopServer() {
    server.close();
    database.close();
    TempDirs.delete(files);
  }

  @Test
  void aScriptedViewingIsCountedExactlyAndOnceHoweverOftenItIsSent() throws Exception {
    List<JsonObject> events = scriptedViewing(System.currentTimeMillis() - 60_000);
    JsonObject issued;
    try (Player player = new Player()) {
      issued = player.start(video, null, null);
    }
    String view = issued.getString("view");
    String secret = issued.getString("secret");
    backdate(view, 60_000); // the viewing took a minute: the server's clock must allow its 23 s of play
    try (Player player = new Player()) {
      assertTrue(player.start(video, view, secret).getBoolean("resumed"));
      player.send(events.subList(0, 20));
      assertEquals(19, player.awaitType("ack").getLong("through"));
      player.send(events.subList(20, events.size()));
      assertEquals(events.size() - 1, player.awaitType("ack").getLong("through"));
    }
    JsonObject first = analytics(video);
    try (Player again = new Player()) { // the page reconnects and sends everything once more
      JsonObject resumed = again.start(video, view, secret);
      assertTrue(resumed.getBoolean("resumed"));
      again.send(events);
      again.awaitType("ack");
    }
    JsonObject second = analytics(video);
    assertEquals(first.getJsonObject("seconds"), second.getJsonObject("seconds"), "nothing counted twice");
    assertEquals(first.getJsonObject("watchTime"), second.getJsonObject("watchTime"));

    JsonObject seconds = second.getJsonObject("seconds");
    assertEquals(expected(30, new int[][] {{0, 5, 1}, {5, 10, 2}, {10, 15, 1}, {25, 30, 1}}), seconds.getJsonArray("plays"));
    assertEquals(expected(30, new int[][] {{15, 25, 1}}), seconds.getJsonArray("skips"));
    assertEquals(expected(30, new int[][] {{5, 10, 1}}), seconds.getJsonArray("rewatches"));
    assertEquals(expected(30, new int[][] {{15, 16, 1}}), seconds.getJsonArray("pauses"));
    assertEquals(1, second.getLong("views"));
    assertEquals(1, second.getLong("uniqueViewers"));
    assertEquals(1.0, second.getDouble("completionRate"));
    assertEquals(1, second.getJsonObject("pauses").getLong("total"));
    assertEquals(20_000, second.getJsonObject("rates").getLong("1"));
    assertEquals(3_333, second.getJsonObject("rates").getLong("1.5"), 1);
    assertEquals(23_333, second.getJsonObject("watchTime").getLong("averageMs"), 2);

    JsonObject strangers = new JsonObject(server.get("/api/analytics/summary").body());
    assertTrue(strangers.getJsonArray("mostWatched").isEmpty(), "only the owner reads: " + strangers.encode());
    JsonObject summary = owner.json("/api/analytics/summary");
    assertTrue(summary.getJsonArray("mostWatched").contains(new JsonObject().put("id", video)
        .put("title", "Thirty seconds").put("count", 1)), summary.encode());
    assertTrue(summary.getJsonArray("mostSkipped").contains(new JsonObject().put("id", video)
        .put("title", "Thirty seconds").put("count", 10)), summary.encode());
  }

  @Test
  void theWaitASeekCausesIsASeekNotAStall() throws Exception {
    long now = System.currentTimeMillis() - 10_000;
    try (Player player = new Player()) {
      player.start(seekedVideo, null, null);
      player.send(List.of(
          event(0, "play", now).put("t", 0),
          event(1, "seeking", now + 100).put("from", 0).put("to", 20),
          event(2, "waiting", now + 110).put("t", 20).put("seek", true),
          event(3, "playing", now + 900).put("t", 20),
          event(4, "waiting", now + 2000).put("t", 21),     // rebuffering
          event(5, "playing", now + 2500).put("t", 21),
          event(6, "waiting", now + 2600).put("t", 21).put("seek", "yes")));
      assertEquals("bad_event", player.awaitType("error").getString("code"), "'seek' is true or false");
      assertEquals(6, player.awaitType("ack").getLong("through"));
    }
    JsonObject analytics = analytics(seekedVideo);
    assertEquals(new JsonObject().put("stalls", 1).put("totalMs", 500).put("longestMs", 500),
        analytics.getJsonObject("buffering"), "only the rebuffering is a stall, and only its time counts");
    assertEquals(1, analytics.getLong("seeks"));
    assertEquals(1, analytics.getJsonObject("seconds").getJsonArray("stalls").getInteger(21));
    assertEquals(0, analytics.getJsonObject("seconds").getJsonArray("stalls").getInteger(20));
    assertEquals(1.0, server.scrape().value("livelens_watch_events_total", java.util.Map.of("type",
        "waiting_after_seek")));
  }

  @Test
  void forgedEventsAreRefusedAndNotCounted() throws Exception {
    long now = System.currentTimeMillis();
    try (Player player = new Player()) {
      player.send(List.of(event(0, "play", now).put("t", 0)));
      assertEquals("no_view", player.awaitType("error").getString("code"), "events need a view the server issued");

      JsonObject forged = player.start(otherVideo, "not-a-view-the-server-issued", null);
      assertFalse(forged.getBoolean("resumed"), "an unknown view is not resumed: a new one is issued");
      player.send(List.of(
          event(0, "play", now).put("t", 0),
          event(1, "heartbeat", now + 1000).put("from", 0).put("to", 30).put("rate", 1), // 30 s in 1 s
          event(2, "pause", now + 1100).put("t", 95),                                   // past the end
          event(3, "ratechange", now + 1200).put("t", 1).put("rate", 10),               // no such rate
          event(4, "teleport", now + 1300).put("t", 1)));                               // no such event
      List<Long> refused = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        JsonObject error = player.awaitType("error");
        assertEquals("bad_event", error.getString("code"), error.encode());
        refused.add(error.getLong("seq"));
      }
      assertEquals(List.of(1L, 2L, 3L, 4L), refused);
      assertEquals(4, player.awaitType("ack").getLong("through"));
    }
    JsonObject analytics = analytics(otherVideo);
    assertEquals(0, analytics.getJsonObject("pauses").getLong("total"));
    assertTrue(analytics.getJsonObject("seconds").getJsonArray("plays").stream().allMatch(n -> ((Number) n).intValue() == 0));
    assertTrue(server.scrape().value("livelens_watch_events_rejected_total", java.util.Map.of("reason", "implausible")) >= 3);
  }

  @Test
  void aViewResumesOnlyForItsViewerWithItsSecret() throws Exception {
    long now = System.currentTimeMillis();
    JsonObject issued;
    try (Player victim = new Player()) {
      issued = victim.start(thirdVideo, null, null, "victim-viewer-1");
      victim.send(List.of(event(0, "play", now).put("t", 0)));
      assertEquals(0, victim.awaitType("ack").getLong("through"));
    }
    String view = issued.getString("view");
    JsonObject before = viewRow(view);
    try (Player attacker = new Player()) {
      for (String[] attempt : new String[][] {{"victim-viewer-1", null}, {"victim-viewer-1", "0".repeat(32)},
          {"attacker-viewer-1", issued.getString("secret")}}) {
        JsonObject answer = attacker.start(thirdVideo, view, attempt[1], attempt[0]);
        assertFalse(answer.getBoolean("resumed"), answer.encode());
        assertFalse(view.equals(answer.getString("view")), "a new view, not the victim's");
        attacker.send(List.of(event(1, "pause", now + 500).put("t", 0)));
        attacker.awaitType("ack");
      }
    }
    assertEquals(before, viewRow(view), "the victim's view is untouched");
    try (Player victim = new Player()) {
      assertTrue(victim.start(thirdVideo, view, issued.getString("secret"), "victim-viewer-1").getBoolean("resumed"));
      victim.send(List.of(event(1, "pause", now + 700).put("t", 0)));
      assertEquals(1, victim.awaitType("ack").getLong("through"), "the victim's own next event is stored");
    }
    assertEquals(1, viewRow(view).getInteger("pauses"));
  }

  @Test
  void backDatedHeartbeatsAreCreditedNoMoreThanTheServersClockAllows() throws Exception {
    long began = System.currentTimeMillis();
    List<JsonObject> events = new ArrayList<>();
    long[] at = {began - 600_000}; // the client claims it has been playing for ten minutes
    events.add(event(0, "play", at[0]).put("t", 0));
    for (int round = 0; round < 5; round++) {
      heartbeats(events, at, 0, 29, 1);
      events.add(event(events.size(), "seeking", at[0] + 10).put("from", 29).put("to", 0));
    }
    String view;
    try (Player player = new Player()) {
      view = player.start(thirdVideo, null, null, "forger-viewer-1").getString("view");
      player.send(events);
      assertEquals(events.size() - 1, player.awaitType("ack").getLong("through"));
    }
    long elapsed = System.currentTimeMillis() - began;
    long watched = viewRow(view).getLong("watched_ms");
    assertTrue(watched <= elapsed + EventCheck.SERVER_SLACK_MS, watched + " ms credited after " + elapsed + " ms");
  }

  @Test
  void oneConnectionMayOpenOnlyAFewViews() throws Exception {
    try (Player player = new Player()) {
      for (int i = 0; i < ViewBudgets.PER_CONNECTION; i++) {
        assertEquals("view", player.start(otherVideo, null, null, "many-viewers-" + i).getString("type"));
      }
      JsonObject refused = player.start(otherVideo, null, null, "many-viewers-x");
      assertEquals("too_many_views", refused.getString("code"), refused.encode());
    }
  }

  private void backdate(String view, long ms) {
    store().pool().preparedQuery("UPDATE watch_views SET started_at = started_at - ? WHERE id = ?")
        .execute(Tuple.of(ms, view)).await();
  }

  private JsonObject viewRow(String view) {
    Row row = store().pool().preparedQuery("SELECT watched_ms, pauses, seeks, last_event_at, viewer FROM watch_views "
        + "WHERE id = ?").execute(Tuple.of(view)).await().iterator().next();
    return new JsonObject().put("watched_ms", row.getLong("watched_ms")).put("pauses", row.getInteger("pauses"))
        .put("seeks", row.getInteger("seeks")).put("last_event_at", row.getLong("last_event_at"))
        .put("viewer", row.getString("viewer"));
  }

  private WatchStore store() {
    return server.server.analytics().orElseThrow().store();
  }

  /** Play 0-10, back to 5, play to 15, pause 2 s, skip to 25, play at 1.5x to 30, end: heartbeats each second. */
  private static List<JsonObject> scriptedViewing(long t0) {
    List<JsonObject> events = new ArrayList<>();
    long[] at = {t0};
    events.add(event(events.size(), "play", at[0]).put("t", 0));
    heartbeats(events, at, 0, 10, 1);
    events.add(event(events.size(), "seeking", at[0] + 100).put("from", 10).put("to", 5));
    heartbeats(events, at, 5, 15, 1);
    events.add(event(events.size(), "pause", at[0] + 10).put("t", 15));
    at[0] += 2000;
    events.add(event(events.size(), "seeking", at[0]).put("from", 15).put("to", 25));
    events.add(event(events.size(), "play", at[0] + 10).put("t", 25));
    events.add(event(events.size(), "ratechange", at[0] + 20).put("t", 25).put("rate", 1.5));
    heartbeats(events, at, 25, 30, 1.5);
    events.add(event(events.size(), "ended", at[0] + 10).put("t", 30));
    return events;
  }

  private static void heartbeats(List<JsonObject> events, long[] at, double from, double to, double rate) {
    for (double t = from; t < to; t += rate) {
      double end = Math.min(to, t + rate);
      at[0] += Math.round((end - t) / rate * 1000);
      events.add(event(events.size(), "heartbeat", at[0]).put("from", t).put("to", end).put("rate", rate));
    }
  }

  private static JsonObject event(int seq, String type, long at) {
    return new JsonObject().put("seq", seq).put("type", type).put("at", at);
  }

  private static JsonArray expected(int length, int[][] ranges) {
    long[] values = new long[length];
    for (int[] range : ranges) {
      for (int s = range[0]; s < range[1]; s++) {
        values[s] = range[2];
      }
    }
    JsonArray array = new JsonArray();
    for (long value : values) {
      array.add(value);
    }
    return array;
  }

  private JsonObject analytics(String id) throws Exception {
    return owner.json("/api/videos/" + id + "/analytics");
  }

  /** A player's socket as an independent client sees it. */
  private final class Player implements AutoCloseable {
    private final LinkedBlockingQueue<JsonObject> incoming = new LinkedBlockingQueue<>();
    private final WebSocketClient client = server.vertx.createWebSocketClient();
    private final ClientWebSocket socket = client.webSocket();

    /** The handler is set before connecting, so no message can slip past it. */
    Player() {
      this(null);
    }

    /** A player in a browser with this Cookie header (null: none, a visitor). */
    Player(String cookie) {
      socket.textMessageHandler(text -> incoming.add(new JsonObject(text)));
      WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
          .setURI("/ws/watch");
      if (cookie != null) {
        options.addHeader("Cookie", cookie);
      }
      socket.connect(options).await();
    }

    JsonObject start(String videoId, String view, String secret) throws Exception {
      return start(videoId, view, secret, "test-viewer-1");
    }

    JsonObject start(String videoId, String view, String secret, String viewer) throws Exception {
      JsonObject start = new JsonObject().put("type", "start").put("video", videoId).put("viewer", viewer)
          .put("view", view).put("secret", secret);
      socket.writeTextMessage(start.encode()).await();
      return await(m -> "view".equals(m.getString("type")) || "error".equals(m.getString("type")));
    }

    private JsonObject await(java.util.function.Predicate<JsonObject> wanted) throws Exception {
      while (true) {
        JsonObject message = incoming.poll(10, TimeUnit.SECONDS);
        if (message == null) {
          throw new AssertionError("no wanted message");
        }
        if (wanted.test(message)) {
          return message;
        }
      }
    }

    void send(List<JsonObject> events) {
      socket.writeTextMessage(new JsonObject().put("type", "events").put("events", new JsonArray(events)).encode())
          .await();
    }

    JsonObject awaitType(String type) throws Exception {
      while (true) {
        JsonObject message = incoming.poll(10, TimeUnit.SECONDS);
        if (message == null) {
          throw new AssertionError("no '" + type + "' message");
        }
        if (type.equals(message.getString("type"))) {
          return message;
        }
      }
    }

    @Override
    public void close() {
      socket.close().await();
      client.close().await();
    }
  }
}
