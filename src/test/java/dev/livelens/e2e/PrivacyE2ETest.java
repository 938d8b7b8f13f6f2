package dev.livelens.e2e;

import static dev.livelens.e2e.Browser.number;
import static dev.livelens.e2e.LiveLensPage.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestImages;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The privacy filters on the camera page: a background picture chosen from a file (a damaged one refused
 * with the server's reason, a real photo shown behind the person), and a recording of a chain that hides
 * the face, decoded frame by frame from the file the server keeps.
 */
@BrowserTest
class PrivacyE2ETest {

  private static final Path DATA_DIR = TempDirs.create("livelens-privacy-e2e-");
  private static final Duration PACKAGING = Duration.ofSeconds(60);
  /** The middle of the fake camera's face (about x=221..341, y=82..202 at 640x480). */
  private static final Rect FACE = new Rect(245, 110, 70, 70);
  /** Mean RGB of a region of a video given as fractions of its size. */
  private static final String MEAN_RGB = LiveLensPage.DRAW_VIDEO + """
      const [fx, fy, fw, fh] = arguments[1];
      const d = ctx.getImageData(Math.round(fx * canvas.width), Math.round(fy * canvas.height),
          Math.round(fw * canvas.width), Math.round(fh * canvas.height)).data;
      const sum = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4) { sum[0] += d[i]; sum[1] += d[i + 1]; sum[2] += d[i + 2]; }
      const n = d.length / 4;
      return {r: sum[0] / n, g: sum[1] / n, b: sum[2] / n};
      """;
  /** Beside the astronaut's shoulder, as fractions of the frame. */
  private static final List<Double> BESIDE = List.of(0.75, 0.05, 0.2, 0.25);

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera().withServerFlags("--data-dir", DATA_DIR.toString());

  @AfterAll
  static void deleteData() {
    TempDirs.delete(DATA_DIR);
  }

  @Test
  void aDamagedPictureIsRefusedWithTheReasonAndARealPhotoIsShownBehindThePerson() {
    Browser browser = fixture.browser;
    LiveLensPage page = fixture.page().load();
    page.selectFilter("replace-background");
    page.element("background-file").sendKeys(resource("truncated.jpg"));
    page.startStreaming(5);
    browser.await("the damaged picture refused", PATIENCE, () -> page.element("background-state"),
        e -> "refused".equals(e.getAttribute("data-state")));
    assertTrue(page.element("background-state").getText().contains("choose another"),
        page.element("background-state").getText());
    assertEquals("streaming", page.status(), "a refused picture never stops the stream");

    page.element("background-file").sendKeys(resource("coffee.png"));
    browser.await("the photo kept", PATIENCE, () -> page.element("background-state"),
        e -> "kept".equals(e.getAttribute("data-state")));
    Mat coffee = TestImages.decode(TestImages.resource("coffee.png"));
    double[] expected = meanRgb(TestImages.covering(coffee, new Size(640, 480)), BESIDE);
    coffee.release();
    @SuppressWarnings("unchecked")
    Map<String, Object> shown = browser.await("the photo behind the person", PATIENCE,
        () -> (Map<String, Object>) browser.js(MEAN_RGB, "processed", BESIDE),
        m -> Math.abs(number(m, "r") - expected[0]) < 25 && Math.abs(number(m, "g") - expected[1]) < 25
            && Math.abs(number(m, "b") - expected[2]) < 25);
    assertTrue(number(shown, "g") < 140 || number(shown, "r") > 40, "not the default green: " + shown);
  }

  @Test
  void aRecordingOfAChainThatHidesTheFaceHidesItInTheRecordedFile() throws Exception {
    LiveLensPage page = fixture.page().load();
    page.pinCapture("15", "640", "0.8");
    page.selectFilter("blur-background");
    page.element("chain-add").click();
    page.selectFilter("pixelate-faces");
    page.element("chain-add").click();
    page.startStreaming(5);
    page.element("record").click();
    fixture.browser.await("three seconds recorded", PATIENCE, this::recording,
        r -> String.valueOf(r.get("text")).matches("Recording 0:0[3-9].*"));
    page.element("record").click();
    Map<String, Object> saved = fixture.browser.await("the recording saved", PACKAGING, this::recording,
        r -> "saved".equals(r.get("state")));
    String video = String.valueOf(saved.get("link")).substring("/watch/".length());
    RecordingE2ETest.awaitReady(fixture.browser, video);

    List<Mat> frames = decodedFrames(recordedFile(video));
    Mat camera = TestImages.decode(TestImages.faceFrame());
    double original = TestImages.sharpness(camera, FACE);
    camera.release();
    assertTrue(frames.size() >= 4, "frames decoded from the recording: " + frames.size());
    for (int i = 0; i < frames.size(); i++) {
      Mat frame = frames.get(i);
      double face = TestImages.sharpness(frame, FACE);
      frame.release();
      assertTrue(face < 0.1 * original, "frame " + i + " of the recording shows the face: its detail " + face
          + " against the camera's " + original);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> recording() {
    return (Map<String, Object>) fixture.page().state().get("recording");
  }

  /** The largest MP4 the server keeps for the video: the recording itself. */
  private static Path recordedFile(String video) throws Exception {
    try (Stream<Path> files = Files.walk(DATA_DIR.resolve("media").resolve(video))) {
      return files.filter(f -> f.toString().endsWith(".mp4"))
          .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
    }
  }

  /** Every fifth frame of the file, decoded by Debian's ffmpeg, scaled to the camera's 640x480. */
  private static List<Mat> decodedFrames(Path file) throws Exception {
    Path dir = Files.createTempDirectory(DATA_DIR, "frames-");
    Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", file.toString(), "-vf",
        "select=not(mod(n\\,5)),scale=640:480", "-vsync", "vfr", dir.resolve("f-%03d.png").toString())
        .redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "log")).start();
    assertTrue(ffmpeg.waitFor(60, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0, Files.readString(dir.resolve("log")));
    try (Stream<Path> pngs = Files.list(dir)) {
      return pngs.filter(p -> p.toString().endsWith(".png")).sorted()
          .map(p -> Imgcodecs.imread(p.toString())).toList();
    }
  }

  private static String resource(String name) {
    return Path.of("src/test/resources/images", name).toAbsolutePath().toString();
  }

  /** Mean R, G, B of a region given as fractions of the image. */
  private static double[] meanRgb(Mat bgr, List<Double> region) {
    Rect r = new Rect((int) Math.round(region.get(0) * bgr.cols()), (int) Math.round(region.get(1) * bgr.rows()),
        (int) Math.round(region.get(2) * bgr.cols()), (int) Math.round(region.get(3) * bgr.rows()));
    double[] mean = org.opencv.core.Core.mean(bgr.submat(r)).val;
    bgr.release();
    return new double[] {mean[2], mean[1], mean[0]};
  }
}
