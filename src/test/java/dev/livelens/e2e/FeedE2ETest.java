package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The feed, a profile and replies in Chromium: one person posts public videos (and a private one); another
 * finds them in the feed, where the current one plays and the next is loaded ahead, so the arrow key shows
 * the next video's first frame within 300 ms; likes one; follows its maker from the profile and sees them
 * under "Following"; and answers with a video of their own, which then plays from the parent's page.
 */
@BrowserTest
class FeedE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  /** On loopback, from the key press to the next video's first frame on screen. */
  private static final double FIRST_FRAME_MS = 300;
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera();
  private static Path files;
  private static String makerName;
  private static List<String> posted;
  private static String secret;

  @BeforeAll
  static void post() throws Exception {
    files = TempDirs.create("livelens-e2e-feed-");
    Path clip = TestVideos.make(files, "clip.mp4", 4);
    ApiClient maker = new ApiClient(fixture.server().port());
    makerName = "maker" + System.nanoTime() % 100_000;
    maker.send("POST", "/api/auth/signup", new JsonObject().put("username", makerName)
        .put("password", TestAccounts.PASSWORD).encode());
    long makerId = maker.json("/api/me").getLong("id");
    posted = List.of(publicVideo(clip, "First", makerId), publicVideo(clip, "Second", makerId),
        publicVideo(clip, "Third", makerId));
    secret = TestVideos.add(fixture.server(), clip, "Secret", makerId).id();
  }

  private static String publicVideo(Path clip, String title, long ownerId) {
    return TestVideos.publish(fixture.server(), TestVideos.add(fixture.server(), clip, title, ownerId).id());
  }

  @AfterAll
  static void removeFiles() {
    TempDirs.delete(files);
  }

  @Test
  void aVisitorWatchesTheFeedLikesFollowsAndReplies() {
    Browser browser = fixture.browser;
    browser.open(fixture.url("/feed"));
    browser.await("the first video playing", PATIENCE, () -> browser.js("""
        const v = document.querySelector('.slide video');
        return v && v.readyState >= 2 && !v.paused;"""), Boolean.TRUE::equals);
    List<?> slides = (List<?>) browser.js("return window.livelensFeed.slides();");
    assertTrue(slides.containsAll(posted), slides.toString());
    assertFalse(slides.contains(secret), "a private video is never in the feed");

    browser.await("the next video loaded ahead", PATIENCE, () -> browser.js(
        "return document.querySelectorAll('.slide video')[1].readyState;"), state -> ((Number) state).intValue() >= 2);
    browser.driver.findElement(By.id("feed")).sendKeys(Keys.ARROW_DOWN);
    Map<?, ?> moved = (Map<?, ?>) browser.await("the next video's first frame", PATIENCE, () -> browser.js(
        "const s = window.livelensFeed.switches; return s.length >= 2 ? s[1] : null;"), found -> found != null);
    assertEquals(1L, browser.js("return window.livelensFeed.current();"));
    double ms = ((Number) moved.get("ms")).doubleValue();
    System.out.println("feed: the next video's first frame " + ms + " ms after the key");
    assertTrue(ms < FIRST_FRAME_MS, "first frame after " + ms + " ms");

    String liked = (String) moved.get("id");
    browser.driver.findElement(By.cssSelector(".slide[data-id='" + liked + "'] .like-button")).click();
    browser.await("the like counted", PATIENCE, () -> browser.js("return document.querySelector("
        + "`.slide[data-id='${arguments[0]}'] .like-button`).textContent;", liked), "♥ 1"::equals);

    browser.open(fixture.url("/u/" + makerName));
    browser.await("the profile", PATIENCE, () -> browser.js(
        "return document.querySelectorAll('#profile-videos li').length;"), n -> ((Number) n).intValue() == 3);
    browser.driver.findElement(By.id("follow")).click();
    browser.await("following", PATIENCE, () -> browser.js(
        "return document.getElementById('profile-counts').textContent;"), text -> text.toString().contains("1 followers"));
    browser.open(fixture.url("/feed"));
    browser.driver.findElement(By.id("tab-following")).click();
    browser.await("the followed person's videos, newest first", PATIENCE, () -> browser.js(
        "return window.livelensFeed.slides().join();"), String.join(",", List.of(posted.get(2), posted.get(1), posted.get(0)))::equals);

    Object me = browser.driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/api/me').then(r => r.json()).then(me => done(me.id));""");
    String reply = TestVideos.add(fixture.server(), files.resolve("clip.mp4"), "My answer", ((Number) me).longValue()).id();
    browser.open(fixture.url("/watch/" + posted.get(0)));
    browser.await("the like button", PATIENCE, () -> browser.js(
        "return document.querySelectorAll('#like-slot button').length;"), n -> ((Number) n).intValue() == 1);
    browser.driver.findElement(By.id("reply-pick")).click();
    browser.await("the person's own videos to answer with", PATIENCE, () -> browser.js(
        "return document.querySelectorAll('#reply-choices button').length;"), n -> ((Number) n).intValue() == 1);
    browser.driver.findElement(By.cssSelector("#reply-choices button[data-id='" + reply + "']")).click();
    browser.await("the reply listed under its parent", PATIENCE, () -> browser.js(
        "return window.livelensWatch.replies().join();"), reply::equals);
    browser.driver.findElement(By.id("play-replies")).click();
    browser.await("the reply playing from the parent's page", PATIENCE, () -> browser.js("""
        const v = document.getElementById('reply-player');
        return v.dataset.playing + ':' + (v.currentTime > 0.2);"""), (reply + ":true")::equals);
  }
}
