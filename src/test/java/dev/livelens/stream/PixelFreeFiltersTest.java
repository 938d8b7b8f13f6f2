package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.StreamClient.Incoming;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/**
 * The filters that answer from the JPEG itself, seen from an independent client: `gray` replies are grey
 * pictures of the frame's size, `none` replies are the very bytes sent; each still one image per frame.
 */
class PixelFreeFiltersTest {

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
  void grayRepliesAreGreyPicturesOfTheInputsSize() {
    byte[][] inputs = {TestImages.faceFrame(), TestImages.astronautJpeg(320, 240), TestImages.noFaceFrame()};
    try (StreamClient client = server.connect("/ws/stream?filter=gray").skipGreeting()) {
      for (int i = 0; i < inputs.length; i++) {
        client.sendFrame(40 + i, inputs[i]);
        Incoming reply = client.next("image");
        assertEquals(40 + i, reply.id());
        Mat sent = TestImages.decode(inputs[i]);
        Mat grey = TestImages.decode(reply.jpeg());
        try {
          assertEquals(sent.size(), grey.size(), "frame " + i);
          assertEquals(0, TestImages.maxChannelSpread(grey), "a grey picture has equal channels: frame " + i);
          assertTrue(TestImages.maxChannelSpread(sent) > 40, "the input was colourful: frame " + i);
        } finally {
          sent.release();
          grey.release();
        }
      }
    }
  }

  @Test
  void noneRepliesAreTheBytesSent() {
    byte[] frame = TestImages.faceFrame();
    try (StreamClient client = server.connect().skipGreeting()) {
      for (long id = 1; id <= 5; id++) {
        client.sendFrame(id, frame);
        Incoming reply = client.next("image");
        assertEquals(id, reply.id());
        assertArrayEquals(frame, reply.jpeg());
      }
      client.sendJsonFrame(6, frame, true);
      JsonObject json = client.next("frame").json();
      assertEquals(6, json.getLong("id"));
      assertEquals("data:image/jpeg;base64," + java.util.Base64.getEncoder().encodeToString(frame),
          json.getString("data"));
    }
  }

  @Test
  void noneReencodesWhenAsked() {
    byte[] frame = TestImages.faceFrame();
    try (StreamClient client = server.connect().skipGreeting()) {
      client.selectFilter("none", new JsonObject().put("reencode", true));
      assertEquals(new JsonObject().put("reencode", true), client.next("filter").json().getJsonObject("params"));
      client.sendFrame(7, frame);
      Incoming reply = client.next("image");
      assertFalse(Arrays.equals(frame, reply.jpeg()), "a new JPEG, made from the pixels");
      Mat decoded = TestImages.decode(reply.jpeg());
      assertEquals(640, decoded.cols());
      decoded.release();
    }
  }

  @Test
  void corruptFramesAreStillRefusedByBothShortcuts() {
    byte[] manyScans = dev.livelens.testing.BadFrames.manyScans(256);
    try (StreamClient client = server.connect().skipGreeting()) {
      client.sendFrame(8, manyScans);
      client.expectError("bad_frame", 8L);
      client.selectFilter("gray", new JsonObject());
      client.next("filter");
      client.sendFrame(9, manyScans);
      client.expectError("bad_frame", 9L);
      client.sendFrame(10, TestImages.faceFrame());
      assertEquals(10, client.next("image").id());
    }
  }
}
