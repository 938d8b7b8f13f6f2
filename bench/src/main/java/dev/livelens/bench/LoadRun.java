package dev.livelens.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs one {@link RunSpec} against a running server and measures it from both sides: the streams' own
 * counts and round trips, the server's stats and /metrics, and the server process from /proc.
 * All streams live on one event-loop context, so their state needs no locking; this class drives them
 * from the calling thread.
 */
final class LoadRun {

  private static final double MIB = 1024.0 * 1024.0;

  private final Vertx vertx;
  private final WebSocketClient client;
  private final FrameSet frames;
  private final String host;
  private final int port;
  private final long serverPid;
  private final int workers;

  LoadRun(Vertx vertx, FrameSet frames, String host, int port, long serverPid, int workers) {
    this.vertx = vertx;
    this.workers = workers;
    this.frames = frames;
    this.host = host;
    this.port = port;
    this.serverPid = serverPid;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(8 * 1024 * 1024)
        .setMaxMessageSize(8 * 1024 * 1024)
        .setMaxConnections(1024));
  }

  RunResult run(RunSpec spec) throws Exception {
    Context context = vertx.getOrCreateContext();
    Latencies latencies = new Latencies();
    List<StreamClient> streams = new ArrayList<>();
    for (int i = 0; i < spec.streams(); i++) {
      streams.add(new StreamClient(vertx, frames, spec.fps(), spec.inFlight(), latencies, i * 11L));
    }
    await(context, () -> Future.all(streams.stream()
        .map(s -> s.connect(client, host, port, spec.filter(), spec.params(), spec.record())).toList()).mapEmpty());
    long period = (long) (1e9 / spec.fps());
    onLoop(context, () -> {
      for (int i = 0; i < streams.size(); i++) {
        streams.get(i).start(period * i / streams.size());
      }
    });
    sleep(spec.warmupSeconds());

    RunResult result = new RunResult();
    result.spec = spec;
    Sample start = sample();
    onLoop(context, () -> streams.forEach(StreamClient::startRecording));
    long startNanos = System.nanoTime();
    if (spec.memoryCheckSeconds() > 0) {
      sleep(spec.memoryCheckSeconds());
      result.rssAtCheckMiB = ProcessProbe.rssMiB(serverPid);
      result.heapAfterGcAtCheckMiB = heapAfterGcMiB();
      sleep(spec.seconds() - spec.memoryCheckSeconds());
    } else {
      sleep(spec.seconds());
    }
    onLoop(context, () -> streams.forEach(StreamClient::stopSending));
    result.windowSeconds = (System.nanoTime() - startNanos) / 1e9;
    Sample end = sample();

    // Replies to frames sent in the window still count; then one more stats message per connection.
    long drainUntil = System.nanoTime() + StreamClient.TIMEOUT_NANOS;
    while (System.nanoTime() < drainUntil
        && ask(context, () -> streams.stream().mapToInt(StreamClient::unansweredCount).sum()) > 0) {
      Thread.sleep(20);
    }
    sleep(1.2);
    onLoop(context, () -> streams.forEach(StreamClient::stopRecording));
    if (spec.memoryCheckSeconds() > 0) {
      result.heapAfterGcEndMiB = heapAfterGcMiB();
    }
    fill(result, streams, latencies, start, end);
    await(context, () -> Future.all(streams.stream().map(StreamClient::close).toList()).mapEmpty());
    sleep(1.0);
    return result;
  }

  /** What is read from the server and the machine at the two edges of the window. */
  private record Sample(double serverCpu, double benchCpu, double machineBusy, double rssMiB, Metrics metrics) {
  }

  private Sample sample() throws InterruptedException {
    Metrics metrics;
    try {
      metrics = Metrics.scrape(host, port);
    } catch (IOException e) {
      // The run goes on; its stage times and server counters show as NaN.
      System.err.println("could not scrape /metrics: " + e);
      metrics = new Metrics(List.of());
    }
    return new Sample(ProcessProbe.cpuSeconds(serverPid), ProcessProbe.cpuSeconds(ProcessProbe.selfPid()),
        ProcessProbe.machineBusySeconds(), ProcessProbe.rssMiB(serverPid), metrics);
  }

  private void fill(RunResult r, List<StreamClient> streams, Latencies latencies, Sample start, Sample end) {
    double[] perStream = new double[streams.size()];
    for (int i = 0; i < streams.size(); i++) {
      StreamClient s = streams.get(i);
      r.sent += s.sent;
      r.answered += s.answered;
      r.skipped += s.skipped;
      r.errors += s.errors;
      r.timedOut += s.timedOut;
      r.lateReplies += s.lateReplies;
      r.framesWithFaces += s.framesWithFaces;
      r.serverDropped += s.serverDelta().dropped;
      r.serverErrors += s.serverDelta().errors;
      if (s.lastError() != null) {
        r.lastError = s.lastError();
      }
      perStream[i] = s.answered / r.windowSeconds;
    }
    Arrays.sort(perStream);
    r.fpsTotal = r.answered / r.windowSeconds;
    r.fpsPerStreamMin = perStream[0];
    r.fpsPerStreamMedian = perStream[perStream.length / 2];
    double[] rtt = latencies.percentilesMillis(0.50, 0.95, 0.99, 1.0);
    r.rttP50 = rtt[0];
    r.rttP95 = rtt[1];
    r.rttP99 = rtt[2];
    r.rttMax = rtt[3];

    String filter = r.spec.filter();
    for (String reason : List.of("replaced", "socket_full", "error", "late")) {
      double dropped = end.metrics.sum("livelens_frames_dropped_total", "filter", filter, "reason", reason)
          - start.metrics.sum("livelens_frames_dropped_total", "filter", filter, "reason", reason);
      if (dropped > 0) {
        r.droppedByReason.put(reason, dropped);
      }
    }
    for (String stage : List.of("queue", "decode", "filter", "encode", "reply", "total")) {
      r.stageP50.put(stage, 1000 * end.metrics.value("livelens_stage_seconds",
          "filter", filter, "stage", stage, "quantile", "0.5"));
    }
    r.serverTotalP99 = 1000 * end.metrics.value("livelens_stage_seconds",
        "filter", filter, "stage", "total", "quantile", "0.99");
    double busy = end.metrics.sum("livelens_worker_busy_seconds_total")
        - start.metrics.sum("livelens_worker_busy_seconds_total");
    r.workerUtilisation = busy / r.windowSeconds / workers;

    double seconds = r.windowSeconds;
    r.serverCpuCores = (end.serverCpu - start.serverCpu) / seconds;
    r.benchCpuCores = (end.benchCpu - start.benchCpu) / seconds;
    r.otherCpuCores = Math.max(0, (end.machineBusy - start.machineBusy) / seconds - r.serverCpuCores
        - r.benchCpuCores);
    r.serverRssStartMiB = start.rssMiB;
    r.serverRssEndMiB = end.rssMiB;
    r.loadAverage = ProcessProbe.loadAverage();
  }

  /** Forces a full GC in the server (jcmd) and reads the heap in use just after it, from /metrics. */
  private double heapAfterGcMiB() {
    try {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(serverPid), "GC.run")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!gc.waitFor(30, TimeUnit.SECONDS) || gc.exitValue() != 0) {
        return Double.NaN;
      }
      return Metrics.scrape(host, port).sum("jvm_memory_used_bytes", "area", "heap") / MIB;
    } catch (IOException e) {
      return Double.NaN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Double.NaN;
    }
  }

  void close() {
    client.close();
  }

  private static void sleep(double seconds) throws InterruptedException {
    Thread.sleep((long) (seconds * 1000));
  }

  private static <T> T await(Context context, Supplier<Future<T>> action) throws Exception {
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

  private static void onLoop(Context context, Runnable action) throws Exception {
    await(context, () -> {
      action.run();
      return Future.succeededFuture();
    });
  }

  private static <T> T ask(Context context, Supplier<T> action) throws Exception {
    return await(context, () -> Future.succeededFuture(action.get()));
  }
}
