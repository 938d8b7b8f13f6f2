package dev.livelens.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.livelens.testing.TestImages;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class FrameMessageCodecTest {

  private final FrameMessageCodec codec = new FrameMessageCodec();
  private final Buffer jpeg = Buffer.buffer(TestImages.faceFrame());
  private final FrameMessage request = FrameMessage.frame("s1", 4_000_000_000L, "faces",
      new JsonObject().put("detectEvery", 2), 1_700_000_000_123L, 1_700_000_000_100L, jpeg)
      .toWorker(new JsonObject().put("detect", false).put("boxes", new JsonArray().add(1)), 1_700_000_000_273L);

  @Test
  void aFrameCrossesTheWireWithEveryFieldAfterOtherBytes() {
    Buffer wire = Buffer.buffer().appendString("before");
    codec.encodeToWire(wire, request);

    FrameMessage decoded = codec.decodeFromWire("before".length(), wire);

    assertEquals(request, decoded);
    assertNull(decoded.result());
  }

  @Test
  void aProcessedFrameCrossesTheWireWithItsResult() {
    FrameResult result = new FrameResult(640, 480, new JsonObject().put("type", "faces")
        .put("faces", new JsonArray()), 1, 2, 3);
    FrameMessage processed = request.processed(result, Buffer.buffer(TestImages.flatFrame()));
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, processed);

    FrameMessage decoded = codec.decodeFromWire(0, wire);

    assertEquals(processed, decoded);
    assertEquals(FrameMessage.Kind.PROCESSED, decoded.kind());
    assertEquals(6, decoded.result().workerNanos());
  }

  @Test
  void anEndCrossesTheWire() {
    FrameMessage end = FrameMessage.end("s1");
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, end);

    assertEquals(end, codec.decodeFromWire(0, wire));
  }

  @Test
  void localDeliveryHandsTheSameMessageOverWithoutACopy() {
    assertSame(request, codec.transform(request));
  }

  @Test
  void failureCodesKeepTheirNumbers() {
    // Nodes of different versions read each other's codes: these numbers must never change.
    assertEquals(299, FrameFailure.LATE.code());
    assertEquals(400, FrameFailure.BAD_FRAME.code());
    assertEquals(403, FrameFailure.UNKNOWN_FILTER.code());
    assertEquals(406, FrameFailure.INTERNAL.code());
  }
}
