package dev.livelens.record;

import dev.livelens.config.StorageConfig;
import dev.livelens.library.Library;
import dev.livelens.media.DiskQuota;
import dev.livelens.media.FailureReason;
import dev.livelens.media.MediaException;
import dev.livelens.stream.StreamRecording;
import dev.livelens.vision.JpegCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's recordings of live streams: at most one per stream, each a video in the library. One per
 * node, deployed as a verticle whose context owns its state: requests from every event loop hop onto it,
 * and its recorders live there, so "is this stream recording?" and "start it" are one step with no lock
 * (every future here is made on that context, so its callbacks run there too).
 * The recorders' frames are encoded on a pool of their own, so they never wait behind FFmpeg runs.
 */
public final class Recordings extends VerticleBase implements StreamRecording {

  private static final Logger LOG = LoggerFactory.getLogger(Recordings.class);

  static final String POOL = "livelens-recording";
  /** Encoding is CPU work in-process: a thread a core; each recording encodes one frame at a time. */
  static final int POOL_SIZE = Math.max(2, Runtime.getRuntime().availableProcessors());

  /** The note kept with a recording that the node's stop ended. */
  static final String SERVER_STOPPED = "the recording ended when the server stopped";

  private final Library library;
  private final Supplier<JpegCodec> codecs;
  private final StorageConfig storage;
  private final DiskQuota quota;
  private final Map<String, StreamRecorder> active = new HashMap<>();
  /** Streams whose recording is being set up, each with whether a stop came meanwhile. */
  private final Map<String, Boolean> starting = new HashMap<>();
  private WorkerExecutor pool;
  private boolean stopping;

  Recordings(Library library, Supplier<JpegCodec> codecs, StorageConfig storage, DiskQuota quota) {
    this.library = library;
    this.codecs = codecs;
    this.storage = storage;
    this.quota = quota;
  }

  /** Deploys the node's recordings; they are ready to take requests when the future completes. */
  public static Future<StreamRecording> deploy(Vertx vertx, Library library, Supplier<JpegCodec> codecs,
      StorageConfig storage, DiskQuota quota) {
    Recordings recordings = new Recordings(library, codecs, storage, quota);
    return vertx.deployVerticle(recordings).map(recordings);
  }

  @Override
  public Future<?> start() {
    pool = vertx.createSharedWorkerExecutor(POOL, POOL_SIZE); // closed with this verticle
    // Not waited for: a recording that starts meanwhile only does the same work itself.
    pool.executeBlocking(() -> {
      VideoEncoder.warmUp();
      return null;
    }, false).onFailure(error -> LOG.warn("the recorder's encoder did not warm up: {}", error.toString()));
    return Future.succeededFuture();
  }

  @Override
  public void start(String streamId, Long ownerId, Consumer<JsonObject> tell) {
    Consumer<JsonObject> toClient = onCallersContext(tell);
    context.runOnContext(v -> begin(streamId, ownerId, toClient));
  }

  @Override
  public void stop(String streamId) {
    context.runOnContext(v -> end(streamId));
  }

  private void begin(String streamId, Long ownerId, Consumer<JsonObject> tell) {
    StreamRecorder running = active.get(streamId);
    if (running != null) {
      tell.accept(new JsonObject().put("type", "recording").put("state", "started").put("video", running.videoId()));
      return;
    }
    if (stopping) {
      tell.accept(new JsonObject().put("type", "recording").put("state", "failed")
          .put("reason", "the server is stopping; record again once it is back"));
      return;
    }
    if (starting.putIfAbsent(streamId, false) != null) {
      return; // a second request while the first is starting
    }
    quota.remaining().compose(remaining -> {
      if (remaining <= 0) {
        return Future.failedFuture(new MediaException("the server's disk quota for media is full: delete videos "
            + "to make room"));
      }
      return library.create("Recording " + new SimpleDateFormat("yyyy-MM-dd HH:mm").format(new Date()),
          "recording", null, ownerId).compose(video -> {
            StreamRecorder recorder = new StreamRecorder(vertx, streamId, video.id(),
                library.store().original(video.id(), "mp4"), pool, codecs.get(),
                new RecordingLimits(storage.maxRecordingSeconds() * 1000L, storage.maxRecordingBytes(), remaining),
                library, tell, () -> active.remove(streamId));
            active.put(streamId, recorder);
            return recorder.start();
          });
    }).onComplete(done -> {
      if (Boolean.TRUE.equals(starting.remove(streamId))) {
        end(streamId);
      }
    }).onFailure(error -> tell.accept(new JsonObject().put("type", "recording").put("state", "failed")
        .put("reason", FailureReason.of(error))));
  }

  /**
   * Refuses new recordings and ends every running one as its stream's end would, with a note saying the
   * server stopped. Completes when each file is closed and packaged (or failed): finished and playable,
   * not left for the next start to recover. A recording still starting ends as soon as it has started.
   */
  @Override
  public Future<Void> finishAll() {
    Promise<Void> all = Promise.promise();
    context.runOnContext(v -> {
      stopping = true;
      starting.replaceAll((id, stopAsked) -> true);
      List<Future<Void>> ended = active.values().stream().map(r -> r.finishFromElsewhere(SERVER_STOPPED)).toList();
      Future.join(ended).<Void>mapEmpty().onComplete(all);
    });
    return all.future();
  }

  private void end(String streamId) {
    StreamRecorder recorder = active.get(streamId);
    if (recorder != null) {
      recorder.finish(stopping ? SERVER_STOPPED : null); // stopping: one that was starting when the node stopped
    } else {
      starting.computeIfPresent(streamId, (id, stopAsked) -> true);
    }
  }

  /** The recorder's messages go back to the stream on the stream's own context. */
  private Consumer<JsonObject> onCallersContext(Consumer<JsonObject> tell) {
    Context caller = vertx.getOrCreateContext();
    return message -> caller.runOnContext(v -> tell.accept(message));
  }
}
