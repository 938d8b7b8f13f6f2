package dev.livelens.e2e;

import static dev.livelens.e2e.Browser.number;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The LiveLens page as a test sees it: its controls, its readouts and the pixels it shows. */
final class LiveLensPage {

  /** Generous: the machine is shared with benchmarks, so a slow moment must not fail a test. */
  static final Duration PATIENCE = Duration.ofSeconds(15);
  /** The start of a script reading a video's pixels: the video named by arguments[0] drawn on {@code ctx}. */
  static final String DRAW_VIDEO = """
      const video = document.getElementById(arguments[0]);
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const ctx = canvas.getContext('2d', {willReadFrequently: true});
      ctx.drawImage(video, 0, 0);
      """;

  /** What sampling the processed video found; all fractions are of the frame's pixels. */
  record Pixels(int width, int height, double meanLuma, double brightFraction, int spreadP99) {

    /** True when the frame is not the black placeholder the page shows before the first reply. */
    boolean hasPicture() {
      return width > 0 && meanLuma > 20;
    }
  }

  /**
   * Draws the processed video into a canvas and measures it: mean luma, the fraction of bright
   * pixels (luma above 128) and the 99th percentile of each pixel's largest channel difference
   * (0 for a grey picture, up to a few levels after JPEG and video conversions).
   */
  private static final String SAMPLE_PROCESSED = """
      const video = document.getElementById('processed');
      const w = video.videoWidth, h = video.videoHeight;
      if (!w || !h) return {width: 0, height: 0, meanLuma: 0, brightFraction: 0, spreadP99: 0};
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d', {willReadFrequently: true});
      ctx.drawImage(video, 0, 0);
      const d = ctx.getImageData(0, 0, w, h).data;
      const spreads = new Uint32Array(256);
      let luma = 0, bright = 0;
      for (let i = 0; i < d.length; i += 4) {
        const r = d[i], g = d[i + 1], b = d[i + 2];
        const y = 0.299 * r + 0.587 * g + 0.114 * b;
        luma += y;
        if (y > 128) bright++;
        spreads[Math.max(r, g, b) - Math.min(r, g, b)]++;
      }
      const n = w * h;
      let seen = 0, p99 = 0;
      while (p99 < 255 && (seen += spreads[p99]) < 0.99 * n) p99++;
      return {width: w, height: h, meanLuma: luma / n, brightFraction: bright / n, spreadP99: p99};
      """;

  /**
   * Presses Start and resolves, in page time, with milliseconds from the click to each milestone:
   * camera (the local video has a frame), socket (open), sent (first frame out), received (first
   * reply in) and played (arguments[0] replies back and the processed video showing them); a
   * milestone not reached within 15 s is missing.
   */
  private static final String START_AND_TIME = """
      const frames = arguments[0], done = arguments[arguments.length - 1];
      const local = document.getElementById('local'), processed = document.getElementById('processed');
      const clicked = performance.now(), at = {};
      const mark = (name, reached) => { if (reached && !(name in at)) at[name] = Math.round(performance.now() - clicked); };
      document.getElementById('start').click();
      const check = () => {
        const s = window.livelens.state();
        mark('camera', local.videoWidth > 0);
        mark('socket', s.socketOpen);
        mark('sent', s.sentFrames > 0);
        mark('received', s.receivedFrames > 0);
        mark('played', s.receivedFrames >= frames && processed.videoWidth > 0 && processed.readyState >= 2);
        if ('played' in at || performance.now() - clicked > 15000) done(at);
        else setTimeout(check, 5);
      };
      check();
      """;

  final Browser browser;
  private final String url;

  LiveLensPage(Browser browser, int port) {
    this.browser = browser;
    this.url = "http://127.0.0.1:" + port + "/";
  }

  /** Loads the page afresh and waits until it has the server's filter list. */
  LiveLensPage load() {
    browser.open(url);
    browser.await("the filter list from the server", PATIENCE, () -> filterOptions().size(), n -> n >= 4);
    return this;
  }

  /** Read in one script: the page replaces the options when the list arrives. */
  @SuppressWarnings("unchecked")
  List<String> filterOptions() {
    return (List<String>) browser.js("return [...document.getElementById('filter').options].map(o => o.value);");
  }

  WebElement element(String id) {
    return browser.driver.findElement(By.id(id));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> state() {
    return (Map<String, Object>) browser.js("return window.livelens.state();");
  }

  String status() {
    return element("status").getAttribute("data-state");
  }

  String message() {
    return element("message").getText();
  }

  void selectFilter(String name) {
    new Select(element("filter")).selectByValue(name);
  }

  /** Sets a numeric parameter the way a slider drag does: value, then input and change events. */
  void setParam(String name, int value) {
    browser.js("""
        const input = document.getElementById('param-' + arguments[0]);
        input.value = arguments[1];
        input.dispatchEvent(new Event('input', {bubbles: true}));
        input.dispatchEvent(new Event('change', {bubbles: true}));
        """, name, value);
  }

  /** Pins frame rate, long side and JPEG quality by hand, as a person picking them (not "Auto"). */
  void pinCapture(String fps, String longSide, String quality) {
    new Select(element("fps")).selectByValue(fps);
    new Select(element("size")).selectByValue(longSide);
    new Select(element("quality")).selectByValue(quality);
  }

  void pressStartOrStop() {
    element("start").click();
  }

  /** Presses Start; returns the milliseconds from the click to each milestone of the first frames. */
  @SuppressWarnings("unchecked")
  Map<String, Object> startAndTime(int frames) {
    return (Map<String, Object>) browser.driver.executeAsyncScript(START_AND_TIME, frames);
  }

  /** Presses Start and waits until replies come back at more than {@code fps} frames a second. */
  Map<String, Object> startStreaming(double fps) {
    pressStartOrStop();
    return awaitReceiving(fps);
  }

  Map<String, Object> awaitReceiving(double fps) {
    return browser.await("received fps above " + fps, PATIENCE, this::state,
        s -> "streaming".equals(s.get("status")) && number(s, "recvFps") > fps);
  }

  Pixels processedPixels() {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) browser.js(SAMPLE_PROCESSED);
    return new Pixels((int) number(m, "width"), (int) number(m, "height"), number(m, "meanLuma"),
        number(m, "brightFraction"), (int) number(m, "spreadP99"));
  }

  /** currentTime, videoWidth, videoHeight and readyState of a video element. */
  @SuppressWarnings("unchecked")
  Map<String, Object> video(String id) {
    return (Map<String, Object>) browser.js("""
        const v = document.getElementById(arguments[0]);
        return {currentTime: v.currentTime, videoWidth: v.videoWidth, videoHeight: v.videoHeight,
                readyState: v.readyState, playing: !v.paused && !v.ended};
        """, id);
  }
}
