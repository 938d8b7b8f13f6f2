package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole social round in two Chromium browsers, two people each signed in with their own cookie: the first
 * makes their video public from its page; the second finds it in the feed and likes it (the first's API counts
 * the like), comments on its page (the first's open page shows the comment without a reload), and answers with
 * a recording made from "Record a reply", which then plays from the parent's page for the first.
 */
@BrowserTest
class SocialJourneyE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  /** The fixture's browser is the second person, who records (camera and microphone). */
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCameraAndMicrophone();
  private static Path files;
  private static Browser maker;

  @BeforeAll
  static void start() {
    files = TempDirs.create("livelens-e2e-journey-");
    maker = Browser.withCamera(FakeCamera.y4m());
  }

  @AfterAll
  static void stop() {
    try {
      if (maker != null) {
        maker.close();
      }
    } finally {
      TempDirs.delete(files);
    }
  }

  @Test
  void onePostsAnotherFindsLikesCommentsAndRepliesWithARecording() throws Exception {
    Browser viewer = fixture.browser;
    long makerId = signUp(maker, "maker");
    signUp(viewer, "viewer");
    String video = TestVideos.add(fixture.server(), TestVideos.make(files, "clip.mp4", 2), "Our walk", makerId).id();

    // The first person makes it public from its page, and keeps the page open.
    makePublic(maker, video);
    maker.await("the comments' live socket", PATIENCE, () -> maker.js(
        "return document.getElementById('comments').dataset.live;"), "true"::equals);

    // The second finds it in the feed and likes it.
    viewer.open(fixture.url("/feed"));
    viewer.await("the video in the feed", PATIENCE, () -> viewer.js(
        "return window.livelensFeed.slides();"), slides -> ((List<?>) slides).contains(video));
    viewer.driver.findElement(By.cssSelector(".slide[data-id='" + video + "'] .like-button")).click();
    viewer.await("the like counted", PATIENCE, () -> viewer.js("return document.querySelector("
        + "`.slide[data-id='${arguments[0]}'] .like-button`).textContent;", video), "♥ 1"::equals);
    assertEquals(1, new JsonObject(maker.fetch("GET", "/api/videos/" + video)).getInteger("likes"),
        "the maker's API counts the like");

    // The second comments on its page; the first's open page shows it without a reload.
    viewer.open(fixture.url("/watch/" + video));
    String comment = "Lovely walk " + System.nanoTime() % 100_000;
    viewer.await("the comment box", PATIENCE, () -> viewer.driver.findElement(By.id("comment-text")).isEnabled(),
        Boolean.TRUE::equals);
    viewer.driver.findElement(By.id("comment-text")).sendKeys(comment);
    viewer.driver.findElement(By.id("comment-post")).click();
    maker.await("the comment on the maker's open page", PATIENCE, () -> maker.js(
        "return [...document.querySelectorAll('#comments .comment-text')].map(c => c.textContent).join('|');"),
        texts -> String.valueOf(texts).contains(comment));
    assertEquals("true", maker.js("return document.getElementById('comments').dataset.live;"),
        "the same page, its live socket still open");

    // The second answers with a recording made from "Record a reply", and makes the answer public.
    viewer.await("the reply link", PATIENCE, () -> viewer.driver.findElement(By.id("reply-record"))
        .getAttribute("href"), href -> href.endsWith("/?replyTo=" + video));
    viewer.driver.findElement(By.id("reply-record")).click();
    viewer.await("the camera page", PATIENCE, () -> viewer.js(
        "return document.getElementById('rec-state')?.dataset.state ?? '';"), "idle"::equals);
    viewer.driver.findElement(By.id("record-camera")).click();
    viewer.await("recording", PATIENCE, () -> viewer.js(
        "return document.getElementById('rec-state').dataset.state;"), "uploading"::equals);
    Thread.sleep(2000); // two seconds of camera: the length of the answer, not a wait for an event
    viewer.driver.findElement(By.id("record-camera")).click();
    String ended = (String) viewer.await("the upload to end as a ready video", PATIENCE, () -> viewer.js(
        "return document.getElementById('rec-state').dataset.state;"), state -> List.of("done", "failed").contains(state));
    assertEquals("done", ended);
    String reply = (String) viewer.js("return document.getElementById('record-panel').dataset.video;");
    assertEquals(video, new JsonObject(viewer.fetch("GET", "/api/videos/" + reply)).getString("replyTo"));
    makePublic(viewer, reply);

    // The first reloads the parent's page, finds the answer listed and plays it there.
    maker.open(fixture.url("/watch/" + video));
    maker.await("the recorded reply listed under its parent", PATIENCE, () -> maker.js(
        "return window.livelensWatch.replies().join();"), reply::equals);
    maker.driver.findElement(By.id("play-replies")).click();
    maker.await("the reply playing from the parent's page", PATIENCE, () -> maker.js("""
        const v = document.getElementById('reply-player');
        return v.dataset.playing + ':' + (v.currentTime > 0.2);"""), (reply + ":true")::equals);
    assertEquals(List.of(), maker.consoleErrors(), "console errors on the maker's pages");
  }

  /** Signs up a new person from the account page's origin, with the page's own fetch: the cookie is this browser's. */
  private static long signUp(Browser browser, String prefix) {
    browser.open(fixture.url("/account"));
    String name = prefix + System.nanoTime() % 100_000;
    Object status = browser.driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/api/auth/signup', {method: 'POST', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({username: arguments[0], password: arguments[1]})}).then(r => done(r.status));""",
        name, TestAccounts.PASSWORD);
    assertEquals(201L, status, "signing up " + name);
    JsonObject me = new JsonObject(browser.fetch("GET", "/api/me"));
    assertEquals(name, me.getString("username"));
    return me.getLong("id");
  }

  /** Opens the video's page as its owner and makes it public with the page's visibility control. */
  private static void makePublic(Browser owner, String video) {
    owner.open(fixture.url("/watch/" + video));
    owner.await("the visibility control", PATIENCE, () -> owner.js(
        "return !document.getElementById('visibility-form').hidden;"), Boolean.TRUE::equals);
    new Select(owner.driver.findElement(By.id("visibility"))).selectByValue("public");
    owner.await("the server's answer", PATIENCE, () -> owner.js(
        "return document.getElementById('watch-message').textContent;"), "Now public."::equals);
    assertTrue(owner.fetch("GET", "/api/videos/" + video).contains("\"visibility\":\"public\""));
  }
}
