package dev.livelens.account;

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
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signing in to an existing account from a guest's browser: the answer offers the guest's things, and only
 * that browser, signed in, can move them (videos, jobs, uploads in progress) into the account, once; the
 * guest is gone after. Anyone else asking gets 401/404 and nothing moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestMoveTest implements OnDatabase {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private TestDatabase database;
  private TestServer server;
  private Path files;
  private Path clip;

  @BeforeAll
  void start() throws Exception {
    files = TempDirs.create("livelens-guest-move-");
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

  /** An account made elsewhere (another browser), which the guest's browser then signs in to. */
  private String account() throws Exception {
    String name = "mover-" + NAMES.incrementAndGet();
    HttpResponse<String> made = new ApiClient(server.port()).send("POST", "/api/auth/signup",
        new JsonObject().put("username", name).put("password", TestAccounts.PASSWORD).encode());
    assertEquals(201, made.statusCode(), made.body());
    return name;
  }

  private HttpResponse<String> login(ApiClient browser, String name) throws Exception {
    HttpResponse<String> answer = browser.send("POST", "/api/auth/login",
        new JsonObject().put("username", name).put("password", TestAccounts.PASSWORD).encode());
    assertEquals(200, answer.statusCode(), answer.body());
    return answer;
  }

  private String upload(ApiClient browser) throws Exception {
    HttpResponse<String> made = browser.send("POST", "/api/uploads", null, "Tus-Resumable", "1.0.0",
        "Upload-Length", "1000");
    assertEquals(201, made.statusCode(), made.body());
    return made.headers().firstValue("Location").orElseThrow();
  }

  private static HttpResponse<String> head(ApiClient browser, String upload) throws Exception {
    return browser.send("HEAD", upload, null, "Tus-Resumable", "1.0.0");
  }

  /** A browser that became a guest and made a video and an upload in progress. */
  private record Guest(ApiClient browser, long id, String video, String upload) {
  }

  private Guest guestWithThings(String title) throws Exception {
    ApiClient browser = new ApiClient(server.port());
    long id = browser.guest();
    return new Guest(browser, id, TestVideos.add(server, clip, title, id).id(), upload(browser));
  }

  @Test
  void acceptingMovesTheGuestsVideosAndUploadsIntoTheAccountOnce() throws Exception {
    String name = account();
    Guest guest = guestWithThings("Made as a guest");
    ApiClient browser = guest.browser();
    String video = guest.video();
    String upload = guest.upload();

    JsonObject offer = new JsonObject(login(browser, name).body());
    assertEquals(new JsonObject().put("videos", 1L).put("jobs", 0L).put("uploads", 1L), offer.getJsonObject("guestThings"),
        offer.encode());
    long accountId = browser.json("/api/me").getLong("id");
    assertFalse(browser.json("/api/videos?mine=1").encode().contains(video), "nothing moves before it is accepted");

    assertEquals(offer.getJsonObject("guestThings"), browser.json("/api/auth/guest/move").getJsonObject("guestThings"),
        "the offer, asked again");
    HttpResponse<String> moved = browser.send("POST", "/api/auth/guest/move", null);
    assertEquals(200, moved.statusCode(), moved.body());
    assertEquals(1L, new JsonObject(moved.body()).getJsonObject("moved").getLong("videos"));
    JsonObject seen = browser.json("/api/videos/" + video);
    assertEquals(accountId, seen.getLong("owner"), seen.encode());
    assertTrue(browser.json("/api/videos?mine=1").encode().contains(video));
    assertEquals(200, head(browser, upload).statusCode(), "the upload in progress is the account's");

    assertFalse(browser.json("/api/auth/guest/move").containsKey("guestThings"), "nothing is offered any more");
    HttpResponse<String> again = browser.send("POST", "/api/auth/guest/move", null);
    assertEquals(404, again.statusCode(), again.body());
    assertEquals("nothing_to_move", new JsonObject(again.body()).getString("error"));
  }

  @Test
  void nobodyElseCanMoveAGuestsThings() throws Exception {
    String name = account();
    Guest made = guestWithThings("Still the guest's");
    ApiClient guest = made.browser();

    ApiClient other = new ApiClient(server.port());
    login(other, account());
    HttpResponse<String> otherMove = other.send("POST", "/api/auth/guest/move", null);
    assertEquals(404, otherMove.statusCode(), "an account with no guest behind it: " + otherMove.body());
    HttpResponse<String> visitorMove = new ApiClient(server.port()).send("POST", "/api/auth/guest/move", null);
    assertEquals(401, visitorMove.statusCode(), visitorMove.body());
    HttpResponse<String> guestMove = guest.send("POST", "/api/auth/guest/move", null);
    assertEquals(401, guestMove.statusCode(), "the guest itself is no account: " + guestMove.body());

    assertEquals(made.id(), guest.json("/api/videos/" + made.video()).getLong("owner"), "the video stays the guest's");
    assertEquals(404, head(other, made.upload()).statusCode());
    assertEquals(200, head(guest, made.upload()).statusCode());
    assertTrue(new JsonObject(login(guest, name).body()).containsKey("guestThings"), "the offer still stands");
  }

  @Test
  void leavingKeepsTheGuestsThingsTheGuests() throws Exception {
    String name = account();
    ApiClient browser = new ApiClient(server.port());
    long guestId = browser.guest();
    String video = TestVideos.add(server, clip, "Left behind", guestId).id();
    login(browser, name);
    assertEquals(204, browser.send("POST", "/api/auth/guest/leave", null).statusCode());
    assertEquals(404, browser.send("POST", "/api/auth/guest/move", null).statusCode());
    assertEquals(404, browser.get("/api/videos/" + video).statusCode(), "private, and not the account's");
  }

  @Test
  void aGuestWhoMadeNothingIsOfferedNothing() throws Exception {
    String name = account();
    ApiClient browser = new ApiClient(server.port());
    browser.guest();
    assertFalse(new JsonObject(login(browser, name).body()).containsKey("guestThings"));
  }
}
