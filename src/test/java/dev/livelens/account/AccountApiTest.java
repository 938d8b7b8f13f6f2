package dev.livelens.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.CookieClient;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The account API over real HTTP: statuses, the session cookie, and revocation on this node. */
class AccountApiTest {

  static final String PASSWORD = "correct horse battery";
  private static TestServer server;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** A name no other test uses (names are shared by the whole server). */
  static String newName() {
    return "u" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void theSessionSaysWhoIsSignedInAnd200WhenNobodyIs() throws Exception {
    CookieClient browser = new CookieClient(server.port());
    HttpResponse<String> nobody = browser.get("/api/session");
    assertEquals(200, nobody.statusCode());
    assertEquals(new JsonObject().putNull("user"), new JsonObject(nobody.body()));
    assertEquals("no-store", nobody.headers().firstValue("Cache-Control").orElseThrow());
    String name = "Ses" + newName();
    browser.signUp(name, PASSWORD);
    JsonObject user = new JsonObject(browser.get("/api/session").body()).getJsonObject("user");
    assertEquals(name, user.getString("username"));
    assertEquals(false, user.getBoolean("guest"));
  }

  @Test
  void signUpAnswers201AndSignsInWithAnHttpOnlyLaxCookie() throws Exception {
    CookieClient browser = new CookieClient(server.port());
    String name = "Ada" + newName();
    HttpResponse<String> signup = browser.signUp(name, PASSWORD);
    assertEquals(201, signup.statusCode(), signup.body());
    assertEquals(name, new JsonObject(signup.body()).getString("username"));
    String cookie = signup.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith(CookieSessions.COOKIE + "="), cookie);
    String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
    assertTrue(attributes.contains("; httponly") && attributes.contains("; samesite=lax")
        && attributes.contains("; path=/"), cookie);
    assertTrue(attributes.contains("; max-age=604800"), "seven days by default: " + cookie);
    assertFalse(attributes.contains("secure"), "plain HTTP: " + cookie);
    HttpResponse<String> me = browser.get("/api/me");
    assertEquals(200, me.statusCode());
    JsonObject who = new JsonObject(me.body());
    assertEquals(name, who.getString("username"));
    assertEquals(false, who.getBoolean("guest"));
    assertEquals(false, who.getBoolean("admin"));
  }

  @Test
  void meWithoutACookieIs401() throws Exception {
    HttpResponse<String> me = new CookieClient(server.port()).get("/api/me");
    assertEquals(401, me.statusCode());
    assertEquals("not_signed_in", new JsonObject(me.body()).getString("error"));
  }

  @Test
  void aForgedOrDamagedCookieIsNobody() throws Exception {
    CookieClient browser = new CookieClient(server.port());
    String token = sessionToken(browser.signUp(newName(), PASSWORD));
    String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    assertEquals(401, withCookie(forged).statusCode());
    assertEquals(401, withCookie("not-a-token").statusCode());
    assertEquals(200, withCookie(token).statusCode());
  }

  @Test
  void aWeakPasswordIs400AndMakesNoAccount() throws Exception {
    CookieClient browser = new CookieClient(server.port());
    String name = newName();
    HttpResponse<String> weak = browser.signUp(name, "123456789");
    assertEquals(400, weak.statusCode());
    assertEquals("weak_password", new JsonObject(weak.body()).getString("error"));
    assertTrue(new JsonObject(weak.body()).getString("message").contains("at least 10"));
    assertEquals(401, browser.get("/api/me").statusCode());
    assertEquals(201, browser.signUp(name, PASSWORD).statusCode(), "the name is still free");
  }

  @Test
  void aNameTakenInAnotherCaseIs409() throws Exception {
    String name = "Grace" + newName();
    assertEquals(201, new CookieClient(server.port()).signUp(name, PASSWORD).statusCode());
    HttpResponse<String> taken = new CookieClient(server.port()).signUp(name.toUpperCase(), PASSWORD + "!");
    assertEquals(409, taken.statusCode());
    assertEquals("name_taken", new JsonObject(taken.body()).getString("error"));
  }

  @Test
  void aBadUsernameIs400() throws Exception {
    for (String name : new String[] {"ab", "has space", "<script>", "x".repeat(33), "-dash"}) {
      HttpResponse<String> bad = new CookieClient(server.port()).signUp(name, PASSWORD);
      assertEquals(400, bad.statusCode(), name);
      assertEquals("bad_username", new JsonObject(bad.body()).getString("error"), name);
    }
  }

  @Test
  void badJsonUnknownFieldsAndWrongTypesAre400() throws Exception {
    CookieClient browser = new CookieClient(server.port());
    HttpResponse<String> unknown = browser.post("/api/auth/signup",
        CookieClient.credentials(newName(), PASSWORD).put("admin", true));
    assertEquals(400, unknown.statusCode());
    assertEquals("unknown_field", new JsonObject(unknown.body()).getString("error"));
    HttpResponse<String> number = browser.post("/api/auth/login", new JsonObject().put("username", 12)
        .put("password", PASSWORD));
    assertEquals(400, number.statusCode());
    HttpResponse<String> broken = browser.send(browser.request("/api/auth/login")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":")));
    assertEquals(400, broken.statusCode());
    assertEquals("bad_json", new JsonObject(broken.body()).getString("error"));
  }

  @Test
  void aBodyOverFourKilobytesIs413() throws Exception {
    HttpResponse<String> huge = new CookieClient(server.port()).signUp(newName(), "x".repeat(8 * 1024));
    assertEquals(413, huge.statusCode());
    assertEquals("too_large", new JsonObject(huge.body()).getString("error"));
  }

  @Test
  void aLoginPostedAsAFormIs415() throws Exception {
    CookieClient browser = new CookieClient(server.port());
    HttpResponse<String> form = browser.send(browser.request("/api/auth/login")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=a&password=b")));
    assertEquals(415, form.statusCode());
    assertEquals("unsupported_media_type", new JsonObject(form.body()).getString("error"));
  }

  @Test
  void loginWithTheRightPasswordSignsInAndAWrongOneIs401() throws Exception {
    String name = "Linus" + newName();
    new CookieClient(server.port()).signUp(name, PASSWORD);
    CookieClient browser = new CookieClient(server.port());
    HttpResponse<String> wrong = browser.logIn(name, PASSWORD + "x");
    assertEquals(401, wrong.statusCode());
    assertEquals("wrong_credentials", new JsonObject(wrong.body()).getString("error"));
    assertEquals(401, browser.logIn("nobody" + newName(), PASSWORD).statusCode(), "an unknown name");
    HttpResponse<String> right = browser.logIn(name.toLowerCase(), PASSWORD);
    assertEquals(200, right.statusCode());
    assertEquals(name, new JsonObject(right.body()).getString("username"), "the name as typed at sign-up");
    assertEquals(200, browser.get("/api/me").statusCode());
  }

  @Test
  void logoutClearsTheCookieAndTheOldTokenStopsWorkingAtOnce() throws Exception {
    CookieClient browser = new CookieClient(server.port());
    String token = sessionToken(browser.signUp(newName(), PASSWORD));
    HttpResponse<String> logout = browser.send(browser.request("/api/auth/logout")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(204, logout.statusCode());
    assertTrue(logout.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
    assertEquals(401, browser.get("/api/me").statusCode());
    assertEquals(401, withCookie(token).statusCode(), "a copy of the token kept by someone");
  }

  @Test
  void changingThePasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
    String name = newName();
    CookieClient laptop = new CookieClient(server.port());
    laptop.signUp(name, PASSWORD);
    CookieClient phone = new CookieClient(server.port());
    String phoneToken = sessionToken(phone.logIn(name, PASSWORD));

    HttpResponse<String> wrong = laptop.post("/api/auth/password", new JsonObject().put("current", "not it at all")
        .put("password", "a new long password"));
    assertEquals(403, wrong.statusCode());
    assertEquals(200, phone.get("/api/me").statusCode(), "a refused change ends nothing");

    HttpResponse<String> changed = laptop.post("/api/auth/password", new JsonObject().put("current", PASSWORD)
        .put("password", "a new long password"));
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals(200, laptop.get("/api/me").statusCode(), "the session that changed it goes on");
    assertEquals(401, phone.get("/api/me").statusCode());
    assertEquals(401, withCookie(phoneToken).statusCode());
    assertEquals(401, new CookieClient(server.port()).logIn(name, PASSWORD).statusCode());
    assertEquals(200, new CookieClient(server.port()).logIn(name, "a new long password").statusCode());
  }

  @Test
  void changingThePasswordNeedsASessionAndAStrongPassword() throws Exception {
    CookieClient stranger = new CookieClient(server.port());
    JsonObject change = new JsonObject().put("current", PASSWORD).put("password", "a new long password");
    assertEquals(401, stranger.post("/api/auth/password", change).statusCode());
    CookieClient browser = new CookieClient(server.port());
    browser.signUp(newName(), PASSWORD);
    HttpResponse<String> weak = browser.post("/api/auth/password", change.copy().put("password", "short"));
    assertEquals(400, weak.statusCode());
    assertEquals("weak_password", new JsonObject(weak.body()).getString("error"));
  }

  private static HttpResponse<String> withCookie(String token) throws Exception {
    CookieClient fresh = new CookieClient(server.port());
    return fresh.send(fresh.request("/api/me").header("Cookie", CookieSessions.COOKIE + "=" + token));
  }

  /** The session token a sign-up or login set. */
  static String sessionToken(HttpResponse<String> signedIn) {
    assertTrue(signedIn.statusCode() == 200 || signedIn.statusCode() == 201, signedIn.body());
    String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(CookieSessions.COOKIE.length() + 1, cookie.indexOf(';'));
  }
}
