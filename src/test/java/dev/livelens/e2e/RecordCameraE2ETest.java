package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.TempDirs;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * "Record camera" in Chromium with a fake camera and microphone: the recording is uploaded while it runs,
 * survives the server going away and a reload of the tab, and ends as a library video.
 */
@BrowserTest
@Timeout(value = 4, unit = TimeUnit.MINUTES) // a test may wait PROCESSING for the upload to become a video
class RecordCameraE2ETest {

  private static final Path DATA_DIR = TempDirs.create("livelens-record-e2e-");
  private static final Duration PROCESSING = Duration.ofSeconds(120);

  /** Chromium logs refused requests while the server is away, and tus' refused retries (409, 423) after. */
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCameraAndMicrophone()
      .expectingConsoleErrors(error -> error.contains("/api/uploads") || error.contains("ERR_CONNECTION_REFUSED"))
      .withServerFlags("--data-dir", DATA_DIR.toString());

  @AfterAll
  static void deleteData() {
    TempDirs.delete(DATA_DIR);
  }

  @Test
  void aRecordingDuringWhichTheServerIsAwayArrivesWholeAndSeeks() throws Exception {
    load();
    click("record-camera");
    awaitState("uploading");
    Thread.sleep(3000);
    fixture.killServer();
    Thread.sleep(2000);
    fixture.restartServer();
    Thread.sleep(5000);
    click("record-camera");
    String video = awaitVideo();

    Path dir = DATA_DIR.resolve("media").resolve(video);
    String pageSha = text("rec-sha256");
    assertEquals(pageSha, sha256(dir.resolve("original.webm")), "what MediaRecorder made is what the server kept");
    Path remuxed = dir.resolve("remuxed.webm");
    JsonObject probe = Ffprobe.probe(remuxed);
    assertTrue(Ffprobe.durationSeconds(probe) > 9, "about 10 s recorded: " + Ffprobe.durationSeconds(probe));
    assertTrue(probe.getJsonArray("streams").stream().map(JsonObject.class::cast)
        .anyMatch(s -> "audio".equals(s.getString("codec_type"))), "the microphone was recorded");
    assertTrue(hasCues(remuxed), "the remuxed file has a seek index (Matroska Cues)");
    assertEquals(5.0, firstFrameAfterSeekingTo(remuxed, 5), 0.1);
    fixture.browser.await("the link to the video", LiveLensPage.PATIENCE,
        () -> fixture.browser.driver.findElement(By.id("rec-link")).getAttribute("href"),
        href -> href.endsWith("/watch/" + video));
  }

  @Test
  void aTabReloadedWhileRecordingResumesItsUpload() throws Exception {
    load();
    click("record-camera");
    awaitState("uploading");
    Thread.sleep(4000);
    fixture.browser.driver.navigate().refresh();
    fixture.browser.await("the offer to resume", LiveLensPage.PATIENCE,
        () -> fixture.browser.driver.findElement(By.id("rec-resume")).isDisplayed(), shown -> shown);
    click("rec-resume-button");
    String video = awaitVideo();
    long size = Files.size(DATA_DIR.resolve("media").resolve(video).resolve("original.webm"));
    assertTrue(size > 100_000, "about 4 s were recorded before the reload, the original has " + size + " bytes");
    assertEquals("done", state());
    String title = new JsonObject(fixture.browser.fetch("GET", "/api/videos/" + video)).getString("title");
    assertTrue(title.matches("Camera recording \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"),
        "the form of a server recording's title, no file extension: " + title);
  }

  private static void load() {
    fixture.browser.open(fixture.url("/"));
    awaitState("idle");
  }

  private static String awaitVideo() {
    fixture.browser.await("the upload to end as a ready video", PROCESSING, RecordCameraE2ETest::state,
        state -> List.of("done", "failed").contains(state));
    assertEquals("done", state(), text("rec-message"));
    return (String) fixture.browser.js("return document.getElementById('record-panel').dataset.video;");
  }

  private static void awaitState(String wanted) {
    fixture.browser.await("record state " + wanted, LiveLensPage.PATIENCE, RecordCameraE2ETest::state,
        wanted::equals);
  }

  private static String state() {
    return (String) fixture.browser.js("return document.getElementById('rec-state').dataset.state;");
  }

  private static String text(String id) {
    return fixture.browser.driver.findElement(By.id(id)).getAttribute("textContent");
  }

  private static void click(String id) {
    fixture.browser.driver.findElement(By.id(id)).click();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** Whether the Matroska Cues element (id 1C 53 BB 6B), the index players seek with, is in the file. */
  private static boolean hasCues(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 0; i + 3 < bytes.length; i++) {
      if (bytes[i] == 0x1C && bytes[i + 1] == 0x53 && bytes[i + 2] == (byte) 0xBB && bytes[i + 3] == 0x6B) {
        return true;
      }
    }
    return false;
  }

  /** Debian's ffmpeg seeks to {@code seconds} and reports the time of the first frame it decodes there. */
  private static double firstFrameAfterSeekingTo(Path file, int seconds) throws Exception {
    Process process = new ProcessBuilder("ffmpeg", "-hide_banner", "-v", "info", "-ss", String.valueOf(seconds), "-i", file.toString(),
        "-frames:v", "1", "-copyts", "-vf", "showinfo", "-f", "null", "-").redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    var match = java.util.regex.Pattern.compile("pts_time:([0-9.]+)").matcher(out);
    if (!match.find()) {
      throw new AssertionError("no frame after seeking: " + out);
    }
    return Double.parseDouble(match.group(1));
  }
}
