package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * replace-background with a picture the stream uploads (real photos): shown behind the person, who stays as
 * they were; a damaged, oversized or foreign picture refused with a clear error while the stream goes on.
 */
class BackgroundPictureTest {

  /** Background beside the astronaut's shoulder, and her face. */
  private static final Rect BACKGROUND = new Rect(470, 20, 150, 130);
  private static final Rect FACE = new Rect(235, 100, 90, 100);
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anUploadedPngIsShownBehindThePersonAndThePersonKept() {
    try (StreamClient client = server.connect()) {
      client.skipGreeting();
      byte[] coffee = TestImages.resource("coffee.png");
      upload(client, "data:image/png;base64," + Base64.getEncoder().encodeToString(coffee));
      JsonObject kept = client.next("background").json();
      assertTrue(kept.getJsonObject("image").getInteger("width") > 0, kept.encode());
      client.selectFilter("replace-background", new JsonObject());
      client.next("filter");
      client.sendFrame(1, TestImages.faceFrame());
      Mat out = TestImages.decode(client.next("image").jpeg());
      Mat picture = TestImages.decode(coffee);
      Mat expected = TestImages.covering(picture, out.size());
      picture.release();
      Mat original = TestImages.decode(TestImages.faceFrame());
      try {
        assertTrue(meanDifference(out, expected, BACKGROUND) < 20, "the picture behind the person: "
            + meanDifference(out, expected, BACKGROUND));
        assertTrue(meanDifference(out, original, FACE) < 8, "the face as it was: " + meanDifference(out, original, FACE));
      } finally {
        out.release();
        expected.release();
        original.release();
      }
      // Turned off, the colour comes back (default green).
      client.selectFilter("replace-background", new JsonObject().put("image", false));
      client.next("filter");
      client.sendFrame(2, TestImages.faceFrame());
      Mat colour = TestImages.decode(client.next("image").jpeg());
      double[] bgr = Core.mean(colour.submat(BACKGROUND)).val;
      colour.release();
      assertTrue(Math.abs(bgr[1] - 160) < 20 && Math.abs(bgr[0] - 80) < 20, Arrays.toString(bgr));
    }
  }

  @Test
  void aDamagedPictureIsRefusedAndTheStreamGoesOn() {
    try (StreamClient client = server.connect()) {
      client.skipGreeting();
      upload(client, Base64.getEncoder().encodeToString(TestImages.resource("truncated.jpg")));
      assertTrue(client.expectError("bad_background", null).getString("message").contains("choose another"));
      byte[] png = TestImages.resource("chelsea.png");
      upload(client, Base64.getEncoder().encodeToString(Arrays.copyOf(png, png.length / 2)));
      assertTrue(client.expectError("bad_background", null).getString("message").contains("PNG"));
      upload(client, Base64.getEncoder().encodeToString("GIF89a not a picture we take".getBytes()));
      assertTrue(client.expectError("bad_background", null).getString("message").contains("JPEG or PNG"));
      client.selectFilter("replace-background", new JsonObject());
      client.next("filter");
      client.sendFrame(3, TestImages.faceFrame());
      assertEquals(3, client.next("image").id(), "frames still answered, with the colour");
    }
  }

  @Test
  void aPictureOverTheSizeLimitsIsRefusedBeforeItIsDecoded() {
    try (StreamClient client = server.connect()) {
      client.skipGreeting();
      byte[] huge = Arrays.copyOf(TestImages.resource("chelsea.png"), 64);
      writeInt(huge, 16, 50_000);
      writeInt(huge, 20, 50_000); // 2.5 gigapixels claimed by the header
      upload(client, Base64.getEncoder().encodeToString(huge));
      assertTrue(client.expectError("bad_background", null).getString("message").contains("over the limit"));
      upload(client, "A".repeat(6 * 1024 * 1024));
      assertEquals("too_large", client.expectError("too_large", null).getString("code"));
      client.sendText(new JsonObject().put("type", "background").putNull("data").encode());
      assertNull(client.next("background").json().getValue("image"), "no picture kept");
    }
  }

  private static void upload(StreamClient client, String data) {
    client.sendText(new JsonObject().put("type", "background").put("data", data).encode());
  }

  private static void writeInt(byte[] bytes, int at, int value) {
    for (int i = 0; i < 4; i++) {
      bytes[at + i] = (byte) (value >>> (24 - 8 * i));
    }
  }

  private static double meanDifference(Mat a, Mat b, Rect region) {
    Mat diff = new Mat();
    Core.absdiff(a.submat(region), b.submat(region), diff);
    double[] mean = Core.mean(diff).val;
    diff.release();
    return (mean[0] + mean[1] + mean[2]) / 3;
  }
}
