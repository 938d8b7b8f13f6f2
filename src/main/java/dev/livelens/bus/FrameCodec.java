package dev.livelens.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

/**
 * The event-bus codec for frame bytes, both ways. On the wire it is the same as Vert.x's own
 * Buffer codec (a length, then the bytes), so frames can still cross to another JVM. Delivered
 * locally, the Buffer is handed over as it is instead of copied: nobody changes a frame's bytes
 * after sending them, and the copy cost as much as a tenth of a gray frame's total work.
 */
public final class FrameCodec implements MessageCodec<Buffer, Buffer> {

  public static final String NAME = "livelens-frame";

  /** Registers the codec on this event bus unless it is there already (a second server in the same Vert.x). */
  public static void registerOn(EventBus eventBus) {
    try {
      eventBus.registerCodec(new FrameCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // same codec, same name: nothing to do
    }
  }

  @Override
  public void encodeToWire(Buffer wire, Buffer frame) {
    wire.appendInt(frame.length()).appendBuffer(frame);
  }

  @Override
  public Buffer decodeFromWire(int pos, Buffer wire) {
    int length = wire.getInt(pos);
    int start = pos + Integer.BYTES;
    return wire.getBuffer(start, start + length);
  }

  @Override
  public Buffer transform(Buffer frame) {
    return frame;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
