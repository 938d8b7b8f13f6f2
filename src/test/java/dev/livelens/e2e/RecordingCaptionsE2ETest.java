package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A recording made with live captions on keeps them as its subtitles: the camera page's server recording
 * of the processed stream has no sound, yet its transcript is the words the fake microphone said (recorded
 * English speech, src/test/resources/speech) while it was being recorded.
 */
@BrowserTest
class RecordingCaptionsE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final List<String> SAID = LiveCaptionsE2ETest.SAID;

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCameraAndSpeech().withServerFlags("--transcribe-threads", "1");

  @Test
  void aRecordingMadeWithCaptionsOnGetsThemAsItsTranscript() throws Exception {
    LiveLensPage page = fixture.page().load();
    page.startStreaming(10);
    fixture.browser.driver.findElement(By.id("captions-toggle")).click();
    fixture.browser.await("captions heard", PATIENCE, () -> fixture.browser.js(
        "return document.getElementById('captions').textContent;"),
        text -> SAID.stream().anyMatch(w -> text.toString().contains(w)));
    page.element("record").click();
    // The clip is 9.3 s of speech played in a loop: a recording of 12 s hears all of it once at least.
    fixture.browser.await("12 s recorded", PATIENCE, () -> page.state().get("recording").toString(),
        text -> text.matches("(?s).*Recording 0:1[2-9].*"));
    page.element("record").click();
    @SuppressWarnings("unchecked")
    Map<String, Object> saved = fixture.browser.await("the recording saved", PATIENCE,
        () -> (Map<String, Object>) page.state().get("recording"), r -> "saved".equals(r.get("state")));
    String video = String.valueOf(saved.get("link")).substring("/watch/".length());

    TestVideos.publish(fixture.server(), video); // the browser's own: made public so this client reads it
    ApiClient api = new ApiClient(fixture.server().port());
    assertEquals("ready", api.awaitVideo(video, PATIENCE).getString("status"));
    JsonObject transcript = api.awaitTranscript(video, PATIENCE);
    assertEquals("ready", transcript.getString("status"), "not no_speech: a recording of the stream has no "
        + "sound, its words are the captions' " + transcript.encode());
    JsonArray lines = transcript.getJsonArray("lines");
    String said = lines.stream().map(l -> ((JsonObject) l).getString("text")).reduce("", (a, b) -> a + " " + b);
    assertTrue(SAID.stream().filter(said::contains).count() >= 4, said);
    double duration = api.json("/api/videos/" + video).getLong("durationMs") / 1000.0;
    for (Object l : lines) {
      JsonObject line = (JsonObject) l;
      assertTrue(line.getDouble("start") >= 0 && line.getDouble("end") <= duration + 2.0,
          "timed within the recording (" + duration + " s): " + line.encode());
    }
  }
}
