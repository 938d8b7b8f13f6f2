package dev.livelens.stream;

import dev.livelens.web.User;
import dev.livelens.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * Says, on {@link Addresses#streamOwner(String)}, which signed-in user opened a stream, so a room can
 * check that the camera a member names is really theirs (across nodes: it is asked over the bus).
 * A stream opened without an account answers nothing, and so cannot be shown in a room.
 */
final class StreamOwner {

  private final MessageConsumer<Object> consumer;

  private StreamOwner(MessageConsumer<Object> consumer) {
    this.consumer = consumer;
  }

  static StreamOwner answer(Vertx vertx, String streamId, User owner) {
    return new StreamOwner(vertx.eventBus().consumer(Addresses.streamOwner(streamId),
        message -> message.reply(owner.id())));
  }

  void close() {
    consumer.unregister();
  }
}
