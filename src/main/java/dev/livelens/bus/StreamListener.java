package dev.livelens.bus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Function;

/**
 * Listens to one stream's processed frames with a newest-wins slot of its own: while the listener
 * works on a frame, a newer one replaces the one waiting (a counted drop). The stream publishes and
 * never waits, so a slow listener (a recorder, a room member's socket) only ever loses its own frames.
 * Runs on the context that creates it; the handler's slow work belongs elsewhere (a worker pool, a
 * socket's write future) and its future says when the next frame may come.
 */
public final class StreamListener {

  private final Context context;
  private final Function<FrameMessage, Future<?>> onFrame;
  private final Runnable onEnd;
  private final MessageConsumer<FrameMessage> consumer;
  private FrameMessage waiting;
  private boolean busy;
  private boolean ended;
  private long received;
  private long dropped;

  private StreamListener(Vertx vertx, String streamId, Function<FrameMessage, Future<?>> onFrame, Runnable onEnd) {
    this.context = vertx.getOrCreateContext();
    this.onFrame = onFrame;
    this.onEnd = onEnd;
    this.consumer = vertx.eventBus().consumer(Addresses.processed(streamId), this::receive);
  }

  /**
   * Starts listening; frames published before {@link #ready()} completes are not seen.
   *
   * @param onFrame called with one frame at a time; the next waits until its future completes
   * @param onEnd called once after the last frame when the stream ends
   */
  public static StreamListener listen(Vertx vertx, String streamId, Function<FrameMessage, Future<?>> onFrame,
      Runnable onEnd) {
    return new StreamListener(vertx, streamId, onFrame, onEnd);
  }

  /** Completes when the listener is registered (in a cluster: known to every node). */
  public Future<Void> ready() {
    return consumer.completion();
  }

  /** Frames published while this listener was subscribed. */
  public long received() {
    return received;
  }

  /** Frames this listener skipped because a newer one came while it was busy. */
  public long dropped() {
    return dropped;
  }

  public Future<Void> close() {
    return consumer.unregister();
  }

  private void receive(Message<FrameMessage> message) {
    FrameMessage frame = message.body();
    if (frame.kind() == FrameMessage.Kind.END) {
      ended = true;
      if (!busy) {
        finish();
      }
      return;
    }
    received++;
    if (busy) {
      if (waiting != null) {
        dropped++;
      }
      waiting = frame;
    } else {
      handle(frame);
    }
  }

  private void handle(FrameMessage frame) {
    busy = true;
    Future<?> done;
    try {
      done = onFrame.apply(frame);
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    done.onComplete(result -> context.runOnContext(v -> next()));
  }

  private void next() {
    busy = false;
    FrameMessage frame = waiting;
    waiting = null;
    if (frame != null) {
      handle(frame);
    } else if (ended) {
      finish();
    }
  }

  private void finish() {
    consumer.unregister();
    onEnd.run();
  }
}
