package dev.livelens.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The standard matrix of issue 5: the ceiling per filter (before and after the runs, their mean
 * reported); 1, 4, 8 and 16 streams at 30 fps for gray, edges and faces (plus more streams where 16
 * do not saturate the server); an overload run at three times the measured capacity; a soak at
 * saturation with faces.
 */
final class Matrix {

  /** How long each part runs, in seconds. */
  record Durations(double warmup, double run, double overload, double soak, double soakCheck, double ceiling) {
    static final Durations STANDARD = new Durations(5, 30, 60, 300, 60, 10);
    static final Durations QUICK = new Durations(2, 8, 12, 40, 10, 3);
  }

  static final List<String> FILTERS = List.of("gray", "edges", "faces");
  static final List<Integer> STREAMS = List.of(1, 4, 8, 16);
  static final double FPS = 30;
  static final int IN_FLIGHT = 2;
  /** A run answering this share of what was offered did not saturate the server. */
  private static final double UNSATURATED = 0.95;
  private static final int MAX_STREAMS = 60;

  private final LoadRun load;
  private final Ceiling ceiling;
  private final Durations durations;
  private final String overloadFilter;
  private final PrintStream progress;

  Matrix(LoadRun load, Ceiling ceiling, Durations durations, String overloadFilter, PrintStream progress) {
    this.load = load;
    this.ceiling = ceiling;
    this.durations = durations;
    this.overloadFilter = overloadFilter;
    this.progress = progress;
  }

  void run(Report report, List<String> setting) throws Exception {
    List<Ceiling.Result> ceilingsBefore = measureCeilings("before the runs");

    List<RunResult> runs = new ArrayList<>();
    Map<String, RunResult> saturated = new LinkedHashMap<>();
    for (Ceiling.Result c : ceilingsBefore) {
      String filter = c.filter();
      RunResult last = null;
      for (int streams : STREAMS) {
        last = measure(RunSpec.of(filter + " ×" + streams, filter, streams, FPS, IN_FLIGHT,
            durations.warmup(), durations.run()), runs);
      }
      if (last.fpsTotal >= UNSATURATED * last.spec.offeredFps()) {
        int streams = Math.min(MAX_STREAMS, (int) Math.ceil(1.5 * c.fps() / FPS));
        measure(RunSpec.of(filter + " ×" + streams + " (saturate)", filter, streams, FPS, IN_FLIGHT,
            durations.warmup(), durations.run()), runs);
      }
      saturated.put(filter, runs.stream().filter(r -> r.spec.filter().equals(filter))
          .max((a, b) -> Double.compare(a.fpsTotal, b.fpsTotal)).orElseThrow());
    }

    RunResult capacity = saturated.get(overloadFilter);
    int overloadStreams = Math.min(MAX_STREAMS, (int) Math.ceil(3 * capacity.fpsTotal / FPS));
    RunResult overload = measure(RunSpec.of("overload 3× " + overloadFilter + " ×" + overloadStreams,
        overloadFilter, overloadStreams, FPS, IN_FLIGHT, durations.warmup(), durations.overload()), runs);

    // Just enough streams to keep the workers busy: saturation, not overload.
    int soakStreams = (int) Math.ceil(1.1 * saturated.get("faces").fpsTotal / FPS);
    RunResult soak = measure(RunSpec.of("soak faces ×" + soakStreams, "faces", soakStreams, FPS, IN_FLIGHT,
        durations.warmup(), durations.soak()).withMemoryCheck(durations.soakCheck()), runs);

    List<Ceiling.Result> ceilingsAfter = measureCeilings("after the runs");
    List<Ceiling.Result> ceilings = new ArrayList<>();
    for (int i = 0; i < ceilingsBefore.size(); i++) {
      ceilings.add(Ceiling.Result.mean(ceilingsBefore.get(i), ceilingsAfter.get(i)));
    }

    report.setting(setting);
    report.ceiling(ceilingsBefore, ceilingsAfter, ceilings, saturated);
    report.runs("Runs", runs);
    report.soak(soak);
    report.targets(targets(ceilings, saturated, runs, overload, soak));
  }

  private List<Ceiling.Result> measureCeilings(String when) throws InterruptedException {
    int threads = Runtime.getRuntime().availableProcessors();
    List<Ceiling.Result> ceilings = new ArrayList<>();
    for (String filter : FILTERS) {
      Ceiling.Result c = ceiling.measure(filter, threads, durations.ceiling());
      progress.printf(Locale.ROOT, "ceiling %s %s: %.1f fps%n", filter, when, c.fps());
      ceilings.add(c);
    }
    return ceilings;
  }

  private RunResult measure(RunSpec spec, List<RunResult> runs) throws Exception {
    RunResult r = load.run(spec);
    runs.add(r);
    progress.printf(Locale.ROOT, "%-28s sent %6d answered %6d dropped %5d errors %d skipped %6d  %6.1f fps  "
            + "RTT p50 %6.1f p99 %6.1f ms  server CPU %.2f, other %.2f%n", spec.label(), r.sent, r.answered,
        r.serverDropped, r.errors, r.skipped, r.fpsTotal, r.rttP50, r.rttP99, r.serverCpuCores, r.otherCpuCores);
    return r;
  }

  private List<String[]> targets(List<Ceiling.Result> ceilings, Map<String, RunResult> saturated,
      List<RunResult> runs, RunResult overload, RunResult soak) {
    List<String[]> rows = new ArrayList<>();
    for (Ceiling.Result c : ceilings) {
      RunResult s = saturated.get(c.filter());
      double goal = Report.THROUGHPUT_TARGETS.get(c.filter());
      double django = Report.DJANGO_CHANNELS.get(c.filter());
      rows.add(Report.target(c.filter() + " at saturation ≥ " + (int) goal + " fps (4× Django Channels' "
              + (int) django + ")", String.format(Locale.ROOT, "%.1f fps (%s), %.1f× Django Channels", s.fpsTotal,
              s.spec.label(), s.fpsTotal / django), s.fpsTotal >= goal));
      double perCpu = s.fpsTotal / s.serverCpuCores / c.framesPerCpuSecond();
      rows.add(Report.target(c.filter() + " at saturation ≥ 90% of the ceiling", String.format(Locale.ROOT,
              "%.0f%% of %.1f fps wall-clock (the bench shares the cores: %.2f of them); per CPU-second %.0f%%",
              100 * s.fpsTotal / c.fps(), c.fps(), s.benchCpuCores, 100 * perCpu),
          s.fpsTotal >= Report.CEILING_SHARE_TARGET * c.fps()));
    }
    for (String[] single : List.of(new String[] {"edges", "20"}, new String[] {"faces", "40"})) {
      RunResult one = runs.stream().filter(r -> r.spec.filter().equals(single[0]) && r.spec.streams() == 1)
          .findFirst().orElseThrow();
      double limit = Double.parseDouble(single[1]);
      rows.add(Report.target("1 stream at 30 fps, " + single[0] + ": every frame answered, RTT p50 < "
              + single[1] + " ms",
          String.format(Locale.ROOT, "%d of %d answered, %d skipped, p50 %.1f ms", one.answered, one.sent,
              one.skipped, one.rttP50),
          one.everyFrameAnswered() && one.rttP50 < limit));
    }
    rows.add(Report.target("overload at 3× capacity (" + overload.spec.filter() + "): RTT p99 < 250 ms, no errors",
        String.format(Locale.ROOT, "p99 %.1f ms, %d errors, %d dropped by the server, %d skipped by the client",
            overload.rttP99, overload.errors, overload.serverDropped, overload.skipped),
        overload.rttP99 < 250 && overload.errors == 0));
    double growth = soak.serverRssEndMiB / soak.rssAtCheckMiB - 1;
    // Read as "no growth": resident memory that falls (heap and buffer pools given back) is not a leak.
    rows.add(Report.target("soak: RSS at the end at most 10% above its value after the first minute ("
            + (int) soak.spec.memoryCheckSeconds() + " s); heap after GC flat",
        String.format(Locale.ROOT, "RSS %.0f → %.0f MiB (%+.1f%%); heap after GC %.0f → %.0f MiB",
            soak.rssAtCheckMiB, soak.serverRssEndMiB, 100 * growth, soak.heapAfterGcAtCheckMiB,
            soak.heapAfterGcEndMiB),
        growth <= 0.10 && soak.heapAfterGcEndMiB <= soak.heapAfterGcAtCheckMiB * 1.10 + 8));
    return rows;
  }
}
