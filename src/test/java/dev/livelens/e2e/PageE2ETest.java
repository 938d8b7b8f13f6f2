package dev.livelens.e2e;

import static dev.livelens.e2e.Browser.number;
import static dev.livelens.e2e.LiveLensPage.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.livelens.e2e.LiveLensPage.Pixels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The page in headless Chromium against the real server, its camera a clip made from a real face
 * photo. One server and one browser serve the whole class; each test starts from a fresh load and
 * ends with a screenshot, no console errors and no unhandled exception in the server.
 */
@BrowserTest
class PageE2ETest {

  private static final int FIRST_FRAMES = 3;
  private static final long FIRST_FRAMES_WITHIN_MS = 2000;
  private static final int ATTEMPTS = 3;

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera();

  private Browser browser;
  private LiveLensPage page;

  @BeforeEach
  void loadPage() {
    browser = fixture.browser;
    page = fixture.page().load();
  }

  @Test
  void startPlaysTheCameraAndProcessedFramesArriveAboveTenPerSecond() {
    assertEquals("idle", page.status());
    page.startStreaming(10);

    Map<String, Object> local = page.video("local");
    assertEquals(640.0, number(local, "videoWidth"), "camera video: " + local);
    assertEquals(480.0, number(local, "videoHeight"), "camera video: " + local);
    double playedTo = number(local, "currentTime");
    browser.await("the camera video to play on", PATIENCE, () -> page.video("local"),
        v -> number(v, "currentTime") > playedTo + 0.3);
    browser.await("the processed video to play 640x480", PATIENCE, () -> page.video("processed"),
        v -> number(v, "videoWidth") == 640 && number(v, "videoHeight") == 480
            && Boolean.TRUE.equals(v.get("playing")));
    browser.await("the received-fps readout above 10", PATIENCE, () -> page.element("recv-fps").getText(),
        text -> Integer.parseInt(text) > 10);
    assertEquals("Streaming", page.element("status").getText());
    assertEquals("Stop", page.element("start").getText());
  }

  /**
   * Timed in the page, from the click to the third processed frame on screen. The machine is shared
   * with benchmarks, so a slow attempt is retried on a fresh page; one attempt in time passes.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"none", "gray", "edges", "faces"})
  void everyFilterStreamsWithinTwoSecondsOfStart(String filter) {
    List<Map<String, Object>> attempts = new ArrayList<>();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        page.load();
      }
      page.selectFilter(filter);
      Map<String, Object> millis = page.startAndTime(FIRST_FRAMES);
      attempts.add(millis);
      System.err.println("[e2e] " + filter + ": ms from Start to camera, socket, sent, received, played: " + millis);
      if (millis.containsKey("played") && number(millis, "played") < FIRST_FRAMES_WITHIN_MS) {
        assertEquals(filter, page.state().get("filter"));
        return;
      }
    }
    fail(FIRST_FRAMES + " processed frames never played within " + FIRST_FRAMES_WITHIN_MS
        + " ms of Start; milliseconds per attempt: " + attempts);
  }

  @Test
  void grayShowsThePictureWithEqualChannels() {
    page.startStreaming(5);
    Pixels colour = browser.await("the colour picture", PATIENCE, page::processedPixels, Pixels::hasPicture);
    assertTrue(colour.spreadP99() > 40, "the unfiltered photo is colourful: " + colour);

    page.selectFilter("gray");
    // JPEG and the video path may each shift a channel by a level or two; colour would differ by tens.
    browser.await("a grey picture", PATIENCE, page::processedPixels, p -> p.hasPicture() && p.spreadP99() <= 6);
  }

  @Test
  void facesReportsTheFaceInTheCamera() {
    page.selectFilter("faces");
    page.startStreaming(5);
    Map<String, Object> state = browser.await("a face box", PATIENCE, page::state,
        s -> !((List<?>) s.get("faces")).isEmpty());
    @SuppressWarnings("unchecked")
    Map<String, Object> box = ((List<Map<String, Object>>) state.get("faces")).get(0);
    // The face in the clip sits at about x=221..341, y=82..202 and drifts by 4 px.
    double centreX = number(box, "x") + number(box, "w") / 2;
    double centreY = number(box, "y") + number(box, "h") / 2;
    assertTrue(Math.abs(centreX - 281) < 40 && Math.abs(centreY - 142) < 40, "the box is on the face: " + box);
    browser.await("the faces readout above 0", PATIENCE, () -> page.element("faces").getText(),
        text -> Integer.parseInt(text) > 0);
  }

  @Test
  void raisingTheEdgeThresholdsLeavesFewerEdges() {
    page.selectFilter("edges");
    page.startStreaming(5);
    Pixels defaults = browser.await("edges at the default thresholds", PATIENCE, page::processedPixels,
        p -> p.width() > 0 && p.brightFraction() > 0.02);

    page.setParam("high", 1000);
    page.setParam("low", 900);
    browser.await("fewer edges than the " + defaults.brightFraction() + " bright at the defaults", PATIENCE,
        page::processedPixels, p -> p.width() > 0 && p.brightFraction() < defaults.brightFraction() / 3);
    assertEquals(Map.of("low", 900L, "high", 1000L), page.state().get("params"));
    assertEquals("1000", page.element("param-high-value").getText());
  }

  @Test
  void stopClosesTheSocketAndEndsEveryCameraTrack(TestInfo test) {
    Map<String, Object> streaming = page.startStreaming(5);
    assertEquals(true, streaming.get("socketOpen"));
    assertTrue(number(streaming, "tracksLive") >= 1, "camera tracks while streaming: " + streaming);
    browser.screenshot(Browser.screenshotName(test) + "-before");

    page.pressStartOrStop();
    Map<String, Object> stopped = browser.await("socket closed and camera off", PATIENCE, page::state,
        s -> Boolean.FALSE.equals(s.get("socketOpen")) && number(s, "tracksLive") == 0);
    assertEquals("idle", stopped.get("status"));
    assertEquals("Start", page.element("start").getText());
    assertEquals(true, browser.js("return document.getElementById('local').srcObject === null;"));
  }

  /** Leaving mid-stream closes the socket while frames are still with the workers; the server must not mind. */
  @Test
  void reloadingMidStreamLeavesTheServerCleanAndStartWorksAgain() {
    for (int round = 0; round < 3; round++) {
      page.selectFilter("faces");
      page.startStreaming(5);
      page.load();
    }
    page.startStreaming(5);
  }

  @Test
  void keyboardAloneStartsTheStreamAndTunesTheFilter() {
    Actions keys = new Actions(browser.driver);
    // After the header's five links (Camera, Library, Rooms, Dashboard, the account).
    for (int i = 0; i < 8 && !"start".equals(focused()); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertEquals("start", focused(), "Start is reached with Tab");
    keys.sendKeys(Keys.SPACE).perform();
    page.awaitReceiving(5);

    keys.sendKeys(Keys.TAB).perform();
    assertEquals("record", focused(), "Record follows Start once the stream runs");
    keys.sendKeys(Keys.TAB).perform();
    assertEquals("captions-toggle", focused(), "the Captions switch follows Record");
    keys.sendKeys(Keys.TAB).perform();
    assertEquals("filter", focused(), "the filter selector follows the Captions switch");
    assertNotEquals("none", browser.js("return getComputedStyle(document.activeElement).outlineStyle;"),
        "the focused control shows a focus ring");
    keys.sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_DOWN).perform();
    browser.await("edges chosen by keyboard", PATIENCE, page::state, s -> "edges".equals(s.get("filter")));

    keys.sendKeys(Keys.TAB).perform();
    assertEquals("param-low", focused(), "the first parameter follows the selector");
    keys.sendKeys(Keys.PAGE_UP).perform();
    browser.await("a higher low threshold", PATIENCE, page::state,
        s -> number(castMap(s.get("params")), "low") > 50);
    browser.await("edges in the processed video", PATIENCE, page::processedPixels,
        p -> p.width() > 0 && p.meanLuma() < 60 && p.brightFraction() > 0.005);
  }

  @Test
  void everyControlIsLabelled() {
    for (String filter : page.filterOptions()) {
      page.selectFilter(filter);
      @SuppressWarnings("unchecked")
      List<String> unlabelled = (List<String>) browser.js("""
          return [...document.querySelectorAll('main input, main select, main button')]
            .filter(el => el.tagName === 'BUTTON'
                ? !el.textContent.trim()
                : ![...el.labels].some(label => label.textContent.trim()))
            .map(el => el.id || el.outerHTML);
          """);
      assertEquals(List.of(), unlabelled, "controls without a label for filter " + filter);
    }
  }

  @Test
  void videosSitSideBySideOnAWideScreenAndStackOnAPhone(TestInfo test) {
    page.selectFilter("edges");
    page.startStreaming(5);
    browser.js("window.scrollTo(0, 0);");
    Map<String, Object> wide = layout();
    Map<String, Object> local = castMap(wide.get("local"));
    Map<String, Object> processed = castMap(wide.get("processed"));
    assertEquals(number(local, "top"), number(processed, "top"), 2, "same row: " + wide);
    assertTrue(number(processed, "left") >= number(local, "right"), "processed right of camera: " + wide);
    assertTrue(number(castMap(wide.get("filter")), "bottom") <= number(wide, "viewportHeight"),
        "the filter selector is in view beside the videos: " + wide);
    assertTrue(number(wide, "scrollWidth") <= number(wide, "viewportWidth"), "no sideways scrolling: " + wide);

    Dimension desktop = browser.driver.manage().window().getSize();
    try {
      browser.driver.manage().window().setSize(new Dimension(390, 844));
      Map<String, Object> phone = browser.await("the phone layout", PATIENCE, this::layout,
          l -> number(castMap(l.get("processed")), "top") >= number(castMap(l.get("local")), "bottom"));
      assertTrue(number(phone, "scrollWidth") <= number(phone, "viewportWidth"), "no sideways scrolling: " + phone);
      assertTrue(number(castMap(phone.get("local")), "width") >= number(phone, "viewportWidth") - 40,
          "the camera video uses the phone's width: " + phone);
      browser.screenshot(Browser.screenshotName(test) + "-phone");
    } finally {
      browser.driver.manage().window().setSize(desktop);
    }
  }

  private String focused() {
    return (String) browser.js("return document.activeElement && document.activeElement.id;");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> layout() {
    return (Map<String, Object>) browser.js("""
        const rect = (id) => {
          const r = document.getElementById(id).getBoundingClientRect();
          return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width};
        };
        return {local: rect('local'), processed: rect('processed'), filter: rect('filter'),
                viewportWidth: document.documentElement.clientWidth, viewportHeight: innerHeight,
                scrollWidth: document.documentElement.scrollWidth};
        """);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }
}
