package dev.livelens.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.web.User;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** People signed up through the real account API, with the session cookie the sign-up gave them. */
public final class TestAccounts {

  public static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger COUNT = new AtomicInteger();

  private TestAccounts() {
  }

  /** A signed-in person: who they are and the Cookie header value that says so. */
  public record Person(User user, String cookie) {

    public long id() {
      return user.id();
    }

    public String name() {
      return user.username();
    }
  }

  /**
   * Signs up a new person named {@code name} plus a number (names are unique on a server) and learns their
   * user id from the rooms socket's welcome.
   */
  public static Person signUp(TestServer server, String name) {
    String username = name + "-" + COUNT.incrementAndGet();
    try {
      HttpResponse<String> response = new CookieClient(server.port()).signUp(username, PASSWORD);
      assertEquals(201, response.statusCode(), response.body());
      String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
      try (RoomClient rooms = RoomClient.connect(server.vertx, server.port(), cookie, null)) {
        long id = rooms.next("welcome").getJsonObject("user").getLong("id");
        return new Person(new User(id, username), cookie);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
