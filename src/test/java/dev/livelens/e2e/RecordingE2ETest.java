package dev.livelens.e2e;

import static dev.livelens.e2e.Browser.number;
import static dev.livelens.e2e.LiveLensPage.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Record control in Chromium: the processed stream recorded on the server and found in the library. */
@BrowserTest
class RecordingE2ETest {

  private static final Duration PACKAGING = Duration.ofSeconds(60);
  private static final Pattern CLOCK = Pattern.compile("^Recording (\\d+):(\\d\\d) ");

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera();

  private LiveLensPage page;

  @BeforeEach
  void loadPage() {
    page = fixture.page().load();
  }

  @Test
  void recordThenStopRecordingSavesAVideoOfTheStreamAndLinksToIt() throws Exception {
    assertFalse(page.element("record").isEnabled(), "nothing to record before the stream runs");
    page.selectFilter("edges");
    page.startStreaming(10);
    page.element("record").click();
    awaitRecording("the running time and size", text -> recordedSeconds(text) >= 2);
    assertTrue(recording().get("text").toString().matches("Recording \\d+:\\d\\d · [\\d.]+ (KB|MB)"),
        recording().toString());
    page.element("record").click();

    String link = awaitSaved();
    String video = link.substring("/watch/".length());
    JsonObject info = awaitReady(video);
    assertEquals("recording", info.getString("source"));
    assertTrue(info.getString("title").matches("Recording \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"),
        info.getString("title"));
    assertTrue(info.getLong("durationMs") >= 2000, info.encode());
    assertEquals("streaming", page.status(), "recording never disturbs the stream");
  }

  @Test
  void stoppingTheStreamWhileRecordingFinishesAndSavesTheRecording() throws Exception {
    page.startStreaming(10);
    page.element("record").click();
    awaitRecording("recording to start", text -> recordedSeconds(text) >= 1);
    page.pressStartOrStop();

    String link = awaitSaved();
    assertTrue(recording().get("text").toString().startsWith("The stream ended"), recording().toString());
    awaitReady(link.substring("/watch/".length()));
    assertFalse(page.element("record").isEnabled());
  }

  /** The running time a "Recording m:ss · size" readout shows, or -1 for any other text. */
  private static int recordedSeconds(String text) {
    Matcher clock = CLOCK.matcher(text);
    return clock.find() ? Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2)) : -1;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> recording() {
    return (Map<String, Object>) page.state().get("recording");
  }

  private void awaitRecording(String what, java.util.function.Predicate<String> text) {
    fixture.browser.await(what, PATIENCE, this::recording, r -> text.test(String.valueOf(r.get("text"))));
  }

  private String awaitSaved() {
    Map<String, Object> saved = fixture.browser.await("the recording to be saved", PACKAGING, this::recording,
        r -> "saved".equals(r.get("state")));
    String link = String.valueOf(saved.get("link"));
    assertTrue(link.matches("/watch/[A-Za-z0-9_-]{16}"), saved.toString());
    return link;
  }

  private static JsonObject awaitReady(String video) throws Exception {
    return awaitReady(fixture.browser, video);
  }

  /** The library's answer for a recorded video once it is no longer processing: ready, with a size. */
  static JsonObject awaitReady(Browser browser, String video) throws InterruptedException {
    long deadline = System.nanoTime() + PACKAGING.toNanos();
    while (true) {
      // As the browser that recorded it: the recording is its own (a guest identity's), private.
      JsonObject info = new JsonObject(browser.fetch("GET", "/api/videos/" + video));
      if (!"processing".equals(info.getString("status")) || System.nanoTime() > deadline) {
        assertEquals("ready", info.getString("status"), info.encode());
        assertTrue(number(info.getMap(), "size") > 0);
        return info;
      }
      Thread.sleep(200);
    }
  }
}
