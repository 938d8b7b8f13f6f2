package dev.livelens.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of the whole process, read from /proc: OpenCV's native Mats show up only here,
 * never in the JVM heap figures.
 */
public final class ProcessMemoryMetrics implements MeterBinder {

  private static final Path STATUS = Path.of("/proc/self/status");

  @Override
  public void bindTo(MeterRegistry registry) {
    if (Files.isReadable(STATUS)) {
      Gauge.builder("process.memory.rss", ProcessMemoryMetrics::residentBytes)
          .description("Resident set size of the process, including native memory")
          .baseUnit("bytes").register(registry);
    }
  }

  /** VmRSS in bytes, or NaN if /proc cannot be read. */
  public static double residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
