package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.StreamClient.Incoming;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/** Frames in, processed frames out, over a real socket, in both modes of protocol version 1. */
class StreamRoundTripTest {

  private static TestServer server;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void helloAnnouncesProtocolFiltersAndLimit() {
    try (StreamClient client = server.connect()) {
      JsonObject hello = client.next().json();
      assertEquals("hello", hello.getString("type"));
      assertEquals(1, hello.getInteger("protocol"));
      assertEquals(new JsonArray().add("none").add("gray").add("edges").add("faces").add("pixelate-faces")
          .add("blur-faces").add("blur-background").add("replace-background"), hello.getJsonArray("filters"));
      assertEquals(4 * 1024 * 1024, hello.getInteger("maxFrameBytes"));
      JsonObject filter = client.next().json();
      assertEquals("filter", filter.getString("type"));
      assertEquals("none", filter.getString("filter"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gray", "edges", "faces"})
  void binaryFrameComesBackProcessedWithItsIdAndSize(String filter) {
    try (StreamClient client = server.connect("/ws/stream?filter=" + filter)) {
      client.next("filter");
      long id = 0xFFFF_FFF0L; // above 2^31: ids are unsigned
      client.sendFrame(id, TestImages.faceFrame());
      Incoming reply = client.next("image");
      assertEquals(id, reply.id());
      Mat image = TestImages.decode(reply.jpeg());
      assertEquals(640, image.cols());
      assertEquals(480, image.rows());
      image.release();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void base64FrameIsAnsweredInTheSameShape(boolean withDataPrefix) {
    try (StreamClient client = server.connect("/ws/stream?filter=edges")) {
      client.skipGreeting();
      client.sendJsonFrame(17, TestImages.faceFrame(), withDataPrefix);
      JsonObject reply = client.next("frame").json();
      assertEquals(17, reply.getLong("id"));
      String data = reply.getString("data");
      assertTrue(data.startsWith("data:image/jpeg;base64,"), data.substring(0, 30));
      Mat image = TestImages.decode(Base64.getDecoder().decode(data.substring(data.indexOf(',') + 1)));
      assertEquals(640, image.cols());
      image.release();
    }
  }

  @Test
  void grayFramesHaveEqualChannels() {
    Mat image = roundTrip("gray", new JsonObject(), TestImages.faceFrame());
    assertTrue(TestImages.maxChannelSpread(image) <= 1, "channels differ by " + TestImages.maxChannelSpread(image));
    image.release();
  }

  @Test
  void edgesFindTheBordersOfADrawnRectangleAndNothingOnAFlatImage() {
    Mat edges = roundTrip("edges", new JsonObject(), TestImages.rectangleFrame());
    // Border pixels of the rectangle (x 200..440, y 150..330) light up; its inside and outside stay dark.
    assertTrue(maxAround(edges, 320, 150) > 128, "top border");
    assertTrue(maxAround(edges, 200, 240) > 128, "left border");
    assertTrue(maxAround(edges, 440, 240) > 128, "right border");
    assertTrue(maxAround(edges, 320, 240) < 64, "inside");
    assertTrue(maxAround(edges, 60, 60) < 64, "outside");
    edges.release();
    Mat flat = roundTrip("edges", new JsonObject(), TestImages.flatFrame());
    assertTrue(Core.minMaxLoc(channel(flat)).maxVal < 64, "no edges on a flat image");
    flat.release();
  }

  @Test
  void facesFindsTheFaceInARealPhotoAndNoneInAPhotoWithout() {
    try (StreamClient client = server.connect("/ws/stream?filter=faces")) {
      client.skipGreeting();
      client.sendFrame(1, TestImages.faceFrame());
      assertEquals(1, client.next("image").id());
      JsonObject faces = client.next("faces").json();
      assertEquals(1, faces.getLong("id"));
      JsonArray boxes = faces.getJsonArray("faces");
      assertEquals(1, boxes.size(), boxes.encode());
      // The astronaut's face: around x 220-330, y 60-190 in the 640x480 frame.
      JsonObject box = boxes.getJsonObject(0);
      int centreX = box.getInteger("x") + box.getInteger("w") / 2;
      int centreY = box.getInteger("y") + box.getInteger("h") / 2;
      assertTrue(centreX > 200 && centreX < 360 && centreY > 50 && centreY < 220, box.encode());

      client.sendFrame(2, TestImages.noFaceFrame());
      assertEquals(2, client.next("image").id());
      assertEquals(0, client.next("faces").json().getJsonArray("faces").size());
    }
  }

  /**
   * Detecting every second frame, the boxes carried in between are those of the newest detection:
   * a client that keeps two frames in flight, or whose waiting frames get replaced, sees the face on
   * every reply, never an empty list between two detections.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void carriedFacesStayOnEveryReplyHoweverTheClientSends(int framesPerReply) {
    try (StreamClient client = server.connect("/ws/stream?filter=faces").skipGreeting()) {
      byte[] face = TestImages.faceFrame();
      long id = 0;
      client.sendFrame(id++, face);
      client.sendFrame(id++, face);
      int empty = 0;
      for (int round = 0; round < 16; round++) {
        client.next("image");
        if (client.next("faces").json().getJsonArray("faces").isEmpty()) {
          empty++;
        }
        for (int i = 0; i < framesPerReply; i++) {
          client.sendFrame(id++, face);
        }
      }
      assertEquals(0, empty, "replies without the face, of 16");
    }
  }

  @Test
  void switchingFilterChangesTheOutputAndEchoesAppliedParams() {
    try (StreamClient client = server.connect()) {
      client.skipGreeting();
      client.sendFrame(1, TestImages.faceFrame());
      byte[] plain = client.next("image").jpeg();

      client.selectFilter("edges", new JsonObject().put("low", 10));
      JsonObject applied = client.next("filter").json();
      assertEquals("edges", applied.getString("filter"));
      assertEquals(new JsonObject().put("low", 10).put("high", 150), applied.getJsonObject("params"));
      client.sendFrame(2, TestImages.faceFrame());
      byte[] edges = client.next("image").jpeg();
      assertFalse(java.util.Arrays.equals(plain, edges));

      Mat plainImage = TestImages.decode(plain);
      Mat edgesImage = TestImages.decode(edges);
      assertTrue(TestImages.maxChannelSpread(plainImage) > 40, "the plain frame is in colour");
      assertTrue(TestImages.maxChannelSpread(edgesImage) <= 1, "the edges frame is black and white");
      plainImage.release();
      edgesImage.release();
    }
  }

  @Test
  void edgeThresholdsChangeTheOutput() {
    Mat sensitive = roundTrip("edges", new JsonObject().put("low", 10).put("high", 30), TestImages.faceFrame());
    Mat strict = roundTrip("edges", new JsonObject().put("low", 200).put("high", 400), TestImages.faceFrame());
    assertTrue(Core.countNonZero(threshold(sensitive)) > 2 * Core.countNonZero(threshold(strict)));
    sensitive.release();
    strict.release();
  }

  @Test
  void replyIsIdenticalInBinaryAndBase64Modes() {
    try (StreamClient client = server.connect("/ws/stream?filter=gray")) {
      client.skipGreeting();
      client.sendFrame(5, TestImages.faceFrame());
      byte[] binary = client.next("image").jpeg();
      client.sendJsonFrame(6, TestImages.faceFrame(), true);
      String data = client.next("frame").json().getString("data");
      assertArrayEquals(binary, Base64.getDecoder().decode(data.substring(data.indexOf(',') + 1)));
    }
  }

  private static Mat roundTrip(String filter, JsonObject params, byte[] jpeg) {
    try (StreamClient client = server.connect()) {
      client.skipGreeting();
      client.selectFilter(filter, params);
      client.next("filter");
      client.sendFrame(9, jpeg);
      return TestImages.decode(client.next("image").jpeg());
    }
  }

  private static double maxAround(Mat image, int x, int y) {
    Mat patch = channel(image).submat(new Rect(x - 4, y - 4, 9, 9));
    return Core.minMaxLoc(patch).maxVal;
  }

  private static Mat channel(Mat bgr) {
    Mat first = new Mat();
    Core.extractChannel(bgr, first, 0);
    return first;
  }

  private static Mat threshold(Mat bgr) {
    Mat binary = new Mat();
    org.opencv.imgproc.Imgproc.threshold(channel(bgr), binary, 128, 255, org.opencv.imgproc.Imgproc.THRESH_BINARY);
    return binary;
  }
}
