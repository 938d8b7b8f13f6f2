package dev.livelens.stream;

import io.vertx.core.json.JsonObject;

/** What one connection has seen, for its stats message. */
final class SessionCounters {

  long received;
  long processed;
  long dropped;
  long errors;
  final LatencyWindow serverTimes = new LatencyWindow(256);

  /** received = processed + dropped + errors + inFlight: every frame is accounted for. */
  String toStats(String filter, int inFlight) {
    return new JsonObject().put("type", "stats")
        .put("received", received)
        .put("processed", processed)
        .put("dropped", dropped)
        .put("errors", errors)
        .put("inFlight", inFlight)
        .put("filter", filter)
        .put("serverP50Ms", serverTimes.percentileMillis(0.50))
        .put("serverP95Ms", serverTimes.percentileMillis(0.95))
        .encode();
  }
}
