package dev.livelens.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.livelens.testing.CookieClient;
import dev.livelens.testing.RoomClient;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestAccounts.Person;
import dev.livelens.testing.TestServer;
import dev.livelens.web.CloseCodes;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sign-out or a password change ends the person's open sockets at once (4401), where before a rooms
 * socket opened earlier went on chatting as them; other people's sockets stay open.
 */
class SignOutClosesSocketsTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start("--workers", "1");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aLogoutClosesThatSessionsRoomAndStreamSocketsAndNoOneElses() throws Exception {
    Person leaving = TestAccounts.signUp(server, "Leaving");
    Person staying = TestAccounts.signUp(server, "Staying");
    try (RoomClient first = rooms(leaving); RoomClient second = rooms(leaving); RoomClient other = rooms(staying);
        StreamClient camera = StreamClient.connectSignedIn(server.vertx, server.port(), "/ws/stream",
            leaving.cookie())) {
      assertEquals(204, post(leaving.cookie(), "/api/auth/logout", null).statusCode());

      assertEquals(CloseCodes.SIGNED_OUT, first.closeStatus.get(10, TimeUnit.SECONDS));
      assertEquals(CloseCodes.SIGNED_OUT, second.closeStatus.get(10, TimeUnit.SECONDS));
      assertEquals(CloseCodes.SIGNED_OUT, camera.closeStatus.get(10, TimeUnit.SECONDS));
      other.send("create", "name", "Still here");
      assertEquals("Still here", other.next("created").getJsonObject("room").getString("name"));
      assertFalse(other.closeStatus.isDone(), "another person's socket stays open");
    }
  }

  @Test
  void aPasswordChangeClosesTheSocketsOfEverySessionOfThatPerson() throws Exception {
    Person person = TestAccounts.signUp(server, "Changing");
    HttpResponse<String> login = new CookieClient(server.port()).logIn(person.name(), TestAccounts.PASSWORD);
    String otherSession = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    try (RoomClient elsewhere = rooms(new Person(person.user(), otherSession))) {
      HttpResponse<String> changed = post(person.cookie(), "/api/auth/password",
          new JsonObject().put("current", TestAccounts.PASSWORD).put("password", "another horse battery"));
      assertEquals(200, changed.statusCode(), changed.body());
      assertEquals(CloseCodes.SIGNED_OUT, elsewhere.closeStatus.get(10, TimeUnit.SECONDS));
    }
  }

  private static RoomClient rooms(Person person) {
    RoomClient client = RoomClient.connect(server.vertx, server.port(), person.cookie(), null);
    client.next("welcome");
    return client;
  }

  private static HttpResponse<String> post(String cookie, String path, JsonObject body) throws Exception {
    CookieClient client = new CookieClient(server.port());
    return client.send(client.request(path).header("Cookie", cookie).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(10)).POST(body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode())));
  }
}
