package dev.livelens.record;

import dev.livelens.bus.FrameBytes;
import dev.livelens.bus.FrameMessage;
import dev.livelens.bus.StreamListener;
import dev.livelens.library.Library;
import dev.livelens.media.FailureReason;
import dev.livelens.media.MediaException;
import dev.livelens.vision.JpegCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recording of one stream: listens to the stream's processed frames with its own newest-wins slot
 * (so it can only ever skip its own frames, never slow the stream), encodes them on the recording pool,
 * and when asked, when a limit is reached or when the stream ends, closes the file and hands it to the
 * library. The listener's callbacks run on the recordings' context; the encoding never does.
 */
final class StreamRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(StreamRecorder.class);
  private static final String NOTHING_RECORDED = "no frame was recorded: the stream sent none while recording";

  private final Vertx vertx;
  private final String streamId;
  private final String videoId;
  private final Path file;
  private final WorkerExecutor pool;
  private final JpegCodec codec;
  private final RecordingLimits limits;
  private final Library library;
  private final Consumer<JsonObject> tell;
  private final Runnable onDone;
  /** The stream's event loop, where the listener's callbacks and {@link #finish} run. */
  private final Context context;
  private final Promise<Void> ended = Promise.promise();
  private StreamListener listener;
  private long progressTimer;
  private boolean finishing;
  /**
   * The recording's own order, and the only one its work keeps: each encode starts once the one before has
   * ended (the listener hands over one frame at a time) and the file closes after the last. The pool's
   * tasks are unordered, so a recording waits behind nothing else started from the same event loop.
   */
  private Future<?> lastEncode = Future.succeededFuture();
  // Touched on the pool only, one frame at a time (see lastEncode).
  private FrameCanvas canvas;
  private final FrameBytes frameBytes = new FrameBytes();
  private VideoEncoder encoder;
  private volatile long frames;
  private volatile long skipped;
  private volatile long bytes;
  private volatile long durationMs;
  private volatile boolean pastLongest;

  StreamRecorder(Vertx vertx, String streamId, String videoId, Path file, WorkerExecutor pool, JpegCodec codec,
      RecordingLimits limits, Library library, Consumer<JsonObject> tell, Runnable onDone) {
    this.vertx = vertx;
    this.streamId = streamId;
    this.videoId = videoId;
    this.file = file;
    this.pool = pool;
    this.codec = codec;
    this.limits = limits;
    this.library = library;
    this.tell = tell;
    this.onDone = onDone;
    this.context = vertx.getOrCreateContext();
  }

  String videoId() {
    return videoId;
  }

  /** Completes when the recording is over: its file closed and handed to the library (or failed). */
  Future<Void> ended() {
    return ended.future();
  }

  /** {@link #finish} from any thread: on the stream's event loop, where the recorder lives. */
  Future<Void> finishFromElsewhere(String reason) {
    context.runOnContext(v -> finish(reason));
    return ended();
  }

  Future<Void> start() {
    listener = StreamListener.listen(vertx, streamId, this::record, () -> finish(null));
    progressTimer = vertx.setPeriodic(1000, t -> tell.accept(message("recording").put("frames", frames)
        .put("bytes", bytes).put("durationMs", durationMs)));
    LOG.info("stream {}: recording video {}", streamId, videoId);
    return listener.ready().andThen(done -> tell.accept(message("started")));
  }

  private Future<?> record(FrameMessage frame) {
    if (finishing) {
      return Future.succeededFuture();
    }
    lastEncode = pool.executeBlocking(() -> encode(frame), false);
    return lastEncode.onComplete(result -> {
      if (result.failed()) {
        LOG.warn("stream {}: recording {} could not encode a frame: {}", streamId, videoId, result.cause().toString());
        finish("the recording ended early: the server could not encode a frame");
      } else {
        String limit = limits.reached(pastLongest ? limits.maxDurationMs() : durationMs, bytes);
        if (limit != null) {
          finish(limit);
        }
      }
    });
  }

  /** On the pool. */
  private Void encode(FrameMessage frame) throws Exception {
    if (encoder == null) {
      canvas = new FrameCanvas(frame.result().width(), frame.result().height());
      encoder = new VideoEncoder(file, canvas);
    }
    if (encoder.durationMsWith(frame.timeMs()) > limits.maxDurationMs()) {
      skipped++; // past the longest allowed length: the recording ends with the frames before it
      pastLongest = true;
      return null;
    }
    canvas.draw(codec, frameBytes.of(frame.jpeg()), frame.jpeg().length());
    if (encoder.encode(frame.timeMs())) {
      frames++;
    } else {
      skipped++;
    }
    durationMs = encoder.durationMs();
    bytes = Files.size(file);
    return null;
  }

  /** Stops listening, closes the file and lets the library package it; {@code reason} says why it ended early. */
  void finish(String reason) {
    if (finishing) {
      return;
    }
    finishing = true;
    vertx.cancelTimer(progressTimer);
    listener.close();
    lastEncode.transform(last -> pool.executeBlocking(this::closeFile, false))
        // Marked whole before packaging: if the node stops before that ends, its next start packages it as is.
        .compose(recorded -> recorded ? library.sourceComplete(videoId, reason)
            .compose(marked -> library.finish(videoId, file, reason, fraction -> { }))
            : library.failed(videoId, NOTHING_RECORDED).compose(v -> Future.failedFuture(
                new MediaException(NOTHING_RECORDED))))
        .onSuccess(video -> {
          LOG.info("stream {}: recording {} finished: {} frames, {} skipped, {} dropped while busy, {} ms{}", streamId,
              videoId, frames, skipped, listener.dropped(), durationMs, reason == null ? "" : " (" + reason + ")");
          // Every frame it got and did not put in the video: the encoder's skips, the slot's drops, and the
          // one still waiting in the slot when it stopped.
          JsonObject finished = message("finished").put("frames", frames).put("durationMs", durationMs)
              .put("skipped", listener.received() - frames);
          tell.accept(reason == null ? finished : finished.put("reason", reason));
        })
        .onFailure(error -> {
          LOG.warn("stream {}: recording {} failed: {}", streamId, videoId, error.toString());
          tell.accept(message("failed").put("reason", FailureReason.of(error)));
        })
        .onComplete(done -> {
          onDone.run();
          ended.complete();
        });
  }

  /** On the pool, after the last encode: whether there is a file with frames in it. */
  private boolean closeFile() throws Exception {
    try {
      if (encoder != null) {
        encoder.close();
      }
    } finally {
      if (canvas != null) {
        canvas.close();
      }
      codec.close();
    }
    return frames > 0;
  }

  private JsonObject message(String state) {
    return new JsonObject().put("type", "recording").put("state", state).put("video", videoId);
  }
}
