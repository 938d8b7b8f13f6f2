package dev.livelens.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one load run measured; filled in by {@link LoadRun}. */
final class RunResult {

  RunSpec spec;
  double windowSeconds;
  // Client side, over the measured window.
  long sent;
  long answered;
  long skipped;
  long errors;
  long timedOut;
  long lateReplies;
  long framesWithFaces;
  String lastError;
  double fpsTotal;
  double fpsPerStreamMin;
  double fpsPerStreamMedian;
  double rttP50;
  double rttP95;
  double rttP99;
  double rttMax;
  // The server's own view: its stats messages (per connection, summed) and its /metrics counters.
  long serverDropped;
  long serverErrors;
  final Map<String, Double> droppedByReason = new LinkedHashMap<>();
  /** Median stage times in ms from livelens_stage_seconds at the end of the window: queue, decode, ... */
  final Map<String, Double> stageP50 = new LinkedHashMap<>();
  double serverTotalP99;
  double workerUtilisation;
  // Processes.
  double serverCpuCores;
  double benchCpuCores;
  double otherCpuCores;
  double serverRssStartMiB;
  double serverRssEndMiB;
  double rssAtCheckMiB = Double.NaN;
  double heapAfterGcAtCheckMiB = Double.NaN;
  double heapAfterGcEndMiB = Double.NaN;
  double loadAverage;

  boolean everyFrameAnswered() {
    return sent > 0 && answered == sent && skipped == 0 && errors == 0 && serverDropped == 0 && timedOut == 0;
  }
}
