package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestVideos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * "Record a reply" in Chromium: from a video's page to the camera page, a recording made there through the
 * record-and-upload path answers that video, and plays from the parent's page.
 */
@BrowserTest
@Timeout(value = 4, unit = TimeUnit.MINUTES) // the upload must become a ready video
class RecordedReplyE2ETest {

  private static final Duration PROCESSING = Duration.ofSeconds(120);
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCameraAndMicrophone();
  private static Path files;
  private static String parent;

  @BeforeAll
  static void post() {
    files = TempDirs.create("livelens-e2e-reply-");
    parent = TestVideos.publish(fixture.server(),
        TestVideos.add(fixture.server(), TestVideos.make(files, "clip.mp4", 2), "Parent").id());
  }

  @AfterAll
  static void removeFiles() {
    TempDirs.delete(files);
  }

  @Test
  void aRecordingMadeFromRecordAReplyAnswersTheVideoAndPlaysFromIt() throws Exception {
    Browser browser = fixture.browser;
    browser.open(fixture.url("/watch/" + parent));
    browser.await("the reply link", PROCESSING, () -> browser.driver.findElement(By.id("reply-record"))
        .getAttribute("href"), href -> href.endsWith("/?replyTo=" + parent));
    browser.driver.findElement(By.id("reply-record")).click();
    browser.await("the camera page", PROCESSING, () -> browser.js(
        "return document.getElementById('rec-state')?.dataset.state ?? '';"), "idle"::equals);
    browser.driver.findElement(By.id("record-camera")).click();
    browser.await("recording", PROCESSING, () -> browser.js(
        "return document.getElementById('rec-state').dataset.state;"), "uploading"::equals);
    Thread.sleep(3000); // three seconds of camera
    browser.driver.findElement(By.id("record-camera")).click();
    browser.await("the upload to end as a ready video", PROCESSING, () -> browser.js(
        "return document.getElementById('rec-state').dataset.state;"), state -> List.of("done", "failed").contains(state));
    String reply = (String) browser.js("return document.getElementById('record-panel').dataset.video;");
    Object linked = browser.driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/api/videos/' + arguments[0]).then(r => r.json()).then(v => done(v.replyTo));""", reply);
    assertEquals(parent, linked);

    browser.open(fixture.url("/watch/" + parent));
    browser.await("the recorded reply listed for its maker", PROCESSING, () -> browser.js(
        "return window.livelensWatch.replies().join();"), reply::equals);
    browser.driver.findElement(By.id("play-replies")).click();
    browser.await("the recorded reply playing from the parent's page", PROCESSING, () -> browser.js("""
        const v = document.getElementById('reply-player');
        return v.dataset.playing + ':' + (v.currentTime > 0.2);"""), (reply + ":true")::equals);
  }
}
