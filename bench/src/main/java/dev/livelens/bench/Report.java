package dev.livelens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown report of a matrix: setting, ceiling, every run, and the targets of issue 5. */
final class Report {

  /** Answered frames a second across all streams at saturation, per filter (issue 5). */
  static final Map<String, Double> THROUGHPUT_TARGETS = Map.of("gray", 200.0, "edges", 170.0, "faces", 60.0);
  /** Saturated throughput of a Django Channels server doing the same job here (issue 5). */
  static final Map<String, Double> DJANGO_CHANNELS = Map.of("gray", 49.0, "edges", 43.0, "faces", 8.0);
  static final double CEILING_SHARE_TARGET = 0.90;

  private final StringBuilder out = new StringBuilder();

  void line(String text) {
    out.append(text).append('\n');
  }

  void setting(List<String> lines) {
    line("# LiveLens benchmark");
    line("");
    lines.forEach(l -> line("- " + l));
    line("");
  }

  void runs(String title, List<RunResult> runs) {
    line("## " + title);
    line("");
    line("| run | filter | streams × fps | sent | answered | dropped (server) | errors | skipped (client) "
        + "| timed out | fps total | fps/stream min | RTT p50 ms | p95 | p99 | max "
        + "| server queue / decode / filter / encode p50 ms | server total p50 / p99 ms | worker use | server CPU | bench CPU | other CPU "
        + "| server RSS MiB |");
    line("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|--:|--:|--:|--:|--:|");
    for (RunResult r : runs) {
      RunSpec s = r.spec;
      line(String.format(Locale.ROOT, "| %s | %s | %d × %.0f | %d | %d | %d | %d | %d | %d | %.1f | %.1f "
              + "| %.1f | %.1f | %.1f | %.1f | %.1f / %.1f / %.1f / %.1f | %.1f / %.1f | %.0f%% | %.2f | %.2f | %.2f "
              + "| %.0f |",
          s.label(), s.filter(), s.streams(), s.fps(), r.sent, r.answered, r.serverDropped, r.errors, r.skipped,
          r.timedOut, r.fpsTotal, r.fpsPerStreamMin, r.rttP50, r.rttP95, r.rttP99, r.rttMax,
          r.stageP50.get("queue"), r.stageP50.get("decode"), r.stageP50.get("filter"), r.stageP50.get("encode"),
          r.stageP50.get("total"), r.serverTotalP99, 100 * r.workerUtilisation, r.serverCpuCores, r.benchCpuCores, r.otherCpuCores, r.serverRssEndMiB));
    }
    line("");
    line("CPU in cores (1.00 = one core busy for the whole window); \"other\" is the rest of the machine "
        + "(other processes on a shared machine). Stage times are the server's own p50 over its last 10-20 s.");
    for (RunResult r : runs) {
      List<String> notes = new ArrayList<>();
      if (!r.droppedByReason.isEmpty()) {
        notes.add("server drops by reason " + r.droppedByReason);
      }
      if (r.lateReplies > 0) {
        notes.add(r.lateReplies + " replies came after their frame was given up");
      }
      if (r.lastError != null) {
        notes.add("last error: " + r.lastError);
      }
      if ("faces".equals(r.spec.filter()) && r.answered > 0) {
        notes.add(String.format(Locale.ROOT, "faces reported on %.1f%% of answered frames",
            100.0 * r.framesWithFaces / r.answered));
      }
      if (!notes.isEmpty()) {
        line("- " + r.spec.label() + ": " + String.join("; ", notes));
      }
    }
    line("");
  }

  /** One measurement of the ceiling per filter (the {@code ceiling} command). */
  void ceiling(List<Ceiling.Result> ceilings, Map<String, RunResult> saturated) {
    ceiling(null, null, ceilings, saturated);
  }

  /**
   * @param before the ceilings measured before the runs, or null when there was one measurement
   * @param after the ceilings measured after the runs, or null
   * @param ceilings the ceilings the server is compared with (the mean of before and after)
   */
  void ceiling(List<Ceiling.Result> before, List<Ceiling.Result> after, List<Ceiling.Result> ceilings,
      Map<String, RunResult> saturated) {
    boolean twice = before != null;
    line("## Ceiling: OpenCV alone, decode + filter + encode, one thread per core");
    line("");
    if (twice) {
      line("Measured before and after the runs; the table holds their mean (per-frame times and CPU too).");
      line("");
    }
    line("| filter | ceiling fps" + (twice ? " (before / after)" : "")
        + " | threads | codec | decode / filter / encode ms | CPU ms a frame | server saturated fps "
        + "| server / ceiling | server frames per CPU-second / ceiling's |");
    line("|---|--:|--:|---|---|--:|--:|--:|--:|");
    for (int i = 0; i < ceilings.size(); i++) {
      Ceiling.Result c = ceilings.get(i);
      RunResult server = saturated.get(c.filter());
      double fps = server == null ? Double.NaN : server.fpsTotal;
      double perCpuSecond = server == null ? Double.NaN : server.fpsTotal / server.serverCpuCores;
      String fpsCell = twice
          ? String.format(Locale.ROOT, "%.1f (%.1f / %.1f)", c.fps(), before.get(i).fps(), after.get(i).fps())
          : String.format(Locale.ROOT, "%.1f", c.fps());
      line(String.format(Locale.ROOT, "| %s | %s | %d | %s | %.2f / %.2f / %.2f | %.2f | %.1f | %.0f%% "
              + "| %.0f / %.0f = %.0f%% |",
          c.filter(), fpsCell, c.threads(), c.codec(), c.decodeMs(),
          c.filterMs(), c.encodeMs(), c.cpuMsPerFrame(), fps, 100 * fps / c.fps(), perCpuSecond,
          c.framesPerCpuSecond(), 100 * perCpuSecond / c.framesPerCpuSecond()));
    }
    line("");
    line("The last column divides out the machine's other load: frames answered per CPU-second of the whole "
        + "server process (event loops, event bus, GC included) against frames per CPU-second of the bare loop.");
    line("");
  }

  void soak(RunResult soak) {
    line("## Soak");
    line("");
    line(String.format(Locale.ROOT, "%s: %d streams of %s for %.0f s. Server RSS %.0f MiB at %.0f s, %.0f MiB at the "
            + "end (%+.1f%%). Heap after a forced GC: %.0f MiB at %.0f s, %.0f MiB at the end.",
        soak.spec.label(), soak.spec.streams(), soak.spec.filter(), soak.windowSeconds, soak.rssAtCheckMiB,
        soak.spec.memoryCheckSeconds(), soak.serverRssEndMiB, 100 * (soak.serverRssEndMiB / soak.rssAtCheckMiB - 1),
        soak.heapAfterGcAtCheckMiB, soak.spec.memoryCheckSeconds(), soak.heapAfterGcEndMiB));
    line("");
  }

  void targets(List<String[]> rows) {
    line("## Targets (issue 5)");
    line("");
    line("| target | measured | holds |");
    line("|---|---|---|");
    rows.forEach(row -> line("| " + row[0] + " | " + row[1] + " | " + row[2] + " |"));
    line("");
  }

  static String[] target(String what, String measured, boolean holds) {
    return new String[] {what, measured, holds ? "yes" : "**no**"};
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
