package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Live captions in Chromium: with the camera page's Captions switch on, the fake microphone's recorded
 * English speech (src/test/resources/speech, played in a loop) comes back as caption text over the
 * processed video.
 */
@BrowserTest
class LiveCaptionsE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  /** Words the microphone says; the small model hears most of them (see docs/subtitles.md). */
  static final List<String> SAID = List.of("young", "man", "disposed", "rather", "cold", "hearted",
      "selfish", "unless");

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCameraAndSpeech().withServerFlags("--transcribe-threads", "1");

  @Test
  void theMicrophonesSpeechIsCaptionedOverTheProcessedVideo() {
    fixture.browser.open(fixture.url("/"));
    fixture.browser.driver.findElement(By.id("captions-toggle")).click();
    @SuppressWarnings("unchecked")
    Map<String, Object> caption = (Map<String, Object>) fixture.browser.await("a caption with words said",
        PATIENCE, () -> fixture.browser.js("""
            const c = document.getElementById('captions');
            return {text: c.textContent, kind: c.dataset.kind || '', hidden: c.hidden,
              over: c.parentElement.querySelector('#processed') !== null};
            """), c -> SAID.stream().filter(w -> ((Map<?, ?>) c).get("text").toString().contains(w)).count() >= 2);
    assertTrue(!(Boolean) caption.get("hidden") && (Boolean) caption.get("over"), caption.toString());
    fixture.browser.driver.findElement(By.id("captions-toggle")).click();
    fixture.browser.await("captions off", PATIENCE, () -> fixture.browser.js(
        "return document.getElementById('captions').hidden;"), Boolean.TRUE::equals);
  }
}
