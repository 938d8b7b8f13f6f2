package dev.livelens.library.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * A background picture sent with a processing job, from outside: multipart requests over a real socket,
 * the made video's frames decoded by Debian's ffmpeg, bad pictures refused before anything is made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessPictureTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String BOUNDARY = "livelens-test-boundary";
  private static final String REPLACE = "{\"filter\":\"replace-background\",\"params\":{}}";
  private TestServer server;
  private ApiClient api;
  private Path files;
  private Path data;
  private String video;

  @BeforeAll
  void start() {
    files = TempDirs.create("livelens-process-picture-");
    data = files.resolve("data");
    server = TestServer.start("--workers", "2", "--data-dir", data.toString());
    api = new ApiClient(server.port());
    video = TestVideos.add(server, TestVideos.make(files, "clip.mp4", 2), "Test pattern").id();
  }

  @AfterAll
  void stop() {
    server.close();
    TempDirs.delete(files);
  }

  /**
   * The test pattern has no person in it, so replace-background shows its background everywhere: the
   * picture's blue with the picture, the filter's own green without it.
   */
  @Test
  void theVideoShowsThePictureSentWithTheJob() throws Exception {
    byte[] blue = png(new Scalar(200, 40, 20));
    HttpResponse<String> accepted = process(REPLACE, blue, "image/png");
    assertEquals(202, accepted.statusCode(), accepted.body());
    JsonObject done = api.awaitVideo(new JsonObject(accepted.body()).getString("id"), PATIENCE);
    assertEquals("ready", done.getString("status"), done.encode());
    assertEquals(true, api.json("/api/jobs/" + done.getString("id")).getJsonObject("input").getValue("picture"));
    double[] withPicture = meanColour(done.getString("id"));
    assertTrue(withPicture[0] > 150 && withPicture[1] < 90 && withPicture[2] < 70,
        "the frame is not the picture's blue: " + describe(withPicture));

    HttpResponse<String> plain = api.send("POST", "/api/videos/" + video + "/process", REPLACE);
    assertEquals(202, plain.statusCode(), plain.body());
    JsonObject colour = api.awaitVideo(new JsonObject(plain.body()).getString("id"), PATIENCE);
    double[] withoutPicture = meanColour(colour.getString("id"));
    assertTrue(withoutPicture[1] > 120 && withoutPicture[0] < 110 && withoutPicture[2] < 60,
        "the frame is not replace-background's own green: " + describe(withoutPicture));
  }

  @Test
  void aBadPictureIsRefusedAndNothingIsMade() throws Exception {
    int before = videos();
    byte[] damaged = png(new Scalar(0, 0, 255));
    damaged[20] ^= 0x55; // in the header's IHDR chunk: its checksum no longer matches
    HttpResponse<String> corrupt = process(REPLACE, damaged, "image/png");
    assertEquals(422, corrupt.statusCode(), corrupt.body());
    assertEquals("bad_picture", new JsonObject(corrupt.body()).getString("error"));

    HttpResponse<String> text = process(REPLACE, "not a picture".getBytes(StandardCharsets.UTF_8), "text/plain");
    assertEquals(422, text.statusCode(), text.body());
    assertTrue(new JsonObject(text.body()).getString("message").contains("JPEG or PNG"), text.body());

    HttpResponse<String> unused = process("{\"filter\":\"edges\"}", png(new Scalar(0, 0, 255)), "image/png");
    assertEquals(422, unused.statusCode(), unused.body());
    assertEquals("picture_unused", new JsonObject(unused.body()).getString("error"));

    byte[] huge = new byte[5 * 1024 * 1024];
    HttpResponse<String> tooLarge = process(REPLACE, huge, "image/jpeg");
    assertEquals(413, tooLarge.statusCode(), tooLarge.body());
    assertEquals(before, videos(), "no video was made for a refused request");
    assertEquals(200, api.get("/api/videos/" + video).statusCode(), "the server carries on");
    try (var left = Files.walk(data.resolve("tmp").resolve("job-pictures"))) {
      assertFalse(left.anyMatch(Files::isRegularFile), "the uploads are deleted when their request ends");
    }
  }

  /** Multipart is a form another site's page could send with the visitor's cookie: its Origin refuses it. */
  @Test
  void aFormFromAnotherSitesPageIsRefused() throws Exception {
    int before = videos();
    HttpResponse<String> forged = process(REPLACE, png(new Scalar(0, 0, 255)), "image/png",
        "Origin", "https://elsewhere.example");
    assertEquals(403, forged.statusCode(), forged.body());
    assertEquals(before, videos());
  }

  private HttpResponse<String> process(String job, byte[] picture, String type, String... headers)
      throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"job\"\r\n\r\n" + job + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"picture\"; filename=\"p\"\r\n"
        + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(picture);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = "Content-Type";
    all[headers.length + 1] = "multipart/form-data; boundary=" + BOUNDARY;
    return api.send("POST", "/api/videos/" + video + "/process", body.toByteArray(), all);
  }

  private int videos() throws Exception {
    return api.json("/api/videos").getJsonArray("videos").size();
  }

  private static byte[] png(Scalar bgr) {
    Mat picture = new Mat(240, 320, CvType.CV_8UC3, bgr);
    MatOfByte png = new MatOfByte();
    Imgcodecs.imencode(".png", picture, png);
    picture.release();
    return png.toArray();
  }

  /** The mean BGR colour of the made video's frame at 1 s, decoded by Debian's ffmpeg. */
  private double[] meanColour(String id) throws Exception {
    Path frame = files.resolve(id + ".png");
    Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-ss", "1", "-i",
        data.resolve("media").resolve(id).resolve("video.mp4").toString(), "-frames:v", "1",
        frame.toString()).redirectErrorStream(true).start();
    String log = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(ffmpeg.waitFor(60, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0, log);
    Mat decoded = TestImages.decode(Files.readAllBytes(frame));
    double[] mean = Core.mean(decoded).val;
    decoded.release();
    return mean;
  }

  private static String describe(double[] bgr) {
    return String.format("BGR %.0f/%.0f/%.0f", bgr[0], bgr[1], bgr[2]);
  }
}
