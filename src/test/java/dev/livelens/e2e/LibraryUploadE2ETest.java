package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestFormats;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * Files from disk onto the library page in Chromium: three files (chosen with the file input the drop zone
 * also feeds, and dropped as a DataTransfer), the page reloaded in the middle of the second, which goes on
 * where the server has it once chosen again; all three end ready, their originals byte for byte the files.
 */
@BrowserTest
class LibraryUploadE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  /** Slow enough that the second file is caught half-way: Chromium throttles its uploads to this. */
  private static final int UPLOAD_BYTES_PER_SECOND = 300 * 1024;
  private static final String DROP = """
      const [name, base64, lastModified] = arguments;
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { lastModified }));
      document.getElementById('videos').dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      """;
  private static final String ROWS = """
      return [...document.querySelectorAll('#uploads .upload')].map((li) => ({ ...li.dataset }));
      """;

  private static final long MAX_UPLOAD_BYTES = 5_000_000;
  private static final Path DATA_DIR = TempDirs.create("livelens-upload-e2e-");
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera()
      // The refused file's 413, and a cancel's DELETE while the aborted chunk is still being written (423,
      // tried again by tus-js-client): the browser logs both.
      .expectingConsoleErrors(error -> error.contains("/api/uploads") && (error.contains("413") || error.contains("423")))
      .withServerFlags("--data-dir", DATA_DIR.toString(),
      "--max-upload-bytes", String.valueOf(MAX_UPLOAD_BYTES));
  private static Path files;

  @BeforeAll
  static void makeFiles() {
    files = TempDirs.create("livelens-e2e-uploads-");
  }

  @AfterAll
  static void removeFiles() {
    TempDirs.delete(files);
    TempDirs.delete(DATA_DIR);
  }

  @Test
  void threeFilesDroppedWithAReloadDuringTheSecondAllEndReadyAndWhole() throws Exception {
    Path first = TestFormats.h264Mp4(files, "first.mp4", 2, false);
    Path second = TestFormats.rotatedMov(files, "second.mov", 3);
    Path third = TestFormats.vp9OpusMkv(files, "third.mkv", 2);
    assertTrue(Files.size(second) > 20 * 64 * 1024, "the second file takes many chunks: " + Files.size(second));
    open();
    fixture.browser.driver.setNetworkConditions(throttled());
    choose(first, second);
    drop(third);

    fixture.browser.await("the second file half-way", PATIENCE, LibraryUploadE2ETest::rows,
        rows -> rows.size() == 3 && "uploading".equals(rows.get(1).get("state"))
            && fraction(rows.get(1)) > 0.2 && fraction(rows.get(1)) < 0.8);
    fixture.browser.driver.navigate().refresh();
    fixture.browser.await("the second file offered to resume", PATIENCE,
        () -> fixture.browser.js("return [...document.querySelectorAll('#unfinished-list li')]"
            + ".map((li) => li.dataset.name).join(',')"), "second.mov"::equals);
    fixture.browser.js("sessionStorage.setItem('livelens.uploadChunkBytes', String(64 * 1024));");
    choose(second);
    drop(third);

    List<Map<String, Object>> ended = fixture.browser.await("both uploads ready", PATIENCE,
        LibraryUploadE2ETest::rows, rows -> rows.size() == 2
            && rows.stream().allMatch(row -> List.of("ready", "failed").contains(row.get("state"))));
    assertEquals(List.of("ready", "ready"), ended.stream().map(row -> row.get("state")).toList(), ended.toString());
    assertTrue(Long.parseLong((String) ended.get(0).get("resumedFrom")) > 0,
        "the second went on where the server had it: " + ended.get(0));
    fixture.browser.driver.deleteNetworkConditions();

    Map<String, JsonObject> videos = fixture.browser.await("three ready videos", PATIENCE,
        LibraryUploadE2ETest::videosByTitle, found -> found.size() == 3
            && found.values().stream().allMatch(v -> "ready".equals(v.getString("status"))));
    for (Path file : List.of(first, second, third)) {
      String name = file.getFileName().toString();
      Path original = DATA_DIR.resolve("media").resolve(videos.get(name).getString("id"))
          .resolve("original" + name.substring(name.lastIndexOf('.')));
      assertEquals(sha256(file), sha256(original), name + " arrived byte for byte");
    }
    assertEquals(720, videos.get("second.mov").getInteger("width"));
    assertEquals(1280, videos.get("second.mov").getInteger("height"));
    fixture.browser.await("three ready cards", PATIENCE, () -> fixture.browser.js(
        "return document.querySelectorAll('#videos .video-card[data-status=ready]').length"),
        n -> ((Number) n).intValue() == 3);
    fixture.browser.open(fixture.url("/watch/" + videos.get("second.mov").getString("id")));
    String details = (String) fixture.browser.await("the original in the details", PATIENCE,
        () -> fixture.browser.js("return document.getElementById('details').textContent"),
        text -> ((String) text).contains("Original"));
    assertTrue(details.contains("second.mov") && details.contains("turned 90°") && details.contains("transcoded"),
        details);
  }

  @Test
  void anUploadPausesResumesAndCancelsAndAFileOverTheLimitIsRefusedBeforeItsFirstByte() throws Exception {
    Path kept = TestFormats.rotatedMov(files, "paused.mov", 3);
    Path big = Files.write(files.resolve("big.mp4"), new byte[(int) MAX_UPLOAD_BYTES + 1]);
    open();
    fixture.browser.driver.setNetworkConditions(throttled());
    choose(kept);
    fixture.browser.await("the upload under way", PATIENCE, LibraryUploadE2ETest::rows,
        rows -> rows.size() == 1 && fraction(rows.get(0)) > 0.1);
    click("Pause the upload of paused.mov");
    long sentWhenPaused = Long.parseLong((String) fixture.browser.await("paused", PATIENCE,
        LibraryUploadE2ETest::rows, rows -> "paused".equals(rows.get(0).get("state"))).get(0).get("sent"));
    Thread.sleep(1000);
    assertEquals(String.valueOf(sentWhenPaused), rows().get(0).get("sent"), "nothing is sent while paused");
    click("Resume the upload of paused.mov");
    fixture.browser.await("going on", PATIENCE, LibraryUploadE2ETest::rows,
        rows -> "uploading".equals(rows.get(0).get("state")) && fraction(rows.get(0)) > fraction(Map.of(
            "sent", String.valueOf(sentWhenPaused), "total", rows.get(0).get("total"))));
    click("Cancel the upload of paused.mov");
    fixture.browser.await("cancelled", PATIENCE, LibraryUploadE2ETest::rows,
        rows -> "cancelled".equals(rows.get(0).get("state")));
    fixture.browser.driver.deleteNetworkConditions();
    fixture.browser.await("the cancelled upload's bytes gone from the server", PATIENCE,
        () -> countFiles(DATA_DIR.resolve("uploads")), n -> n == 0);

    choose(big);
    Map<String, Object> refused = fixture.browser.await("the big file refused", PATIENCE,
        LibraryUploadE2ETest::rows, rows -> rows.size() == 2 && "failed".equals(rows.get(1).get("state"))).get(1);
    String text = fixture.browser.driver.findElements(By.cssSelector("#uploads .upload-text")).get(1).getText();
    assertTrue(text.contains("up to 5.0 MB"), text);
    assertEquals("0", refused.get("sent"));
    assertEquals(0, countFiles(DATA_DIR.resolve("uploads")), "no upload was made for it");
  }

  private static long countFiles(Path dir) {
    try (var entries = Files.list(dir)) {
      return entries.count();
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  private static void click(String label) {
    fixture.browser.driver.findElement(By.cssSelector("button[aria-label='" + label + "']")).click();
  }

  private static void open() {
    fixture.browser.open(fixture.url("/library"));
    fixture.browser.js("sessionStorage.setItem('livelens.uploadChunkBytes', String(64 * 1024));");
  }

  private static ChromiumNetworkConditions throttled() {
    ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
    conditions.setUploadThroughput(UPLOAD_BYTES_PER_SECOND);
    conditions.setDownloadThroughput(50 * 1024 * 1024);
    return conditions;
  }

  /** Through the page's file input, as the Upload button's dialog or a drop would hand them over. */
  private static void choose(Path... chosen) {
    fixture.browser.driver.findElement(By.id("upload-files")).sendKeys(List.of(chosen).stream()
        .map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining("\n")));
  }

  private static void drop(Path file) throws Exception {
    fixture.browser.js(DROP, file.getFileName().toString(),
        Base64.getEncoder().encodeToString(Files.readAllBytes(file)), Files.getLastModifiedTime(file).toMillis());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows() {
    return (List<Map<String, Object>>) fixture.browser.js(ROWS);
  }

  private static double fraction(Map<String, Object> row) {
    return Double.parseDouble((String) row.get("sent")) / Double.parseDouble((String) row.get("total"));
  }

  private static Map<String, JsonObject> videosByTitle() {
    // The browser's own videos: its uploads made it a guest, and a guest's new videos are private.
    String body = fixture.browser.fetch("GET", "/api/videos?mine=1");
    return new JsonObject(body).getJsonArray("videos").stream()
        .map(JsonObject.class::cast).collect(Collectors.toMap(v -> v.getString("title"), v -> v, (a, b) -> a));
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
