package dev.livelens.bench;

import dev.livelens.filter.FilterCatalog;
import dev.livelens.filter.FilterSpec;
import dev.livelens.filter.FilterState;
import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegCodecs;
import dev.livelens.vision.OpenCvNatives;
import dev.livelens.worker.FramePipeline;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * What OpenCV alone can do here: the server's own per-frame work (FramePipeline with the standard
 * filters, their default parameters and the fastest codec) in a tight loop, one thread per core,
 * with no sockets and no event bus. The server's saturated throughput is reported against it.
 */
final class Ceiling {

  static final int QUALITY = 80;

  /**
   * Frames a second over all threads, the mean per-frame stage times in milliseconds, and the CPU time a
   * frame took. On a machine shared with other work the wall-clock fps falls with the others' load;
   * {@link #framesPerCpuSecond()} does not, so the server's efficiency is compared with it too.
   */
  record Result(String filter, int threads, String codec, double fps, double decodeMs, double filterMs,
      double encodeMs, double cpuMsPerFrame) {

    double framesPerCpuSecond() {
      return 1000 / cpuMsPerFrame;
    }

    /**
     * The mean of two measurements of the same filter. The matrix measures before and after its runs,
     * because the same loop's speed drifts by 10-15% over minutes on a shared machine.
     */
    static Result mean(Result a, Result b) {
      if (!a.filter.equals(b.filter)) {
        throw new IllegalArgumentException("ceilings of " + a.filter + " and " + b.filter);
      }
      return new Result(a.filter, a.threads, a.codec, (a.fps + b.fps) / 2, (a.decodeMs + b.decodeMs) / 2,
          (a.filterMs + b.filterMs) / 2, (a.encodeMs + b.encodeMs) / 2, (a.cpuMsPerFrame + b.cpuMsPerFrame) / 2);
    }
  }

  private final FrameSet frames;
  private final FilterCatalog catalog;
  private final Supplier<JpegCodec> codecs;
  private final int quality;

  Ceiling(FrameSet frames, int quality) {
    this(frames, quality, false);
  }

  /** @param haarFaces {@code faces} on the Haar cascade, as {@code --face-detector haar} makes the server's */
  Ceiling(FrameSet frames, int quality, boolean haarFaces) {
    OpenCvNatives.load();
    FilterCatalog standard = PixelGray.addTo(FilterCatalog.standard());
    this.catalog = haarFaces ? standard.withHaarFaces() : standard;
    this.frames = frames;
    this.quality = quality;
    this.codecs = JpegCodecs.best();
  }

  Result measure(String filter, int threads, double seconds) throws InterruptedException {
    return measure(filter, new JsonObject(), threads, seconds);
  }

  /** With parameters other than the filter's defaults (for tuning). */
  Result measure(String filter, JsonObject given, int threads, double seconds) throws InterruptedException {
    FilterSpec spec = catalog.spec(filter).orElseThrow(() -> new IllegalArgumentException("no filter " + filter));
    JsonObject params = spec.resolve(given);
    List<Loop> loops = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(threads);
    for (int i = 0; i < threads; i++) {
      Loop loop = new Loop(filter, params, i * 7L, seconds, done);
      loops.add(loop);
      Thread thread = new Thread(loop, "ceiling-" + filter + "-" + i);
      thread.start();
    }
    done.await();
    long count = 0;
    double measuredSeconds = 0;
    long decode = 0;
    long filterNanos = 0;
    long encode = 0;
    long cpu = 0;
    for (Loop loop : loops) {
      if (loop.failure != null) {
        throw new IllegalStateException("ceiling loop for " + filter + " failed", loop.failure);
      }
      count += loop.count;
      measuredSeconds = Math.max(measuredSeconds, loop.seconds);
      decode += loop.decodeNanos;
      filterNanos += loop.filterNanos;
      encode += loop.encodeNanos;
      cpu += loop.cpuNanos;
    }
    return new Result(filter, threads, JpegCodecs.bestName(), count / measuredSeconds,
        decode / 1e6 / count, filterNanos / 1e6 / count, encode / 1e6 / count, cpu / 1e6 / count);
  }

  /** One thread's loop; like one stream, it carries the filter's state from frame to frame (faces' cadence). */
  private final class Loop implements Runnable {
    private final String filter;
    private final JsonObject params;
    private final long firstFrame;
    private final double runSeconds;
    private final CountDownLatch done;
    long count;
    double seconds;
    long decodeNanos;
    long filterNanos;
    long encodeNanos;
    long cpuNanos;
    Throwable failure;

    Loop(String filter, JsonObject params, long firstFrame, double seconds, CountDownLatch done) {
      this.filter = filter;
      this.params = params;
      this.firstFrame = firstFrame;
      this.runSeconds = seconds;
      this.done = done;
    }

    @Override
    public void run() {
      try (FramePipeline pipeline = new FramePipeline(catalog.createAll(), codecs.get(), quality)) {
        FilterState state = catalog.spec(filter).orElseThrow().newState();
        long warmupEnd = System.nanoTime() + 1_000_000_000L;
        ThreadMXBean threadTimes = ManagementFactory.getThreadMXBean();
        long start = 0;
        long cpuStart = 0;
        long end = Long.MAX_VALUE;
        for (long i = firstFrame; System.nanoTime() < end; i++) {
          byte[] jpeg = frames.get(i);
          JsonObject sent = state.next(params);
          FramePipeline.Result result = pipeline.process(jpeg, jpeg.length, filter, params, sent);
          state.learn(sent, result.result().report());
          long now = System.nanoTime();
          if (start == 0 && now >= warmupEnd) {
            start = now;
            cpuStart = threadTimes.getCurrentThreadCpuTime();
            end = start + (long) (runSeconds * 1e9);
          } else if (start != 0) {
            count++;
            decodeNanos += result.result().decodeNanos();
            filterNanos += result.result().filterNanos();
            encodeNanos += result.result().encodeNanos();
          }
        }
        seconds = (System.nanoTime() - start) / 1e9;
        cpuNanos = threadTimes.getCurrentThreadCpuTime() - cpuStart;
      } catch (Throwable e) {
        failure = e;
      } finally {
        done.countDown();
      }
    }
  }
}
