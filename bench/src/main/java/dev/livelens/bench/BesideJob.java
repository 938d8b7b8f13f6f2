package dev.livelens.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Live streams beside a job (issue 21): the same streams measured alone, then while a video is processed
 * through a filter, or (job "transcript", issue 25) while a video is imported and its audio transcribed. Each stream's answered frames are counted in every second; a stream's pace in a phase
 * is the median of its seconds (a stream that kept 30 fps has a median of 30 whatever one second did).
 */
final class BesideJob {

  /** What the streams, the job and the machine did. */
  record Outcome(List<double[]> alone, List<double[]> beside, double jobSeconds, String jobState,
      double importSeconds, double loadBefore, double loadAfter, double transcribed) {
  }

  static final String TRANSCRIPT = "transcript";
  /** With a cookie jar: the videos the bench makes are its own (private), and it reads them as their owner. */
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .cookieHandler(new java.net.CookieManager()).build();
  /** How far the transcript is (0..1), in the transcript job. */
  private double transcribed = Double.NaN;

  private final Vertx vertx;
  private final FrameSet frames;
  private final String host;
  private final int port;

  BesideJob(Vertx vertx, FrameSet frames, String host, int port) {
    this.vertx = vertx;
    this.frames = frames;
    this.host = host;
    this.port = port;
  }

  Outcome run(Path video, String liveFilter, String jobFilter, int streams, double fps, double warmupSeconds,
      int aloneSeconds, int maxJobSeconds) throws Exception {
    double loadBefore = ProcessProbe.loadAverage();
    long importStart = System.nanoTime();
    boolean transcript = TRANSCRIPT.equals(jobFilter);
    HttpServer files = serve(video);
    String source = transcript ? null : importVideo(files, video);
    double importSeconds = (System.nanoTime() - importStart) / 1e9;

    Context context = vertx.getOrCreateContext();
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(8 * 1024 * 1024).setMaxMessageSize(8 * 1024 * 1024));
    List<StreamClient> live = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      live.add(new StreamClient(vertx, frames, fps, 2, new Latencies(), i * 11L));
    }
    on(context, () -> Future.all(live.stream()
        .map(s -> s.connect(client, host, port, liveFilter, null, false)).toList()).mapEmpty());
    long period = (long) (1e9 / fps);
    on(context, () -> {
      for (int i = 0; i < live.size(); i++) {
        live.get(i).start(period * i / live.size());
      }
      return Future.succeededFuture();
    });
    Thread.sleep((long) (warmupSeconds * 1000));
    on(context, () -> {
      live.forEach(StreamClient::startRecording);
      return Future.succeededFuture();
    });

    List<double[]> alone = new ArrayList<>();
    long[] last = answered(context, live);
    long lastAt = System.nanoTime();
    for (int second = 0; second < aloneSeconds; second++) {
      Thread.sleep(1000);
      long[] now = answered(context, live);
      long at = System.nanoTime();
      alone.add(rates(last, now, (at - lastAt) / 1e9));
      last = now;
      lastAt = at;
    }

    long jobStart = System.nanoTime();
    String made = transcript ? startImport(files, video) : new JsonObject(post("/api/videos/" + source + "/process",
        new JsonObject().put("filter", jobFilter).encode())).getString("id");
    List<double[]> beside = new ArrayList<>();
    String state = "processing";
    while ("processing".equals(state) && System.nanoTime() - jobStart < maxJobSeconds * 1_000_000_000L) {
      Thread.sleep(1000);
      long[] now = answered(context, live);
      long at = System.nanoTime();
      beside.add(rates(last, now, (at - lastAt) / 1e9));
      last = now;
      lastAt = at;
      state = transcript ? transcriptState(made) : new JsonObject(get("/api/videos/" + made)).getString("status");
    }
    double jobSeconds = (System.nanoTime() - jobStart) / 1e9;
    files.close();
    on(context, () -> Future.all(live.stream().map(StreamClient::close).toList()).mapEmpty());
    client.close();
    return new Outcome(alone, beside, jobSeconds, state, importSeconds, loadBefore, ProcessProbe.loadAverage(),
        transcribed);
  }

  /** The transcript job's state: processing until the video and then its transcript are done. */
  private String transcriptState(String id) throws IOException, InterruptedException {
    if ("processing".equals(new JsonObject(get("/api/videos/" + id)).getString("status"))) {
      return "processing";
    }
    JsonObject t = new JsonObject(get("/api/videos/" + id + "/transcript"));
    transcribed = "ready".equals(t.getString("status")) ? 1.0 : t.getDouble("progress", 0.0);
    return "none".equals(t.getString("status")) ? "processing" : t.getString("status");
  }

  /** The outcome as the bench's Markdown: one row a stream, the job's line, whether the target was met. */
  static String report(Outcome o, String liveFilter, String jobFilter, double fps, double target) {
    StringBuilder out = new StringBuilder();
    out.append(format("load average before %.2f, after %.2f (above 2 on 2 cores the machine was shared)%n%n",
        o.loadBefore(), o.loadAfter()));
    out.append(format("| stream (%s, %.0f fps asked) | alone: median fps a second / mean (slowest second) "
        + "| beside the job: median / mean (slowest second) | beside / alone (medians) |%n"
        + "| --- | --: | --: | --: |%n", liveFilter, fps));
    int streams = o.alone().isEmpty() ? 0 : o.alone().get(0).length;
    double slowestMedian = Double.MAX_VALUE;
    double slowestMean = Double.MAX_VALUE;
    for (int s = 0; s < streams; s++) {
      double[] alone = column(o.alone(), s);
      double[] beside = column(o.beside(), s);
      slowestMedian = Math.min(slowestMedian, median(beside));
      slowestMean = Math.min(slowestMean, mean(beside));
      out.append(format("| %d | %.1f / %.1f (%.1f) | %.1f / %.1f (%.1f) | %.3f |%n", s + 1, median(alone),
          mean(alone), min(alone), median(beside), mean(beside), min(beside), median(beside) / median(alone)));
    }
    if (Double.isNaN(o.transcribed())) {
      out.append(format("%nThe job: the video through `%s` in %.1f s from the POST to `%s` (packaging included; "
          + "%d seconds of live streams measured beside it, %d alone before it); the video was imported in %.1f s.%n",
          jobFilter, o.jobSeconds(), o.jobState(), o.beside().size(), o.alone().size(), o.importSeconds()));
    } else {
      out.append(format("%nThe job: the video imported and its audio transcribed: %.1f%% of it in %.1f s from the "
          + "import's POST, then `%s` (%d seconds of live streams measured beside it, %d alone before it).%n",
          o.transcribed() * 100, o.jobSeconds(), o.jobState(), o.beside().size(), o.alone().size()));
    }
    // A transcript of an hour outlasts the measurement: there the streams' pace is the target.
    boolean ready = "ready".equals(o.jobState()) || !Double.isNaN(o.transcribed());
    out.append(format("Target: every stream's median >= %.1f fps beside the job, and the job ready: %s "
        + "(slowest median %.1f); by the stricter mean: %s (slowest mean %.1f).%n", target,
        slowestMedian >= target && ready ? "met" : "NOT met", slowestMedian,
        slowestMean >= target && ready ? "met" : "NOT met", slowestMean));
    return out.toString();
  }

  /** The file, served from a loopback server of our own for the server to import. */
  private HttpServer serve(Path file) throws Exception {
    return vertx.createHttpServer().requestHandler(request -> request.response().sendFile(file.toString()))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private String startImport(HttpServer files, Path file) throws Exception {
    return new JsonObject(post("/api/imports", new JsonObject()
        .put("url", "http://127.0.0.1:" + files.actualPort() + "/" + file.getFileName()).encode())).getString("id");
  }

  /** Puts the file into the library through the import API and waits until it is ready. */
  private String importVideo(HttpServer files, Path file) throws Exception {
    String id = startImport(files, file);
    String status = "processing";
    while ("processing".equals(status)) {
      Thread.sleep(250);
      status = new JsonObject(get("/api/videos/" + id)).getString("status");
    }
    if (!"ready".equals(status)) {
      throw new IOException("the import ended " + status + " (is the server started with --allow-private-urls?)");
    }
    return id;
  }

  private String get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private String post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static long[] answered(Context context, List<StreamClient> live) throws Exception {
    return on(context, () -> Future.succeededFuture(
        live.stream().mapToLong(s -> s.answered).toArray()));
  }

  private static double[] rates(long[] before, long[] after, double seconds) {
    double[] rates = new double[before.length];
    for (int i = 0; i < rates.length; i++) {
      rates[i] = (after[i] - before[i]) / seconds;
    }
    return rates;
  }

  private static double[] column(List<double[]> seconds, int stream) {
    return seconds.stream().mapToDouble(row -> row[stream]).toArray();
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  /** Runs {@code action} on the streams' context and waits for its future. */
  private static <T> T on(Context context, Supplier<Future<T>> action) throws Exception {
    CompletableFuture<T> done = new CompletableFuture<>();
    context.runOnContext(v -> action.get().onComplete(ar -> {
      if (ar.succeeded()) {
        done.complete(ar.result());
      } else {
        done.completeExceptionally(ar.cause());
      }
    }));
    return done.get(30, TimeUnit.SECONDS);
  }
}
