package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestVideos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Owners in Chromium: a guest's private video plays through hls.js with signed links, a sign-up in the same
 * browser keeps it (the account page lists it), another browser cannot see it while private, plays it once
 * unlisted by its link without finding it in the library, and finds it there once public.
 */
@BrowserTest
class OwnersE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera().expectingConsoleErrors(error -> java.util.regex.Pattern
      .compile("Failed to load resource: the server responded with a status of (401|404)").matcher(error).find());
  private static Path files;
  private static Path clip;

  @BeforeAll
  static void makeClip() {
    files = TempDirs.create("livelens-e2e-owners-");
    clip = TestVideos.make(files, "clip.mp4", 4);
  }

  @AfterAll
  static void removeFiles() {
    TempDirs.delete(files);
  }

  @Test
  void aGuestsVideoIsKeptBySignUpAndSeenByOthersOnlyAsItsVisibilityAllows() {
    Browser browser = fixture.browser;
    AccountPage account = new AccountPage(browser).openSignedOut(fixture.url("/account"));
    Object guestId = browser.driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/api/auth/guest', {method: 'POST'}).then(r => r.json()).then(me => done(me.id));""");
    String video = TestVideos.add(fixture.server(), clip, "Made as a guest", ((Number) guestId).longValue()).id();

    browser.open(fixture.url("/watch/" + video));
    awaitPlaying("the guest's private video through hls.js with signed links");
    assertEquals("private", new Select(browser.driver.findElement(By.id("visibility"))).getFirstSelectedOption()
        .getAttribute("value"));

    browser.open(fixture.url("/account"));
    account.awaitState("signed-out");
    String name = "keeper" + System.nanoTime() % 100_000;
    account.signUp(name, TestAccounts.PASSWORD);
    account.awaitState("signed-in");
    browser.await("the account lists the video it kept", PATIENCE, () -> browser.js(
        "return [...document.querySelectorAll('#owned li')].map(li => li.dataset.id).join();"), video::equals);

    browser.driver.manage().deleteAllCookies(); // now another person
    browser.open(fixture.url("/watch/" + video));
    browser.await("a private video is not shown to others", PATIENCE, () -> browser.js(
        "return document.getElementById('watch-message').textContent;"), text -> text.toString().contains("cannot"));

    browser.open(fixture.url("/account"));
    account.awaitState("signed-out");
    account.logIn(name, TestAccounts.PASSWORD);
    account.awaitState("signed-in");
    browser.open(fixture.url("/watch/" + video));
    browser.await("the visibility control", PATIENCE, () -> browser.js(
        "return !document.getElementById('visibility-form').hidden;"), Boolean.TRUE::equals);
    new Select(browser.driver.findElement(By.id("visibility"))).selectByValue("unlisted");
    browser.await("the server's answer", PATIENCE, () -> browser.js(
        "return document.getElementById('watch-message').textContent;"), "Now unlisted."::equals);

    browser.driver.manage().deleteAllCookies();
    browser.open(fixture.url("/watch/" + video));
    awaitPlaying("an unlisted video by its link, for anyone");
    assertEquals(Boolean.TRUE, browser.js("return document.getElementById('visibility-form').hidden "
        + "&& document.getElementById('delete-panel').hidden;"), "no owner's controls for others");
    assertFalse(libraryIds().contains(video), "unlisted: never listed");

    fixture.server().server.library().orElseThrow().videos().changeVisibility(video, "public").await();
    assertTrue(libraryIds().contains(video), "public: listed for everyone");
    Map<?, ?> card = (Map<?, ?>) browser.js("""
        const li = document.querySelector(`.video-card[data-id="${arguments[0]}"]`);
        return {visibility: li.querySelector('.video-visibility').textContent,
          owner: li.querySelector('.video-owner').textContent, buttons: li.querySelectorAll('button').length};""",
        video);
    assertEquals(Map.of("visibility", "public", "owner", name, "buttons", 0L), card);
  }

  private void awaitPlaying(String what) {
    fixture.browser.await(what, PATIENCE, () -> fixture.browser.js(
        "const v = document.getElementById('player');"
        + "return document.getElementById('player-status').textContent === 'Playing with hls.js' && v.readyState >= 1;"),
        Boolean.TRUE::equals);
  }

  private List<?> libraryIds() {
    fixture.browser.open(fixture.url("/library"));
    fixture.browser.await("the library's count", PATIENCE, () -> fixture.browser.js(
        "return document.getElementById('count').textContent;"), text -> !text.toString().isEmpty());
    return (List<?>) fixture.browser.js(
        "return [...document.querySelectorAll('.video-card')].map(li => li.dataset.id);");
  }
}
