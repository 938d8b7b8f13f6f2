package dev.livelens.account;

import dev.livelens.web.SignedInUsers;
import dev.livelens.web.User;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.CookieClient;
import dev.livelens.testing.TestServer;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seam other features use: the server's {@link SignedInUsers} names the user of a WebSocket upgrade
 * from its cookie, on the event loop, as a rooms endpoint would ask it.
 */
class SignedInUsersTest {

  private static TestServer server;
  private static HttpServer endpoint;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    SignedInUsers users = server.server.accounts().orElseThrow().signedInUsers();
    // An endpoint like the rooms' socket: refuses nobody-in-particular with 401, greets a user by name.
    endpoint = server.vertx.createHttpServer().requestHandler(request -> {
      Optional<User> user = users.of(request);
      if (user.isEmpty()) {
        request.response().setStatusCode(401).end();
        return;
      }
      boolean onEventLoop = Context.isOnEventLoopThread();
      request.toWebSocket().onSuccess(socket -> socket.writeTextMessage(user.get().username() + " "
          + user.get().id() + " " + onEventLoop));
    }).listen(0, "127.0.0.1").await();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anUpgradeCarryingTheSessionCookieIsItsUsersOnTheEventLoop() throws Exception {
    String token = AccountApiTest.sessionToken(new CookieClient(server.port()).signUp("Upgrader",
        AccountApiTest.PASSWORD));
    // Held until the end: Vert.x closes a client that is garbage collected, connections and all.
    WebSocketClient client = server.vertx.createWebSocketClient();
    String greeting = client.connect(upgrade().addHeader("Cookie", CookieSessions.COOKIE + "=" + token))
        .compose(socket -> {
          Promise<String> first = Promise.promise();
          socket.textMessageHandler(first::tryComplete);
          return first.future().eventually(socket::close);
        }).eventually(client::close).await(30, TimeUnit.SECONDS);
    String[] parts = greeting.split(" ");
    assertEquals("Upgrader", parts[0]);
    long id = Long.parseLong(parts[1]);
    assertTrue(id > 0 && id < 1L << 53, "an id JavaScript reads exactly: " + id);
    assertEquals("true", parts[2], "answered on the event loop");
  }

  @Test
  void anUpgradeWithoutTheCookieIsNobody() throws Exception {
    WebSocketClient client = server.vertx.createWebSocketClient();
    Throwable refused = client.connect(upgrade()).<Throwable>map(socket -> null).otherwise(error -> error)
        .eventually(client::close).await(30, TimeUnit.SECONDS);
    assertInstanceOf(UpgradeRejectedException.class, refused);
    assertEquals(401, ((UpgradeRejectedException) refused).getStatus());
  }

  private static WebSocketConnectOptions upgrade() {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(endpoint.actualPort()).setURI("/");
  }
}
