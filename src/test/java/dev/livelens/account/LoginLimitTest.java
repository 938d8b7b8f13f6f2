package dev.livelens.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.CookieClient;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failed logins, limited per account name and per client address, over real HTTP. */
class LoginLimitTest {

  private static final String PASSWORD = AccountApiTest.PASSWORD;
  private TestServer server;

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void afterFiveWrongPasswordsEvenTheRightOneIs429WithWhenToRetry() throws Exception {
    server = TestServer.start();
    CookieClient owner = new CookieClient(server.port());
    owner.signUp("Target", PASSWORD);
    new CookieClient(server.port()).signUp("Bystander", PASSWORD);
    CookieClient guesser = new CookieClient(server.port());
    for (int i = 0; i < 5; i++) {
      assertEquals(401, guesser.logIn("target", "guess number " + i).statusCode(), "guess " + i);
    }
    long before = Instant.now().getEpochSecond();
    HttpResponse<String> refused = guesser.logIn("TARGET", PASSWORD);
    assertEquals(429, refused.statusCode(), refused.body());
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60, "about 15 minutes: " + retryAfter);
    JsonObject body = new JsonObject(refused.body());
    assertEquals("too_many_attempts", body.getString("error"));
    assertEquals(retryAfter, body.getLong("retryAfterSeconds"));
    assertTrue(body.getString("message").contains("try again in 15 minutes"), body.getString("message"));
    long at = Instant.parse(body.getString("retryAt")).getEpochSecond();
    assertTrue(at >= before + retryAfter - 1 && at <= before + retryAfter + 5, body.encode());

    assertEquals(200, owner.get("/api/me").statusCode(), "sessions already signed in go on");
    assertEquals(200, new CookieClient(server.port()).logIn("Bystander", PASSWORD).statusCode(),
        "other names from the same address are not locked out");
  }

  @Test
  void anAddressGuessingAtManyNamesIsStoppedToo() throws Exception {
    server = TestServer.start("--login-failures-per-address", "6");
    new CookieClient(server.port()).signUp("Someone", PASSWORD);
    CookieClient guesser = new CookieClient(server.port());
    for (int i = 0; i < 6; i++) {
      assertEquals(401, guesser.logIn("name" + i, PASSWORD).statusCode(), "name " + i);
    }
    HttpResponse<String> refused = guesser.logIn("Someone", PASSWORD);
    assertEquals(429, refused.statusCode());
    assertTrue(refused.headers().firstValue("Retry-After").isPresent());
  }

  @Test
  void guessingTheCurrentPasswordFromASessionIsLimitedLikeALogin() throws Exception {
    server = TestServer.start("--login-failures-per-name", "2");
    CookieClient thief = new CookieClient(server.port());
    thief.signUp("Owner", PASSWORD);
    JsonObject guess = new JsonObject().put("current", "a wrong guess").put("password", "a new long password");
    assertEquals(403, thief.post("/api/auth/password", guess).statusCode());
    assertEquals(403, thief.post("/api/auth/password", guess).statusCode());
    assertEquals(429, thief.post("/api/auth/password", guess.copy().put("current", PASSWORD)).statusCode());
    assertEquals(429, new CookieClient(server.port()).logIn("Owner", PASSWORD).statusCode());
  }

  @Test
  void signUpsFromOneAddressAreLimitedAndATakenNameIsNoLongerTold() throws Exception {
    server = TestServer.start("--signups-per-address", "4");
    assertEquals(201, new CookieClient(server.port()).signUp("Taken", PASSWORD).statusCode());
    for (int i = 0; i < 3; i++) {
      assertEquals(409, new CookieClient(server.port()).signUp("Taken", PASSWORD).statusCode(), "probe " + i);
    }
    HttpResponse<String> refused = new CookieClient(server.port()).signUp("Taken", PASSWORD);
    assertEquals(429, refused.statusCode(), refused.body());
    JsonObject body = new JsonObject(refused.body());
    assertEquals("too_many_attempts", body.getString("error"));
    assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) > 0);
    assertTrue(!refused.body().contains("name_taken") && !refused.body().contains("Taken"), refused.body());
    HttpResponse<String> fresh = new CookieClient(server.port()).signUp("Untaken", PASSWORD);
    assertEquals(429, fresh.statusCode(), "a free name is refused the same way");
  }
}
