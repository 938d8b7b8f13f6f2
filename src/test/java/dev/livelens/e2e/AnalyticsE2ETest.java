package dev.livelens.e2e;

import static dev.livelens.e2e.Browser.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scripted viewing in Chromium's real player: play 0-10 s, back to 5 and play to 15 (5-10 twice), pause
 * 2 s, skip from 15 to 25, play at 1.5x to the end at 30. The analytics API then shows exactly that, within
 * a second's rounding, and the analytics page draws it.
 */
@BrowserTest
class AnalyticsE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera();
  private static Path files;
  private static String video;
  private static Path thirty;

  @BeforeAll
  static void makeVideo() {
    files = TempDirs.create("livelens-e2e-analytics-");
    thirty = TestVideos.make(files, "thirty.mp4", 30);
  }

  @AfterAll
  static void removeFiles() {
    TempDirs.delete(files);
  }

  @Test
  void aScriptedViewingShowsInTheAnalyticsAndItsHeatmap() throws Exception {
    Browser browser = fixture.browser;
    browser.open(fixture.url("/library"));
    browser.driver.manage().deleteAllCookies();
    // The video is someone else's (a guest identity's), unlisted: this browser watches it by its link as a
    // visitor, its audience; the analytics are the owner's to read.
    ApiClient owner = new ApiClient(fixture.server().port());
    video = TestVideos.add(fixture.server(), thirty, "Thirty seconds", owner.guest()).id();
    assertEquals(200, owner.send("PATCH", "/api/videos/" + video, "{\"visibility\":\"unlisted\"}").statusCode());
    browser.open(fixture.url("/watch/" + video));
    browser.await("the player and its view", PATIENCE, this::player,
        p -> number(p, "ready") >= 1 && p.get("view") != null);
    browser.js("const v = document.getElementById('player'); v.muted = true; v.play();");
    playUntil(10);
    browser.js("document.getElementById('player').currentTime = 5;");
    playUntil(15);
    browser.js("document.getElementById('player').pause();");
    Thread.sleep(2000);
    browser.js("const v = document.getElementById('player'); v.currentTime = 25; v.playbackRate = 1.5; v.play();");
    browser.await("the end of the video", PATIENCE, this::player, p -> Boolean.TRUE.equals(p.get("ended")));
    browser.await("every event acknowledged", PATIENCE, this::player, p -> number(p, "unacked") == 0);

    JsonObject analytics = owner.json("/api/videos/" + video + "/analytics");
    JsonObject seconds = analytics.getJsonObject("seconds");
    assertCounts(seconds.getJsonArray("plays"), new int[] {1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, analytics);
    assertCounts(seconds.getJsonArray("skips"), new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0}, analytics);
    assertEquals(1, analytics.getJsonObject("pauses").getLong("total"), analytics.encode());
    assertEquals(1, analytics.getLong("views"));
    assertEquals(1.0, analytics.getDouble("completionRate"));
    double atOneAndAHalf = analytics.getJsonObject("rates").getLong("1.5", 0L) / 1000.0;
    assertEquals(5 / 1.5, atOneAndAHalf, 0.7, analytics.encode());

    String[] session = owner.cookie().split("=", 2); // the owner reads the page in this browser
    browser.driver.manage().addCookie(new org.openqa.selenium.Cookie(session[0], session[1].replace("\"", "")));
    browser.open(fixture.url("/watch/" + video + "/analytics"));
    Map<String, Object> page = browser.await("the analytics page drawn", PATIENCE, this::analyticsPage,
        p -> Boolean.TRUE.equals(p.get("drawn")) && number(p, "views") == 1);
    assertEquals("Thirty seconds", page.get("title"));
  }

  /** Plays on until the player passes {@code seconds}. */
  private void playUntil(double seconds) {
    fixture.browser.await("the player past " + seconds + " s", PATIENCE, this::player,
        p -> number(p, "time") >= seconds && !Boolean.TRUE.equals(p.get("seeking")));
  }

  /**
   * Each second's count as expected, except at the edges of a range, where a second may go either way:
   * the script acts within a few tens of milliseconds of where it means to.
   */
  private static void assertCounts(JsonArray actual, int[] expected, JsonObject analytics) {
    for (int s = 0; s < expected.length; s++) {
      boolean edge = (s > 0 && expected[s - 1] != expected[s]) || (s + 1 < expected.length
          && expected[s + 1] != expected[s]);
      long value = actual.getLong(s);
      assertTrue(value == expected[s] || (edge && Math.abs(value - expected[s]) <= 1),
          "second " + s + ": " + value + " where " + expected[s] + " was expected; " + analytics.encode());
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> player() {
    return (Map<String, Object>) fixture.browser.js("""
        const v = document.getElementById('player');
        const t = window.livelensWatch?.tracker();
        return {time: v.currentTime, ready: v.readyState, seeking: v.seeking, ended: v.ended,
          view: t ? t.view : null, unacked: t ? t.unacked : -1};
        """);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> analyticsPage() {
    return (Map<String, Object>) fixture.browser.js("""
        const a = window.livelensAnalytics;
        const latest = a ? a.latest() : null;
        return {drawn: a ? a.drawn() : false, views: latest ? latest.views : 0,
          title: document.getElementById('video-title').textContent};
        """);
  }
}
