package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.library.Video;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;

/**
 * The analytics count a seek's wait apart from rebuffering and their chart's legend names its series; the
 * camera page's two record buttons look alike and leave no gap; the dashboard fits a 400 px screen.
 */
@BrowserTest
class SeeksAndLayoutE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(40);

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera();
  private static Path files;
  private static long owner;

  @BeforeAll
  static void signIn() {
    files = TempDirs.create("livelens-e2e-seeks-");
    AccountPage account = new AccountPage(fixture.browser).openSignedOut(fixture.url("/account"));
    account.signUp("Kim" + UUID.randomUUID().toString().substring(0, 6), TestAccounts.PASSWORD);
    account.awaitState("signed-in");
    owner = new JsonObject(fixture.browser.fetch("GET", "/api/me")).getLong("id");
  }

  @AfterAll
  static void removeFiles() {
    TempDirs.delete(files);
  }

  private static Object js(String script, Object... args) {
    return fixture.browser.js(script, args);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSeeksWaitIsNotAStallAndTheChartsLegendNamesItsSeries() {
    // Long enough that the player has not loaded the far end when it seeks there.
    Video video = TestVideos.add(fixture.server(), TestVideos.make(files, "long.mp4", 90), "Long", owner);
    TestVideos.publish(fixture.server(), video.id());
    Map<String, Object>[] seen = new Map[1];
    // Watched by a visitor: the owner's own views are not its audience.
    fixture.browser.asVisitor(() -> {
      fixture.browser.open(fixture.url("/watch/" + video.id()));
      fixture.browser.await("the player", PATIENCE, () -> js("return document.getElementById('player').readyState;"),
          state -> ((Number) state).intValue() >= 1);
      js("const v = document.getElementById('player'); v.muted = true; v.play();");
      fixture.browser.await("playing", PATIENCE, () -> js("return document.getElementById('player').currentTime;"),
          t -> ((Number) t).doubleValue() > 0.5);
      for (int at : new int[] {80, 40}) {
        js("document.getElementById('player').currentTime = arguments[0];", at);
        fixture.browser.await("playing at " + at + " s", PATIENCE, () -> js(
            "const v = document.getElementById('player'); return !v.seeking && v.readyState >= 3 && !v.paused;"),
            Boolean.TRUE::equals);
      }
      seen[0] = fixture.browser.await("every event stored", PATIENCE,
          () -> (Map<String, Object>) js("return window.livelensWatch.tracker();"),
          t -> Browser.number(t, "unacked") == 0 && Browser.number(t, "seekWaits") >= 1);
      js("document.getElementById('player').pause();");
    });
    Map<String, Object> tracker = seen[0];

    JsonObject analytics = new JsonObject(fixture.browser.fetch("GET", "/api/videos/" + video.id() + "/analytics"));
    assertEquals((long) Browser.number(tracker, "stalls"), analytics.getJsonObject("buffering").getLong("stalls"),
        "only rebuffering counts as stalls, not the waits of " + tracker.get("seekWaits") + " seeks: " + analytics);
    assertTrue(analytics.getLong("seeks") >= 2, analytics.encode());

    fixture.browser.open(fixture.url("/watch/" + video.id() + "/analytics"));
    fixture.browser.await("the chart", PATIENCE, () -> js("return window.livelensAnalytics.drawn();"),
        Boolean.TRUE::equals);
    String legend = (String) js("return document.querySelector('.u-legend').textContent;");
    assertFalse(legend.contains("--"), "the legend reads: " + legend);
    assertTrue(legend.contains("Stalls") && legend.contains("Skips"), legend);
    assertEquals(String.valueOf(analytics.getLong("seeks")), js(
        "return document.getElementById('stat-seeks').textContent;"), "seeks shown apart from stalls");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTwoRecordButtonsLookAlikeAndRecordCameraSitsRightUnderTheReadouts() {
    LiveLensPage page = fixture.page().load();
    page.selectFilter("faces"); // its parameters make the settings column the taller one
    Map<String, Object> looks = (Map<String, Object>) js("""
        const style = (id) => { const s = getComputedStyle(document.getElementById(id));
          return [s.borderRadius, s.borderTopWidth, s.paddingTop, s.fontWeight, s.backgroundColor].join(' '); };
        const readouts = document.querySelector('.readouts-panel').getBoundingClientRect();
        const record = document.getElementById('record-panel').getBoundingClientRect();
        const chain = getComputedStyle(document.getElementById('chain-add'));
        return {record: style('record'), camera: style('record-camera'), gap: record.top - readouts.bottom,
          chainRadius: chain.borderRadius, explained: document.getElementById('record-hint')?.textContent ?? ''};
        """);
    assertEquals(looks.get("record"), looks.get("camera"), "both record buttons styled alike: " + looks);
    assertTrue(Browser.number(looks, "gap") < 24, "Record camera right under the readouts: " + looks);
    assertEquals("8px", looks.get("chainRadius"), "the chain's buttons are styled: " + looks);
    assertTrue(looks.get("explained").toString().contains("Record camera"), "Record says how it differs: " + looks);
  }

  @Test
  void theDashboardFitsA400PixelScreenAndItsLegendsNeverRead2Dashes() {
    Dimension wide = fixture.browser.driver.manage().window().getSize();
    try {
      fixture.browser.driver.manage().window().setSize(new Dimension(400, 900));
      String video = TestVideos.add(fixture.server(), TestVideos.make(files, "short.mp4", 2), "Short", owner).id();
      for (String path : List.of("/dashboard", "/", "/feed", "/library", "/rooms", "/account", "/watch/" + video,
          "/watch/" + video + "/analytics")) {
        fixture.browser.open(fixture.url(path));
        fixture.browser.await(path + " loaded, its header filled", PATIENCE, () -> js(
            "return document.readyState === 'complete' && document.querySelector('header nav a') !== null;"),
            Boolean.TRUE::equals);
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) js(
            "return {page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth};");
        assertTrue(Browser.number(size, "page") <= Browser.number(size, "window"), path + " overflows: " + size);
      }
      fixture.browser.open(fixture.url("/dashboard"));
      String legends = fixture.browser.await("the dashboard's charts", PATIENCE, () -> (String) js(
          "return [...document.querySelectorAll('.u-legend')].map(l => l.textContent).join(' | ');"),
          text -> text.contains("time"));
      assertFalse(legends.contains("--"), "a legend reads --: " + legends);
    } finally {
      fixture.browser.driver.manage().window().setSize(wide);
    }
  }
}
