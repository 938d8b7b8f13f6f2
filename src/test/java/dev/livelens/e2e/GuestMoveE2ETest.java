package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing in to an existing account from a guest's browser in Chromium: the account page asks "Move 1 video
 * into <account>?", and accepting makes the guest's video the account's (listed under "Your videos").
 */
@BrowserTest
class GuestMoveE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera().expectingConsoleErrors(error -> error.contains(
      "/api/me - Failed to load resource: the server responded with a status of 401"));
  private static Path files;
  private static Path clip;

  @BeforeAll
  static void makeClip() {
    files = TempDirs.create("livelens-e2e-guest-move-");
    clip = TestVideos.make(files, "clip.mp4", 1);
  }

  @AfterAll
  static void removeFiles() {
    TempDirs.delete(files);
  }

  @Test
  void signingInFromAGuestsBrowserOffersToMoveItsVideosAndMovesThem() throws Exception {
    String name = "Kim" + UUID.randomUUID().toString().substring(0, 6);
    assertEquals(201, new ApiClient(fixture.server().port()).send("POST", "/api/auth/signup", new JsonObject()
        .put("username", name).put("password", TestAccounts.PASSWORD).encode()).statusCode());
    Browser browser = fixture.browser;
    AccountPage account = new AccountPage(browser).openSignedOut(fixture.url("/account"));
    Object guestId = browser.driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/api/auth/guest', {method: 'POST'}).then(r => r.json()).then(me => done(me.id));""");
    String video = TestVideos.add(fixture.server(), clip, "Recorded before signing in",
        ((Number) guestId).longValue()).id();

    account.logIn(name, TestAccounts.PASSWORD);
    account.awaitState("signed-in");
    browser.await("the offer", PATIENCE, () -> browser.js(
        "const s = document.getElementById('guest-move'); return s.hidden ? '' : s.querySelector('h2').textContent;"),
        ("Move 1 video into " + name + "?")::equals);
    browser.open(fixture.url("/account")); // a reload asks again while the offer lasts
    browser.await("the offer again", PATIENCE, () -> browser.js(
        "const s = document.getElementById('guest-move'); return s.hidden ? '' : s.querySelector('h2').textContent;"),
        ("Move 1 video into " + name + "?")::equals);
    account.click("guest-move-accept");
    account.awaitMessage("Moved 1 video into " + name + ".");
    browser.await("the video listed as the account's", PATIENCE, () -> browser.js(
        "return [...document.querySelectorAll('#owned li')].map(li => li.dataset.id).join(' ');"),
        ids -> ((String) ids).contains(video));
    assertEquals(Boolean.TRUE, browser.js("return document.getElementById('guest-move').hidden;"));
    assertTrue(account.message().startsWith("Moved"));
  }
}
