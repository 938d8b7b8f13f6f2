package dev.livelens.bench;

import java.util.Arrays;

/** Every round-trip time of a run, in nanoseconds; filled from one event loop, read after the run. */
final class Latencies {

  private long[] values = new long[4096];
  private int count;

  void add(long nanos) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = nanos;
  }

  int count() {
    return count;
  }

  /** Nearest-rank percentiles in milliseconds, for q in (0, 1]; NaN when there are none. */
  double[] percentilesMillis(double... qs) {
    double[] result = new double[qs.length];
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    for (int i = 0; i < qs.length; i++) {
      if (count == 0) {
        result[i] = Double.NaN;
      } else {
        int rank = (int) Math.ceil(qs[i] * count);
        result[i] = sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
      }
    }
    return result;
  }
}
