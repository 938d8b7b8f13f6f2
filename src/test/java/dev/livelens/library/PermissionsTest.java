package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.OnDatabase;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The permission table of docs/security.md, row by row, played by three people over real HTTP: the owner, another
 * signed-in person and a visitor without a cookie. Every allowed action works; every refused one answers
 * 404 {@code not_found} (what the caller may not know exists) or 403 {@code forbidden} (what they can see but not
 * change) and changes nothing: the title, the visibility, the files, the jobs, the upload's offset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionsTest implements OnDatabase {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private TestDatabase database;
  private TestServer server;
  private Path files;
  private Path clip;
  private ApiClient owner;
  private ApiClient other;
  private ApiClient visitor;
  private ApiClient admin;
  private long ownerId;

  @BeforeAll
  void start() throws Exception {
    files = TempDirs.create("livelens-permissions-");
    clip = TestVideos.make(files, "clip.mp4", 2);
    database = database();
    server = TestServer.start(database.serverFlags("--workers", "1", "--admins", "Boss-perm"));
    owner = signedUp("owner");
    other = signedUp("other");
    visitor = new ApiClient(server.port());
    admin = new ApiClient(server.port());
    assertEquals(201, admin.send("POST", "/api/auth/signup", new JsonObject().put("username", "Boss-perm")
        .put("password", TestAccounts.PASSWORD).encode()).statusCode());
    ownerId = owner.json("/api/me").getLong("id");
  }

  @AfterAll
  void stop() {
    server.close();
    database.close();
    TempDirs.delete(files);
  }

  private ApiClient signedUp(String name) throws Exception {
    ApiClient client = new ApiClient(server.port());
    HttpResponse<String> made = client.send("POST", "/api/auth/signup", new JsonObject()
        .put("username", name + "-perm-" + NAMES.incrementAndGet()).put("password", TestAccounts.PASSWORD).encode());
    assertEquals(201, made.statusCode(), made.body());
    return client;
  }

  private String ownersVideo(String title) {
    return TestVideos.add(server, clip, title, ownerId).id();
  }

  @Test
  void aPrivateVideoIsItsOwnersAloneAndToEveryoneElseItDoesNotExist() throws Exception {
    String id = ownersVideo("Private one");
    JsonObject seen = owner.json("/api/videos/" + id);
    assertEquals("private", seen.getString("visibility"), seen.encode());
    assertTrue(seen.getBoolean("yours"));
    for (String field : List.of("mp4", "hls", "poster")) {
      assertEquals(200, owner.get(seen.getString(field)).statusCode(), field + " by its signed link");
    }
    for (ApiClient stranger : List.of(other, visitor)) {
      expect(stranger.get("/api/videos/" + id), 404, "not_found");
      for (String media : List.of("/video.mp4", "/hls/index.m3u8", "/hls/init.mp4", "/poster.jpg")) {
        // Without a signed link the media of any video that is not public is 403, whether it exists or not.
        expect(stranger.get("/api/videos/" + id + media), 403, "forbidden");
        expect(stranger.get("/api/videos/AAAAAAAAAAAAAAAA" + media), 403, "forbidden");
      }
    }
    for (ApiClient stranger : List.of(other, visitor)) {
      expect(stranger.send("PATCH", "/api/videos/" + id, "{\"title\":\"stolen\"}"), 404, "not_found");
      expect(stranger.send("PATCH", "/api/videos/" + id, "{\"visibility\":\"public\"}"), 404, "not_found");
      expect(stranger.send("DELETE", "/api/videos/" + id, null), 404, "not_found");
      expect(stranger.send("POST", "/api/videos/" + id + "/cuts", "{\"start\":0,\"end\":1}"), 404, "not_found");
      expect(stranger.send("POST", "/api/videos/" + id + "/process", "{\"filter\":\"gray\"}"), 404, "not_found");
      expect(stranger.get("/api/videos/" + id + "/analytics"), 404, "not_found");
      assertFalse(ids(stranger.json("/api/videos?limit=100")).contains(id), "never listed to others");
      assertFalse(ids(stranger.json("/api/videos?parent=" + id)).contains(id));
    }
    assertUnchanged(id, "Private one", "private");
    assertEquals(0, owner.json("/api/videos?parent=" + id).getInteger("total"), "no cut or version was made");
    assertTrue(ids(owner.json("/api/videos?mine=1&limit=100")).contains(id));
    assertEquals(200, owner.get("/api/videos/" + id + "/analytics").statusCode());
  }

  @Test
  void anUnlistedVideoIsWatchedByItsLinkButChangedOnlyByItsOwner() throws Exception {
    String id = ownersVideo("Unlisted one");
    assertEquals(200, owner.send("PATCH", "/api/videos/" + id, "{\"visibility\":\"unlisted\"}").statusCode());
    for (ApiClient stranger : List.of(other, visitor)) {
      JsonObject seen = stranger.json("/api/videos/" + id);
      assertEquals("unlisted", seen.getString("visibility"));
      assertFalse(seen.getBoolean("yours"));
      assertEquals(200, stranger.get(seen.getString("hls")).statusCode());
      assertEquals(200, stranger.get(seen.getString("mp4")).statusCode());
      expect(stranger.send("PATCH", "/api/videos/" + id, "{\"title\":\"stolen\"}"), 403, "forbidden");
      expect(stranger.send("PATCH", "/api/videos/" + id, "{\"visibility\":\"private\"}"), 403, "forbidden");
      expect(stranger.send("DELETE", "/api/videos/" + id, null), 403, "forbidden");
      expect(stranger.get("/api/videos/" + id + "/analytics"), 403, "forbidden");
      assertFalse(ids(stranger.json("/api/videos?limit=100")).contains(id), "unlisted: never listed");
    }
    assertUnchanged(id, "Unlisted one", "unlisted");
    assertTrue(Files.exists(server.server.library().orElseThrow().store().directory(id).resolve("video.mp4")));
  }

  @Test
  void aPublicVideoIsListedForEveryoneAndItsOwnerRenamesAndDeletesIt() throws Exception {
    String id = ownersVideo("Public one");
    assertEquals(200, owner.send("PATCH", "/api/videos/" + id, "{\"visibility\":\"public\"}").statusCode());
    for (ApiClient anyone : List.of(other, visitor)) {
      assertTrue(ids(anyone.json("/api/videos?limit=100")).contains(id), "public: listed");
      assertFalse(ids(anyone.json("/api/videos?mine=1&limit=100")).contains(id), "but not theirs");
    }
    JsonObject renamed = new JsonObject(owner.send("PATCH", "/api/videos/" + id, "{\"title\":\"Renamed\"}").body());
    assertEquals("Renamed", renamed.getString("title"));
    assertEquals(204, owner.send("DELETE", "/api/videos/" + id, null).statusCode());
    expect(owner.get("/api/videos/" + id), 404, "not_found");
  }

  @Test
  void aRemixOfAnUnlistedVideoIsItsMakersAndPrivate() throws Exception {
    String id = ownersVideo("Remixed");
    owner.send("PATCH", "/api/videos/" + id, "{\"visibility\":\"unlisted\"}");
    HttpResponse<String> cut = other.send("POST", "/api/videos/" + id + "/cuts", "{\"start\":0,\"end\":1}");
    assertEquals(202, cut.statusCode(), cut.body());
    String made = new JsonObject(cut.body()).getString("id");
    JsonObject remix = other.json("/api/videos/" + made);
    assertEquals("private", remix.getString("visibility"));
    assertEquals(id, remix.getString("parent"));
    assertTrue(remix.getBoolean("yours"));
    expect(owner.get("/api/videos/" + made), 404, "not_found"); // the parent's owner does not see a private remix
    expect(owner.get("/api/jobs/" + made), 404, "not_found");
    expect(owner.send("DELETE", "/api/jobs/" + made, null), 404, "not_found");
    expect(visitor.send("DELETE", "/api/jobs/" + made, null), 404, "not_found");
    assertFalse(owner.json("/api/jobs").getJsonArray("jobs").stream()
        .anyMatch(job -> made.equals(((JsonObject) job).getString("video"))), "only the caller's jobs are listed");
    assertEquals(200, other.get("/api/jobs/" + made).statusCode(), "the refused cancels left the job alone");
  }

  @Test
  void anUploadIsReachedOnlyByWhoeverCreatedItEvenAGuest() throws Exception {
    ApiClient guest = new ApiClient(server.port());
    HttpResponse<String> created = guest.send("POST", "/api/uploads", null, "Tus-Resumable", "1.0.0",
        "Upload-Length", "10");
    assertEquals(201, created.statusCode(), created.body());
    String path = java.net.URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
    assertTrue(guest.json("/api/me").getBoolean("guest"), "the upload made the visitor a guest identity");
    byte[] five = {1, 2, 3, 4, 5};
    for (ApiClient stranger : List.of(owner, visitor)) {
      expect(stranger.send("HEAD", path, null, "Tus-Resumable", "1.0.0"), 404, null);
      expect(stranger.send("PATCH", path, five, "Tus-Resumable", "1.0.0", "Upload-Offset", "0",
          "Content-Type", "application/offset+octet-stream"), 404, "not_found");
      expect(stranger.send("DELETE", path, null, "Tus-Resumable", "1.0.0"), 404, "not_found");
    }
    HttpResponse<String> head = guest.send("HEAD", path, null, "Tus-Resumable", "1.0.0");
    assertEquals(200, head.statusCode());
    assertEquals("0", head.headers().firstValue("Upload-Offset").orElseThrow(), "nothing was written");
    HttpResponse<String> patched = guest.send("PATCH", path, five, "Tus-Resumable", "1.0.0", "Upload-Offset", "0",
        "Content-Type", "application/offset+octet-stream");
    assertEquals(204, patched.statusCode(), patched.body());
  }

  @Test
  void videosMadeBeforeOwnersAreWatchableByLinkAndChangedOnlyByAnAdmin() throws Exception {
    String id = TestVideos.add(server, clip, "From before", null).id();
    for (ApiClient anyone : List.of(owner, other, visitor)) {
      assertEquals(200, anyone.get(anyone.json("/api/videos/" + id).getString("mp4")).statusCode());
      expect(anyone.send("PATCH", "/api/videos/" + id, "{\"title\":\"mine now\"}"), 403, "forbidden");
    }
    assertEquals(200, admin.send("PATCH", "/api/videos/" + id, "{\"title\":\"Kept by the admin\"}").statusCode());
    assertEquals("Kept by the admin", visitor.json("/api/videos/" + id).getString("title"));
    String privateOne = ownersVideo("Seen by the admin");
    assertEquals(200, admin.get("/api/videos/" + privateOne).statusCode(), "an admin sees everything");
    assertTrue(ids(admin.json("/api/videos?limit=100")).contains(privateOne));
  }

  @Test
  void aGuestWhoSignsUpKeepsWhatItMade() throws Exception {
    ApiClient browser = new ApiClient(server.port());
    long guestId = browser.guest();
    String id = TestVideos.add(server, clip, "Made as a guest", guestId).id();
    HttpResponse<String> signup = browser.send("POST", "/api/auth/signup", new JsonObject()
        .put("username", "kept-" + NAMES.incrementAndGet()).put("password", TestAccounts.PASSWORD).encode());
    assertEquals(201, signup.statusCode(), signup.body());
    JsonObject me = browser.json("/api/me");
    assertEquals(guestId, me.getLong("id"));
    assertFalse(me.getBoolean("guest"));
    assertTrue(browser.json("/api/videos/" + id).getBoolean("yours"));
    expect(other.get("/api/videos/" + id), 404, "not_found");
  }

  @Test
  void anExpiredGuestGoesWithItsVideosAndTheirFiles() throws Exception {
    ApiClient browser = new ApiClient(server.port());
    long guestId = browser.guest();
    String id = TestVideos.add(server, clip, "Left by a guest", guestId).id();
    long inAMonth = System.currentTimeMillis() + java.time.Duration.ofDays(31).toMillis();
    assertEquals(0, server.server.accounts().orElseThrow().sweepGuests(System.currentTimeMillis()).await(),
        "a guest is kept --guest-days (30)");
    assertTrue(server.server.accounts().orElseThrow().sweepGuests(inAMonth).await() >= 1);
    assertEquals(0, (int) server.server.library().orElseThrow().videos().find(id).await().map(v -> 1).orElse(0));
    assertFalse(Files.exists(server.server.library().orElseThrow().store().directory(id)));
    expect(browser.get("/api/videos/" + id), 404, "not_found");
  }

  @Test
  void roomsAreForAccountsNotForGuestIdentities() throws Exception {
    ApiClient guest = new ApiClient(server.port());
    guest.guest();
    assertThrows(RuntimeException.class, () -> dev.livelens.testing.RoomClient.connect(server.vertx, server.port(),
        guest.cookie(), null).close(), "a guest is refused like a visitor");
    dev.livelens.testing.RoomClient.connect(server.vertx, server.port(), owner.cookie(), null).close();
  }

  @Test
  void theAnalyticsFeedClosesAtOnceForAnyoneButTheOwner() throws Exception {
    String id = ownersVideo("Feed");
    owner.send("PATCH", "/api/videos/" + id, "{\"visibility\":\"unlisted\"}");
    io.vertx.core.http.WebSocketClient sockets = server.vertx.createWebSocketClient();
    try {
      for (ApiClient stranger : List.of(other, visitor)) {
        io.vertx.core.http.WebSocketConnectOptions options = new io.vertx.core.http.WebSocketConnectOptions()
            .setHost("127.0.0.1").setPort(server.port()).setURI("/ws/analytics?video=" + id);
        if (!stranger.cookie().isEmpty()) {
          options.addHeader("Cookie", stranger.cookie());
        }
        io.vertx.core.http.WebSocket socket = sockets.connect(options).await();
        io.vertx.core.Promise<Short> closed = io.vertx.core.Promise.promise();
        try {
          socket.closeHandler(v -> closed.tryComplete(socket.closeStatusCode()));
        } catch (IllegalStateException alreadyClosed) {
          // The server may close it before a handler can be set: Vert.x then refuses the handler.
        }
        if (socket.isClosed()) {
          closed.tryComplete(socket.closeStatusCode());
        }
        assertEquals((short) 1008, closed.future().await(), "closed as a policy violation");
        assertEquals("forbidden", socket.closeReason());
      }
    } finally {
      sockets.close();
    }
  }

  private void assertUnchanged(String id, String title, String visibility) throws Exception {
    JsonObject now = owner.json("/api/videos/" + id);
    assertEquals(title, now.getString("title"), now.encode());
    assertEquals(visibility, now.getString("visibility"));
    assertEquals("ready", now.getString("status"));
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("videos").stream().map(v -> ((JsonObject) v).getString("id")).toList();
  }

  private static void expect(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    if (code != null) {
      assertEquals(code, new JsonObject(response.body()).getString("error"), response.body());
    }
  }
}
