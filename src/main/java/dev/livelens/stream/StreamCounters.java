package dev.livelens.stream;

import dev.livelens.bus.FrameResult;
import dev.livelens.filter.FilterChain;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.metrics.PipelineMetrics.DropReason;
import dev.livelens.metrics.PipelineMetrics.Stage;
import io.vertx.core.json.JsonObject;

/**
 * What happened to one connection's frames, counted once: every count feeds both the connection's
 * {@code stats} message and the server's meters, so the two cannot disagree.
 * received = processed + dropped + errors + frames held, at every moment.
 */
final class StreamCounters {

  private final PipelineMetrics metrics;
  /** Told of every change: the connection's next stats message has something to say. */
  private final Runnable changed;
  private final LatencyWindow serverTimes = new LatencyWindow(256);
  // Short, about two seconds at 30 fps: a page adapting to it must see the queue go as soon as it goes.
  private final LatencyWindow queueTimes = new LatencyWindow(64);
  private long received;
  private long processed;
  private long dropped;
  private long errors;
  /** Frames processed, by the name of the worker node that processed them (a cluster spreads them). */
  private final JsonObject byNode = new JsonObject();

  StreamCounters(PipelineMetrics metrics, Runnable changed) {
    this.metrics = metrics;
    this.changed = changed;
  }

  void received(String filter) {
    received++;
    metrics.received(filter);
    changed.run();
  }

  void dropped(String filter, DropReason reason) {
    dropped++;
    metrics.dropped(filter, reason);
    changed.run();
  }

  /** A frame answered with an error message instead of an image. */
  void failed(String filter) {
    errors++;
    metrics.dropped(filter, DropReason.ERROR);
    changed.run();
  }

  /**
   * A frame answered with its image.
   *
   * @param params the filter's parameters: a chain's name its stages, each timed on its own meter
   * @param arrived when the frame arrived (nanoTime)
   * @param sent when it went to the workers
   * @param answered when the worker's reply arrived
   * @param written when the image was written to the socket
   */
  void processed(String filter, JsonObject params, FrameResult result, long arrived, long sent, long answered, long written) {
    processed++;
    byNode.put(result.node(), byNode.getLong(result.node(), 0L) + 1);
    changed.run();
    serverTimes.add(written - arrived);
    metrics.processed(filter);
    long queued = Math.max(0, (answered - sent) - result.workerNanos()) + (sent - arrived);
    queueTimes.add(queued);
    metrics.stage(filter, Stage.QUEUE, queued);
    metrics.stage(filter, Stage.DECODE, result.decodeNanos());
    metrics.stage(filter, Stage.FILTER, result.filterNanos());
    metrics.stage(filter, Stage.ENCODE, result.encodeNanos());
    metrics.stage(filter, Stage.REPLY, written - answered);
    metrics.stage(filter, Stage.TOTAL, written - arrived);
    if (FilterChain.NAME.equals(filter)) {
      FilterChain.stageTimes(params, result.report(), metrics::chainStage);
    }
  }

  long processed() {
    return processed;
  }

  JsonObject toJson(String filter, int held) {
    return new JsonObject()
        .put("received", received)
        .put("processed", processed)
        .put("dropped", dropped)
        .put("errors", errors)
        .put("inFlight", held)
        .put("filter", filter)
        .put("serverP50Ms", serverTimes.percentileMillis(0.50))
        .put("serverP95Ms", serverTimes.percentileMillis(0.95))
        .put("queueP50Ms", queueTimes.percentileMillis(0.50))
        .put("queueP95Ms", queueTimes.percentileMillis(0.95))
        .put("nodes", byNode.copy());
  }
}
