package dev.livelens.testing;

import dev.livelens.account.SignedInUsers;
import dev.livelens.account.User;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is signed in, for tests of the rooms written before the accounts existed: a session is the cookie
 * this class hands out, so tests name people without a sign-up. Test code only.
 */
public final class TestSessions implements SignedInUsers {

  private static final String COOKIE = "livelens-test-session";
  private final AtomicLong ids = new AtomicLong(100);

  /** Signs a new person in: the Cookie header value their requests carry. */
  public Person signIn(String username) {
    long id = ids.incrementAndGet();
    return new Person(new User(id, username), COOKIE + "=" + id + "." + username);
  }

  @Override
  public Optional<User> of(HttpServerRequest request) {
    Cookie cookie = request.getCookie(COOKIE);
    if (cookie == null || !cookie.getValue().contains(".")) {
      return Optional.empty();
    }
    String[] parts = cookie.getValue().split("\\.", 2);
    return Optional.of(new User(Long.parseLong(parts[0]), parts[1]));
  }

  /** A signed-in person: who they are and the cookie that says so. */
  public record Person(User user, String cookie) {
  }
}
