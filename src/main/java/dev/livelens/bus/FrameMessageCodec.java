package dev.livelens.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * The event-bus codec of {@link FrameMessage}. On the wire: the length of a JSON header, the header,
 * the length of the JPEG, the JPEG; so frames cross to a worker in another JVM as they are (but for a
 * background picture in the parameters, which crosses once: {@link FramePictures}). Delivered
 * locally the message itself is handed over, not copied: it is immutable, and a copy of its bytes cost
 * as much as a tenth of a gray frame's work. Every node registers it at start-up (user codecs travel
 * by name).
 */
public final class FrameMessageCodec implements MessageCodec<FrameMessage, FrameMessage> {

  public static final String NAME = "livelens-frame-message";

  /** Registers the codec on this event bus unless it is there already (a second server in the same Vert.x). */
  public static void registerOn(EventBus eventBus) {
    try {
      eventBus.registerCodec(new FrameMessageCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // same codec, same name: nothing to do
    }
  }

  @Override
  public void encodeToWire(Buffer wire, FrameMessage message) {
    JsonObject json = message.header();
    json.put("params", FramePictures.forWire(message.params()));
    Buffer header = json.toBuffer();
    wire.appendInt(header.length()).appendBuffer(header)
        .appendInt(message.jpeg().length()).appendBuffer(message.jpeg());
  }

  @Override
  public FrameMessage decodeFromWire(int pos, Buffer wire) {
    int headerLength = wire.getInt(pos);
    int headerStart = pos + Integer.BYTES;
    JsonObject header = new JsonObject(wire.getBuffer(headerStart, headerStart + headerLength));
    int jpegLengthAt = headerStart + headerLength;
    int jpegStart = jpegLengthAt + Integer.BYTES;
    // A view, not a copy: the bus hands each decoded message a wire buffer of its own that nobody reuses.
    Buffer jpeg = wire.slice(jpegStart, jpegStart + wire.getInt(jpegLengthAt));
    return FrameMessage.fromHeader(header, jpeg);
  }

  @Override
  public FrameMessage transform(FrameMessage message) {
    return message;
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
