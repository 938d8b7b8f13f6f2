package dev.livelens.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's command line. {@code bench/run.sh} builds the server, starts it and runs {@code matrix};
 * the other commands are its parts, for trying one thing at a time.
 */
public final class BenchMain {

  private static final String USAGE = """
      Usage: java -jar bench/target/livelens-bench.jar <command> [options]

        matrix  --port P --pid PID [--host localhost] [--frames bench/frames] [--quick] [--out bench/results]
                [--overload-filter edges] [--server-flags "..."] [--commit REV]
                  the standard matrix of issue 5 against a running server; writes a Markdown report
        run     --port P --pid PID --filter F [--streams 1] [--fps 30] [--in-flight 2] [--seconds 20]
                [--warmup 3] [--params JSON] [--record] [--frames DIR] [--silent N] [--silent-addresses 1]
                  one load run, printed as a table row; --record: every stream is recorded on the server;
                  --silent: N more stream sockets opened first that never send (from 127.0.0.1 … .k)
        ceiling [--frames bench/frames] [--seconds 10] [--threads N] [--filters gray,edges,faces] [--params JSON]
                [--face-detector haar]
                  OpenCV alone: the server's per-frame work in a tight loop, one thread per core
        frames  --source PNG [--out bench/frames] [--count 60] [--size 640x480]
                  makes the fake camera's frames from a photo (framed at 640x480, then scaled to --size)
        analytics --port P --video ID [--cookie OWNERS_COOKIE] [--connections 128] [--batch 50] [--per-connection 90] [--seconds 30]
                [--warmup 5] [--reads 200]
                  watch events from many players (each under the server's per-connection limit), then the
                  analytics API read
        rooms   --port P --pid PID [--frames bench/frames] [--filter edges] [--viewers 0,1,4,8,16] [--seconds 10]
                [--people 100] [--room-size 10] [--chat-seconds 20]
                  one member's processed video fanned out to N viewers, then chat delivery among that many
                  people online (each signs up through the account API first)
        beside-job --port P --video FILE [--filter edges] [--job-filter faces] [--streams 4] [--fps 30]
                [--warmup 3] [--alone-seconds 20] [--max-job-seconds 900] [--target 29.5] [--frames bench/frames]
                  live streams alone, then while FILE (imported first: the server needs --allow-private-urls)
                  is processed through the job filter: each stream's median fps a second, and the job's time
        faces   --noface DIR [--frames bench/frames] [--cascades a.xml,b.xml] [--widths 160,240,320]
                [--scales 1.1,1.2] [--neighbours 3,4] [--threads N]
                  the face detector's settings measured: CPU a detection, faces found, false faces
      """;

  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help")) {
      System.out.print(USAGE);
      return;
    }
    try {
      command(args[0], options(args));
    } catch (Exception e) {
      // Vert.x threads would keep the JVM alive after main fails; run.sh must see the failure.
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void command(String command, Map<String, String> options) throws Exception {
    switch (command) {
      case "matrix" -> matrix(options);
      case "run" -> run(options);
      case "ceiling" -> ceiling(options);
      case "faces" -> faces(options);
      case "analytics" -> analytics(options);
      case "rooms" -> rooms(options);
      case "beside-job" -> besideJob(options);
      case "frames" -> FrameSetMaker.make(Path.of(required(options, "--source")),
          Path.of(options.getOrDefault("--out", "bench/frames")),
          Integer.parseInt(options.getOrDefault("--count", "60")), options.getOrDefault("--size", "640x480"));
      default -> {
        System.err.print("unknown command " + command + "\n\n" + USAGE);
        System.exit(2);
      }
    }
  }

  private static void rooms(Map<String, String> o) throws Exception {
    Vertx vertx = Vertx.vertx();
    RoomsBench bench = new RoomsBench(vertx, Integer.parseInt(required(o, "--port")),
        Long.parseLong(required(o, "--pid")), FrameSet.load(Path.of(o.getOrDefault("--frames", "bench/frames"))));
    String filter = o.getOrDefault("--filter", "edges");
    int seconds = Integer.parseInt(o.getOrDefault("--seconds", "10"));
    System.out.printf("load average before: %.2f%n%n", ProcessProbe.loadAverage());
    System.out.println("| viewers | sender fps | viewer fps (min / mean) | frames delivered /s | server CPU (s/s) "
        + "| server CPU ms per processed frame | extra CPU ms per delivered frame | load |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    double alone = Double.NaN; // CPU a second per processed frame a second with nobody watching
    for (String viewers : o.getOrDefault("--viewers", "0,1,4,8,16").split(",")) {
      RoomsBench.FanoutRow row = bench.fanout(Integer.parseInt(viewers.trim()), filter, seconds);
      if (row.viewers() == 0) {
        alone = row.cpuMsPerProcessed();
      }
      double extra = row.viewers() == 0 ? Double.NaN : (row.serverCpuPerSecond() * 1000
          - alone * row.senderFps()) / row.deliveredPerSecond();
      System.out.println(RoomsBench.format("| %d | %.1f | %.1f / %.1f | %.0f | %.3f | %.2f | %.2f | %.1f |",
          row.viewers(), row.senderFps(), row.minViewerFps(), row.meanViewerFps(), row.deliveredPerSecond(),
          row.serverCpuPerSecond(), row.cpuMsPerProcessed(), extra, ProcessProbe.loadAverage()));
    }
    int people = Integer.parseInt(o.getOrDefault("--people", "100"));
    int roomSize = Integer.parseInt(o.getOrDefault("--room-size", "10"));
    java.util.List<Double> latencies = bench.chat(people, roomSize,
        Integer.parseInt(o.getOrDefault("--chat-seconds", "20")));
    System.out.println(RoomsBench.format("%nchat: %d people online in rooms of %d, each says something every 2 s: "
        + "%d deliveries, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (load %.1f)", people, roomSize,
        latencies.size(), RoomsBench.percentile(latencies, 0.5), RoomsBench.percentile(latencies, 0.95),
        RoomsBench.percentile(latencies, 0.99), latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1),
        ProcessProbe.loadAverage()));
    vertx.close();
  }

  private static void besideJob(Map<String, String> o) throws Exception {
    Vertx vertx = clientVertx();
    BesideJob bench = new BesideJob(vertx, FrameSet.load(Path.of(o.getOrDefault("--frames", "bench/frames"))),
        o.getOrDefault("--host", "localhost"), Integer.parseInt(required(o, "--port")));
    String filter = o.getOrDefault("--filter", "edges");
    String jobFilter = o.getOrDefault("--job-filter", "faces");
    double fps = Double.parseDouble(o.getOrDefault("--fps", "30"));
    BesideJob.Outcome outcome = bench.run(Path.of(required(o, "--video")), filter, jobFilter,
        Integer.parseInt(o.getOrDefault("--streams", "4")), fps, Double.parseDouble(o.getOrDefault("--warmup", "3")),
        Integer.parseInt(o.getOrDefault("--alone-seconds", "20")),
        Integer.parseInt(o.getOrDefault("--max-job-seconds", "900")));
    vertx.close();
    System.out.print(BesideJob.report(outcome, filter, jobFilter, fps,
        Double.parseDouble(o.getOrDefault("--target", "29.5"))));
  }

  private static void matrix(Map<String, String> o) throws Exception {
    String host = o.getOrDefault("--host", "localhost");
    int port = Integer.parseInt(required(o, "--port"));
    long pid = Long.parseLong(required(o, "--pid"));
    FrameSet frames = FrameSet.load(Path.of(o.getOrDefault("--frames", "bench/frames")));
    JsonObject info = new JsonObject(Metrics.get(host, port, "/api/info"));
    Matrix.Durations durations = o.containsKey("--quick") ? Matrix.Durations.QUICK : Matrix.Durations.STANDARD;
    Vertx vertx = clientVertx();
    LoadRun load = new LoadRun(vertx, frames, host, port, pid, info.getInteger("workers"));
    Report report = new Report();
    List<String> setting = setting(o, info, frames, durations, pid);
    new Matrix(load, new Ceiling(frames, Ceiling.QUALITY), durations, o.getOrDefault("--overload-filter", "edges"),
        System.err).run(report, setting);
    load.close();
    vertx.close();

    Path outDir = Path.of(o.getOrDefault("--out", "bench/results"));
    Files.createDirectories(outDir);
    Path file = outDir.resolve("bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + (o.containsKey("--quick") ? "-quick" : "") + ".md");
    Files.writeString(file, report.toString());
    System.out.print(report);
    System.err.println("report written to " + file);
  }

  private static void analytics(Map<String, String> o) throws Exception {
    String host = o.getOrDefault("--host", "localhost");
    int port = Integer.parseInt(required(o, "--port"));
    String video = required(o, "--video");
    JsonObject info = new JsonObject(Metrics.get(host, port, "/api/videos/" + video));
    Vertx vertx = clientVertx();
    WatchLoad load = new WatchLoad(vertx, host, port, video, info.getLong("durationMs") / 1000.0);
    System.out.println(load.ingest(Integer.parseInt(o.getOrDefault("--connections", "128")),
        Integer.parseInt(o.getOrDefault("--batch", "50")), Double.parseDouble(o.getOrDefault("--per-connection", "90")),
        Double.parseDouble(o.getOrDefault("--warmup", "5")), Double.parseDouble(o.getOrDefault("--seconds", "30"))));
    // A video's analytics are its owner's to read: --cookie is the owner's session ("livelens_session=...").
    System.out.println(load.reads(Integer.parseInt(o.getOrDefault("--reads", "200")), o.get("--cookie")));
    vertx.close();
  }

  private static void run(Map<String, String> o) throws Exception {
    String host = o.getOrDefault("--host", "localhost");
    int port = Integer.parseInt(required(o, "--port"));
    FrameSet frames = FrameSet.load(Path.of(o.getOrDefault("--frames", "bench/frames")));
    JsonObject info = new JsonObject(Metrics.get(host, port, "/api/info"));
    Vertx vertx = clientVertx();
    LoadRun load = new LoadRun(vertx, frames, host, port, Long.parseLong(required(o, "--pid")),
        info.getInteger("workers"));
    String filter = required(o, "--filter");
    int streams = Integer.parseInt(o.getOrDefault("--streams", "1"));
    int silentCount = Integer.parseInt(o.getOrDefault("--silent", "0"));
    SilentSockets silent = silentCount == 0 ? null : SilentSockets.open(host, port, silentCount,
        Integer.parseInt(o.getOrDefault("--silent-addresses", "1")));
    RunSpec spec = RunSpec.of(filter + " ×" + streams, filter, streams,
        Double.parseDouble(o.getOrDefault("--fps", "30")), Integer.parseInt(o.getOrDefault("--in-flight", "2")),
        Double.parseDouble(o.getOrDefault("--warmup", "3")), Double.parseDouble(o.getOrDefault("--seconds", "20")))
        .withParams(new JsonObject(o.getOrDefault("--params", "{}")))
        .withRecording(o.containsKey("--record"));
    long silentStatsBefore = silent == null ? 0 : silent.statsReceived();
    long began = System.nanoTime();
    RunResult result = load.run(spec);
    load.close();
    vertx.close();
    Report report = new Report();
    report.runs("Run", List.of(result));
    System.out.print(report);
    if (silent != null) {
      double seconds = (System.nanoTime() - began) / 1e9;
      System.out.printf(Locale.ROOT, "%nsilent sockets: %d opened, %d still open at the end; stats messages they "
          + "received during the run: %.0f a second%n", silentCount, silent.open(),
          (silent.statsReceived() - silentStatsBefore) / seconds);
      silent.close();
    }
  }

  private static void ceiling(Map<String, String> o) throws Exception {
    FrameSet frames = FrameSet.load(Path.of(o.getOrDefault("--frames", "bench/frames")));
    Ceiling ceiling = new Ceiling(frames, Ceiling.QUALITY, "haar".equals(o.get("--face-detector")));
    int threads = Integer.parseInt(o.getOrDefault("--threads",
        String.valueOf(Runtime.getRuntime().availableProcessors())));
    double seconds = Double.parseDouble(o.getOrDefault("--seconds", "10"));
    List<Ceiling.Result> results = new ArrayList<>();
    for (String filter : o.getOrDefault("--filters", String.join(",", Matrix.FILTERS)).split(",")) {
      results.add(ceiling.measure(filter.trim(), new JsonObject(o.getOrDefault("--params", "{}")), threads, seconds));
    }
    Report report = new Report();
    report.ceiling(results, Map.of());
    System.out.print(report);
  }

  private static void faces(Map<String, String> o) throws Exception {
    FaceTuning tuning = new FaceTuning(Path.of(o.getOrDefault("--frames", "bench/frames")),
        Path.of(required(o, "--noface")));
    List<FaceTuning.Setting> settings = new ArrayList<>();
    for (String cascade : o.getOrDefault("--cascades", String.join(",", FaceTuning.CASCADES)).split(",")) {
      for (String width : o.getOrDefault("--widths", "160,240,320").split(",")) {
        for (String scale : o.getOrDefault("--scales", "1.1,1.2").split(",")) {
          for (String neighbours : o.getOrDefault("--neighbours", "3,4").split(",")) {
            settings.add(new FaceTuning.Setting(cascade, Integer.parseInt(width), Double.parseDouble(scale),
                Integer.parseInt(neighbours)));
          }
        }
      }
    }
    int threads = Integer.parseInt(o.getOrDefault("--threads",
        String.valueOf(Runtime.getRuntime().availableProcessors())));
    System.out.print(FaceTuning.table(tuning.measure(settings, threads)));
  }

  /** One event loop is plenty for the streams and leaves the cores to the server. */
  private static Vertx clientVertx() {
    return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
  }

  private static List<String> setting(Map<String, String> o, JsonObject info, FrameSet frames,
      Matrix.Durations durations, long pid) {
    List<String> lines = new ArrayList<>();
    lines.add("Date: " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
        + (o.containsKey("--commit") ? ", commit " + o.get("--commit") : ""));
    lines.add("Machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
        + memoryGiB() + "; load average at the start " + ProcessProbe.loadAverage()
        + " (other engineers' processes share this machine: see the \"other CPU\" column)");
    lines.add("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " for server and bench; server flags: `" + o.getOrDefault("--server-flags", "(not given)") + "`, pid " + pid);
    lines.add("Server: codec " + info.getString("codec") + ", OpenCV " + info.getString("opencv") + ", "
        + info.getInteger("workers") + " workers, max-in-flight " + info.getInteger("maxInFlight"));
    lines.add(String.format(Locale.ROOT, "Frames: %d JPEGs of 640x480 (q80, %d KB on average) from bench/frames, "
        + "sent in a loop", frames.size(), frames.averageBytes() / 1024));
    lines.add(String.format(Locale.ROOT, "Each stream: a camera at %.0f fps keeping at most %d frames unanswered "
            + "(a tick with %d unanswered is skipped); unanswered frames are given up after 1 s",
        Matrix.FPS, Matrix.IN_FLIGHT, Matrix.IN_FLIGHT));
    lines.add(String.format(Locale.ROOT, "Durations: %.0f s warm-up, %.0f s per run, overload %.0f s, soak %.0f s, "
            + "ceiling %.0f s per filter%s", durations.warmup(), durations.run(), durations.overload(),
        durations.soak(), durations.ceiling(), o.containsKey("--quick") ? " (--quick)" : ""));
    return lines;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String memoryGiB() {
    try {
      String total = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
      return String.format(Locale.ROOT, "%.1f GiB RAM", Long.parseLong(total) / 1024.0 / 1024.0);
    } catch (IOException | RuntimeException e) {
      return "unknown RAM";
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String key = args[i];
      if (!key.startsWith("--")) {
        throw new IllegalArgumentException("expected an option, not " + key);
      }
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      options.put(key, flag ? "true" : args[++i]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing " + key + " (see --help)");
    }
    return value;
  }
}
