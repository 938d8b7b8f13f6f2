package dev.livelens.bench;

import io.vertx.core.json.JsonObject;

/**
 * One load run: {@code streams} connections with {@code filter}, each a camera at {@code fps} that keeps at
 * most {@code inFlight} frames unanswered; measured for {@code seconds} after {@code warmupSeconds}.
 *
 * @param label the row's name in the report
 * @param params filter parameters to send, or empty for the server's defaults
 * @param memoryCheckSeconds when positive (soak), resident memory and heap after GC are also taken at this
 *     time into the window, to compare with the end
 * @param record whether every stream asks the server to record it (from connecting, warm-up included)
 */
record RunSpec(String label, String filter, JsonObject params, int streams, double fps, int inFlight,
    double warmupSeconds, double seconds, double memoryCheckSeconds, boolean record) {

  static RunSpec of(String label, String filter, int streams, double fps, int inFlight, double warmupSeconds,
      double seconds) {
    return new RunSpec(label, filter, new JsonObject(), streams, fps, inFlight, warmupSeconds, seconds, 0, false);
  }

  RunSpec withMemoryCheck(double atSeconds) {
    return new RunSpec(label, filter, params, streams, fps, inFlight, warmupSeconds, seconds, atSeconds, record);
  }

  RunSpec withParams(JsonObject newParams) {
    return new RunSpec(label, filter, newParams, streams, fps, inFlight, warmupSeconds, seconds,
        memoryCheckSeconds, record);
  }

  RunSpec withRecording(boolean on) {
    return new RunSpec(label + (on ? " recorded" : ""), filter, params, streams, fps, inFlight, warmupSeconds,
        seconds, memoryCheckSeconds, on);
  }

  double offeredFps() {
    return streams * fps;
  }
}
