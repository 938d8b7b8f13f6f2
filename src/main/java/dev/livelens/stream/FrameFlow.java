package dev.livelens.stream;

import dev.livelens.bus.Addresses;
import dev.livelens.bus.FrameMessage;
import dev.livelens.filter.FilterState;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.metrics.PipelineMetrics.DropReason;
import dev.livelens.stream.FrameSlots.Pending;
import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames of one stream, from arrival to answer: checked, held in the connection's slots, sent to
 * a worker with their filter's state, written back to the client and published on the stream's address
 * for whoever listens (the publisher never waits; local listeners get the same message, not a copy).
 * Every frame gets exactly one of: an image, an error, a counted drop.
 */
final class FrameFlow {

  private static final Logger LOG = LoggerFactory.getLogger(FrameFlow.class);

  private final String streamId;
  private final String address;
  private final ClientChannel client;
  private final ClientErrors errors;
  private final FrameCheck check;
  private final FrameSlots slots;
  private final WorkerDispatch workers;
  private final StreamCounters counters;
  private final PipelineMetrics metrics;
  private final EventBus eventBus;
  private final DeliveryOptions publishOptions = FrameMessage.options();

  /** @param changed told whenever the counts change, so the next stats message carries them */
  FrameFlow(String streamId, ClientChannel client, ClientErrors errors, StreamServices services, Runnable changed) {
    this.streamId = streamId;
    this.address = Addresses.processed(streamId);
    this.client = client;
    this.errors = errors;
    this.check = new FrameCheck(services.config().maxFrameBytes(), services.config().maxImageSide());
    this.slots = new FrameSlots(services.config().maxInFlight(), services.pendingBytes());
    this.eventBus = services.vertx().eventBus();
    this.workers = new WorkerDispatch(eventBus, services.lostFrames(), services.config().frameTimeoutMs(),
        services.config().maxWaitMs());
    this.metrics = services.metrics();
    this.counters = new StreamCounters(metrics, changed);
  }

  /** A frame from the client, for the filter selected now. */
  void accept(long frameId, Buffer jpeg, boolean json, long capturedAtMs, SelectedFilter filter) {
    counters.received(filter.name());
    if (!check.withinSize(jpeg)) {
      failed(frameId, filter.name(), ErrorCode.TOO_LARGE, check.sizeProblem(jpeg));
      return;
    }
    String problem = check.imageProblem(jpeg);
    if (problem != null) {
      failed(frameId, filter.name(), ErrorCode.BAD_FRAME, problem);
      return;
    }
    errors.good();
    FrameMessage frame = FrameMessage.frame(streamId, frameId, filter.name(), filter.sentParams(),
        System.currentTimeMillis(), capturedAtMs, jpeg);
    Pending now = slots.offer(new Pending(frame, json, System.nanoTime(), filter.state()), this::dropped);
    if (now != null) {
      dispatch(now);
    }
  }

  /** A message that was a frame but cannot be used: counted as received, answered with an error. */
  void refuse(long frameId, String filterName, ErrorCode code, String message) {
    counters.received(filterName);
    failed(frameId, filterName, code, message);
  }

  /** The filter's state is taken as the frame goes to a worker, not when it arrived. */
  private void dispatch(Pending frame) {
    metrics.frameDispatched();
    long sentAt = System.nanoTime();
    FilterState state = frame.filterState();
    workers.send(frame.frame(), state.next(frame.frame().params()))
        .onComplete(result -> answered(frame, sentAt, result));
  }

  private void answered(Pending frame, long sentAt, AsyncResult<FrameMessage> result) {
    metrics.frameReturned();
    Pending next = slots.finished(frame);
    String filterName = frame.frame().filter();
    if (client.isClosed()) {
      counters.dropped(filterName, DropReason.CLOSED); // nobody to answer; the stream's end is published
      return;
    }
    if (result.succeeded()) {
      FrameMessage processed = result.result();
      frame.filterState().learn(processed.state(), processed.result().report());
      eventBus.publish(address, processed, publishOptions);
      deliver(frame, processed, sentAt);
    } else {
      WorkerDispatch.Failure failure = workers.describe(result.cause());
      if (failure.late()) {
        dropped(frame, DropReason.LATE);
      } else {
        failed(frame.frame().frameId(), filterName, failure.code(), failure.message());
      }
    }
    if (next != null) {
      dispatch(next);
    }
  }

  private void deliver(Pending frame, FrameMessage processed, long sentAt) {
    long answered = System.nanoTime();
    long frameId = processed.frameId();
    if (!client.image(frameId, frame.json(), processed.jpeg())) {
      dropped(frame, DropReason.SOCKET_FULL);
      return;
    }
    JsonObject report = processed.result().report();
    if (report.containsKey("type")) { // a report without a type holds only what the filter keeps for itself
      client.text(WireFormat.report(frameId, report));
    }
    counters.processed(processed.filter(), processed.params(), processed.result(), frame.arrivedNanos(), sentAt,
        answered, System.nanoTime());
  }

  /** A frame answered with an error: counted once, as an error if the client can be told, else a drop. */
  private void failed(long frameId, String filterName, ErrorCode code, String message) {
    if (client.cannotWrite()) {
      counters.dropped(filterName, client.isClosed() ? DropReason.CLOSED : DropReason.SOCKET_FULL);
      return;
    }
    LOG.debug("stream {} frame {}: {} ({})", streamId, frameId, code.wireName(), message);
    counters.failed(filterName);
    errors.reject(code, message, frameId);
  }

  private void dropped(Pending frame, DropReason reason) {
    counters.dropped(frame.frame().filter(), reason);
  }

  /** The counts for the client's stats message and the log. */
  JsonObject counts(String filterName) {
    return counters.toJson(filterName, slots.held());
  }

  /** The connection closed: the waiting frame is dropped and the stream's end published. */
  void close() {
    Pending left = slots.clear();
    if (left != null) {
      dropped(left, DropReason.CLOSED);
    }
    eventBus.publish(address, FrameMessage.end(streamId), publishOptions);
  }
}
