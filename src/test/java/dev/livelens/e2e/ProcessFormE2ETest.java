package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The watch page's "Run a filter" in Chromium: a chain built of filters with their parameters, and a
 * background picture for replace-background, each run over the video as a job the server then describes.
 */
@BrowserTest
class ProcessFormE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera();
  private static Path files;
  private static String video;

  @BeforeAll
  static void addVideo() {
    files = TempDirs.create("livelens-e2e-process-");
    video = TestVideos.add(fixture.server(), TestVideos.make(files, "clip.mp4", 3), "Clip").id();
    fixture.server().server.library().orElseThrow().videos().changeVisibility(video, "public").await();
  }

  @AfterAll
  static void removeFiles() {
    TempDirs.delete(files);
  }

  @Test
  void aChainBuiltWithItsParametersRunsOverTheVideo() {
    openForm();
    fixture.browser.js("""
        const select = document.getElementById('process-filter');
        select.value = 'gray'; select.dispatchEvent(new Event('change'));
        document.getElementById('process-chain-add').click();
        select.value = 'edges'; select.dispatchEvent(new Event('change'));
        const low = document.getElementById('param-low');
        low.value = '80'; low.dispatchEvent(new Event('input'));
        document.getElementById('process-chain-add').click();
        """);
    assertEquals("gray,edges", fixture.browser.js(
        "return [...document.querySelectorAll('#process-chain .chain-name')].map(n => n.textContent).join();"));
    fixture.browser.driver.findElement(By.id("process-submit")).click();
    fixture.browser.await("the message of the run", PATIENCE,
        () -> fixture.browser.js("return document.getElementById('watch-message').textContent;"),
        text -> String.valueOf(text).contains("gray → edges"));
    JsonObject input = readyJobInput("chain");
    JsonArray stages = input.getJsonObject("params").getJsonArray("stages");
    assertEquals("gray", stages.getJsonObject(0).getString("name"));
    assertEquals("edges", stages.getJsonObject(1).getString("name"));
    assertEquals(80, stages.getJsonObject(1).getJsonObject("params").getInteger("low"), input.encode());
  }

  @Test
  void aPictureChosenForReplaceBackgroundGoesWithTheJob() throws Exception {
    Path picture = files.resolve("beach.png");
    Mat blue = new Mat(120, 160, CvType.CV_8UC3, new Scalar(200, 40, 20));
    MatOfByte png = new MatOfByte();
    Imgcodecs.imencode(".png", blue, png);
    Files.write(picture, png.toArray());
    openForm();
    fixture.browser.js("""
        const select = document.getElementById('process-filter');
        select.value = 'replace-background'; select.dispatchEvent(new Event('change'));
        """);
    fixture.browser.driver.findElement(By.id("process-picture")).sendKeys(picture.toString());
    fixture.browser.driver.findElement(By.id("process-submit")).click();
    JsonObject input = readyJobInput("replace-background");
    assertEquals(true, input.getValue("picture"), input.encode());
  }

  private void openForm() {
    fixture.browser.open(fixture.url("/watch/" + video));
    fixture.browser.await("the filter form with its filters", PATIENCE, () -> fixture.browser.js(
        "return !document.getElementById('process-form').hidden"
            + " && document.getElementById('process-filter').options.length;"),
        count -> count instanceof Long n && n > 3);
  }

  /** The input of the job made from the video with this filter, once its video is ready. */
  private JsonObject readyJobInput(String filter) {
    return fixture.browser.await("a ready " + filter + " video made from this one", PATIENCE, () -> {
      JsonArray children = new JsonObject(fixture.browser.fetch("GET", "/api/videos?parent=" + video))
          .getJsonArray("videos");
      for (Object child : children) {
        JsonObject made = (JsonObject) child;
        if ("ready".equals(made.getString("status"))) {
          JsonObject input = new JsonObject(fixture.browser.fetch("GET", "/api/jobs/" + made.getString("id")))
              .getJsonObject("input");
          if (input != null && filter.equals(input.getString("filter"))) {
            return input;
          }
        }
      }
      return null;
    }, input -> input != null);
  }
}
