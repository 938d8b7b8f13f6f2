package dev.livelens.library.jobs;

import dev.livelens.media.Cancel;
import dev.livelens.media.Ffmpeg;
import dev.livelens.media.FfmpegProcess;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;

/**
 * A video's frames from one FFmpeg (the decoder's JPEGs) to another (the encoder's input) through a
 * function of futures, frame after frame: the decoder's next JPEG is read while the current one is being
 * processed, the answers go to the encoder in order. Reads and writes of the pipes block, so each is a
 * short task on the bounded media pool; between them no thread is held, whatever the frames wait for.
 */
final class FrameRelay {

  private static final long TIMEOUT_MINUTES = 120;

  private final WorkerExecutor pool;
  private final FfmpegProcess decoder;
  private final FfmpegProcess encoder;
  private final JpegReader reader;
  private final OutputStream frames;
  private final Cancel cancel;
  private final Promise<Void> relayed = Promise.promise();

  private FrameRelay(WorkerExecutor pool, FfmpegProcess decoder, FfmpegProcess encoder, Cancel cancel) {
    this.pool = pool;
    this.decoder = decoder;
    this.encoder = encoder;
    this.reader = new JpegReader(decoder.output());
    this.frames = encoder.input();
    this.cancel = cancel;
  }

  /** Starts both FFmpeg processes (starting a process blocks: on the pool). */
  static Future<FrameRelay> start(Ffmpeg ffmpeg, List<String> decoderArgs, List<String> encoderArgs, Cancel cancel) {
    return ffmpeg.pool().executeBlocking(() -> {
      FfmpegProcess decoder = ffmpeg.spawn(decoderArgs, cancel);
      try {
        return new FrameRelay(ffmpeg.pool(), decoder, ffmpeg.spawn(encoderArgs, cancel), cancel);
      } catch (IOException | RuntimeException e) {
        decoder.kill();
        throw e;
      }
    }, false);
  }

  /**
   * Every JPEG through {@code process}, each answer to the encoder; {@code progress} is told the count so
   * far. Completes once both processes have ended well; on any failure both are stopped.
   */
  Future<Void> run(BiFunction<Long, byte[], Future<byte[]>> process, LongConsumer progress) {
    step(1, read(), process, progress);
    return relayed.future().compose(done -> finish()).recover(this::stop);
  }

  private void step(long n, Future<byte[]> reading, BiFunction<Long, byte[], Future<byte[]>> process,
      LongConsumer progress) {
    reading.compose(jpeg -> {
      if (jpeg == null) {
        relayed.tryComplete();
        return Future.succeededFuture();
      }
      Future<byte[]> next = read();
      return process.apply(n, jpeg).compose(this::write).onSuccess(written -> {
        progress.accept(n);
        step(n + 1, next, process, progress);
      });
    }).onFailure(relayed::tryFail);
  }

  private Future<byte[]> read() {
    return pool.executeBlocking(reader::next, false);
  }

  private Future<Void> write(byte[] jpeg) {
    return pool.executeBlocking(() -> {
      frames.write(jpeg);
      return null;
    }, false);
  }

  /** The decoder has ended: the encoder's input closes, and both must end well. */
  private Future<Void> finish() {
    return pool.executeBlocking(() -> {
      frames.close();
      decoder.await(TIMEOUT_MINUTES);
      encoder.await(TIMEOUT_MINUTES);
      return null;
    }, false);
  }

  private Future<Void> stop(Throwable error) {
    decoder.kill();
    encoder.kill();
    // A cancelled job's broken pipe is its cancellation, not an error.
    return Future.failedFuture(cancel.cancelled() ? new Cancel.Cancelled() : error);
  }
}
