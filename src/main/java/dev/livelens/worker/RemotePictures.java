package dev.livelens.worker;

import dev.livelens.bus.Addresses;
import dev.livelens.bus.FrameMessage;
import dev.livelens.bus.FramePictures;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The background pictures that frames from other JVMs name only by key ({@link FramePictures}), for one
 * worker: each is asked for once, from the stream that has it, and the last few are kept. A stream that
 * cannot answer (it closed, or changed its picture since) leaves the frame without one: its filter then
 * shows its colour.
 */
final class RemotePictures {

  private static final int KEPT = 8;

  private final EventBus bus;
  private final DeliveryOptions options;
  private final Map<String, Buffer> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Buffer> eldest) {
      return size() > KEPT;
    }
  };

  RemotePictures(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /**
   * The frame with the picture {@code key} it names ({@link FramePictures#missing}) put back: at once when it
   * is kept, else once asked.
   */
  Future<FrameMessage> complete(FrameMessage frame, String key) {
    Buffer picture = kept.get(key);
    if (picture != null) {
      return Future.succeededFuture(frame.withParams(FramePictures.withPicture(frame.params(), key, picture)));
    }
    return bus.<Buffer>request(Addresses.streamPicture(frame.stream()), key, options).map(Message::body)
        .map(asked -> {
          kept.put(key, asked);
          return frame.withParams(FramePictures.withPicture(frame.params(), key, asked));
        }).otherwise(frame);
  }
}
