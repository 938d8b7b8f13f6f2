package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.BadFrames;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/**
 * Every error of protocol version 1 over a real socket: the client gets the documented code (with the
 * frame id when it is about a frame), and the connection keeps working afterwards.
 */
class StreamErrorsTest {

  private static TestServer server;
  private StreamClient client;

  @BeforeAll
  static void startServer() {
    server = TestServer.start("--max-frame-bytes", String.valueOf(200 * 1024));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void connect() {
    client = server.connect().skipGreeting();
  }

  @AfterEach
  void stillWorksThenDisconnect() {
    client.sendFrame(999, TestImages.faceFrame());
    assertEquals(999, client.next("image").id(), "the connection keeps working after the error");
    client.close();
  }

  @Test
  void nonJpegBytesAreABadFrame() {
    client.sendFrame(1, BadFrames.notAnImage());
    client.expectError("bad_frame", 1L);
  }

  @Test
  void truncatedJpegIsABadFrame() {
    client.sendFrame(2, BadFrames.truncated(TestImages.faceFrame()));
    client.expectError("bad_frame", 2L);
  }

  @Test
  void realTruncatedFileIsABadFrame() {
    client.sendFrame(3, TestImages.resource("truncated.jpg"));
    client.expectError("bad_frame", 3L);
  }

  @Test
  void messageShorterThanTheIdIsABadFrameWithoutId() {
    client.sendRaw(Buffer.buffer(new byte[] {1, 2, 3}));
    client.expectError("bad_frame", null);
  }

  @Test
  void imageOverThePixelLimitIsRefusedFromItsHeader() {
    client.sendFrame(4, BadFrames.claimingSize(TestImages.faceFrame(), 5000, 5000));
    JsonObject error = client.expectError("bad_frame", 4L);
    assertTrue(error.getString("message").contains("5000x5000"), error.encode());
  }

  @Test
  void progressiveJpegOfHundredsOfScansIsRefusedBeforeDecoding() {
    long start = System.nanoTime();
    client.sendFrame(5, BadFrames.manyScans(2048));
    JsonObject error = client.expectError("bad_frame", 5L);
    assertTrue(error.getString("message").contains("scans"), error.encode());
    assertTrue(System.nanoTime() - start < 1_000_000_000L, "refused without a second of decoding");
  }

  @Test
  void frameHeaderHiddenFromTheSizeCheckIsABadFrame() {
    client.sendFrame(6, BadFrames.withHiddenFrameHeader(TestImages.faceFrame(), 8000, 6000));
    JsonObject error = client.expectError("bad_frame", 6L);
    assertTrue(error.getString("message").contains("invalid marker"), error.encode());
  }

  @Test
  void frameOverTheByteLimitIsTooLarge() {
    client.sendFrame(5, new byte[250 * 1024]);
    client.expectError("too_large", 5L);
  }

  @Test
  void base64FrameOverTheByteLimitIsTooLarge() {
    client.sendJsonFrame(6, new byte[202 * 1024], true);
    client.expectError("too_large", 6L);
  }

  @Test
  void fragmentedMessageOverTheSocketLimitIsTooLargeWithoutId() {
    // Each fragment is under the frame limit; together they pass the message limit, so the server
    // stops collecting them without ever holding the whole message.
    client.sendFragments(new byte[120 * 1024], 3);
    client.expectError("too_large", null);
  }

  @Test
  void base64FrameWithInvalidDataIsABadFrame() {
    client.sendText(new JsonObject().put("type", "frame").put("id", 8).put("data", "***not base64***").encode());
    client.expectError("bad_frame", 8L);
  }

  @Test
  void base64FrameOfNonJpegIsABadFrame() {
    String data = Base64.getEncoder().encodeToString(BadFrames.notAnImage());
    client.sendText(new JsonObject().put("type", "frame").put("id", 9).put("data", data).encode());
    client.expectError("bad_frame", 9L);
  }

  @Test
  void malformedJsonIsABadMessage() {
    client.sendText("{\"type\": \"filter\", ");
    client.expectError("bad_message", null);
  }

  @Test
  void jsonThatIsNotAnObjectIsABadMessage() {
    client.sendText("[1, 2, 3]");
    client.expectError("bad_message", null);
  }

  @Test
  void unknownTypeIsABadMessage() {
    client.sendText("{\"type\":\"dance\"}");
    client.expectError("bad_message", null);
  }

  @Test
  void frameWithoutAUsableIdIsABadMessage() {
    client.sendText("{\"type\":\"frame\",\"id\":-1,\"data\":\"\"}");
    client.expectError("bad_message", null);
  }

  @Test
  void unknownFilterIsRefusedAndTheOldOneStays() {
    client.selectFilter("sepia", new JsonObject());
    client.expectError("unknown_filter", null);
    client.sendFrame(10, TestImages.faceFrame());
    Mat reply = TestImages.decode(client.next("image").jpeg());
    assertTrue(TestImages.maxChannelSpread(reply) > 40, "still the colour filter 'none'");
    reply.release();
  }

  @Test
  void paramsOutOfRangeAreBadParams() {
    client.selectFilter("edges", new JsonObject().put("low", 5000));
    JsonObject error = client.expectError("bad_params", null);
    assertTrue(error.getString("message").contains("low"), error.encode());
  }

  @Test
  void paramsOfTheWrongTypeAreBadParams() {
    client.selectFilter("edges", new JsonObject().put("low", "fifty"));
    client.expectError("bad_params", null);
  }

  @Test
  void fractionalValueForAnIntegerParamIsBadParams() {
    client.selectFilter("edges", new JsonObject().put("high", 10.5));
    client.expectError("bad_params", null);
  }

  @Test
  void unknownParamIsBadParams() {
    client.selectFilter("edges", new JsonObject().put("colour", 3));
    client.expectError("bad_params", null);
  }

  @Test
  void paramsThatAreNotAnObjectAreBadParams() {
    client.sendText("{\"type\":\"filter\",\"filter\":\"edges\",\"params\":[1]}");
    client.expectError("bad_params", null);
  }

  @Test
  void fiftyCorruptFramesInARowLeaveThisAndAnotherConnectionWorking() {
    try (StreamClient other = server.connect().skipGreeting()) {
      for (int id = 0; id < 50; id++) {
        client.sendFrame(id, BadFrames.truncated(TestImages.faceFrame()));
      }
      for (int id = 0; id < 50; id++) {
        client.expectError("bad_frame", (long) id);
      }
      other.sendFrame(77, TestImages.faceFrame());
      assertEquals(77, other.next("image").id());
      assertFalse(client.isClosed());
    }
  }
}
