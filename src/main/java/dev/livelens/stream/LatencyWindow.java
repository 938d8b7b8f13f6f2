package dev.livelens.stream;

import java.util.Arrays;

/** The last few hundred server times of one connection, for the percentiles in its stats message. */
final class LatencyWindow {

  private final long[] nanos;
  private int count;
  private int next;

  LatencyWindow(int size) {
    nanos = new long[size];
  }

  void add(long value) {
    nanos[next] = value;
    next = (next + 1) % nanos.length;
    count = Math.min(count + 1, nanos.length);
  }

  /** The q-quantile (0..1) in milliseconds, or 0 when nothing was recorded yet. */
  double percentileMillis(double q) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int index = (int) Math.min(count - 1, Math.ceil(q * count) - 1);
    return Math.round(sorted[Math.max(0, index)] / 10_000.0) / 100.0;
  }
}
