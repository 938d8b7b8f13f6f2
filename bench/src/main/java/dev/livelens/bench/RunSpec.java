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
 */
record RunSpec(String label, String filter, JsonObject params, int streams, double fps, int inFlight,
    double warmupSeconds, double seconds, double memoryCheckSeconds) {

  static RunSpec of(String label, String filter, int streams, double fps, int inFlight, double warmupSeconds,
      double seconds) {
    return new RunSpec(label, filter, new JsonObject(), streams, fps, inFlight, warmupSeconds, seconds, 0);
  }

  RunSpec withMemoryCheck(double atSeconds) {
    return new RunSpec(label, filter, params, streams, fps, inFlight, warmupSeconds, seconds, atSeconds);
  }

  RunSpec withParams(JsonObject newParams) {
    return new RunSpec(label, filter, newParams, streams, fps, inFlight, warmupSeconds, seconds,
        memoryCheckSeconds);
  }

  double offeredFps() {
    return streams * fps;
  }
}
