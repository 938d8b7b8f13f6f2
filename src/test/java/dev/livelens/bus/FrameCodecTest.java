package dev.livelens.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.livelens.testing.TestImages;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

  private final FrameCodec codec = new FrameCodec();
  private final Buffer frame = Buffer.buffer(TestImages.faceFrame());

  @Test
  void framesCrossTheWireUnchangedAfterOtherFields() {
    Buffer wire = Buffer.buffer().appendString("headers");
    codec.encodeToWire(wire, frame);

    assertEquals(frame, codec.decodeFromWire("headers".length(), wire));
  }

  @Test
  void localDeliveryHandsTheSameBytesOverWithoutACopy() {
    assertSame(frame, codec.transform(frame));
  }
}
