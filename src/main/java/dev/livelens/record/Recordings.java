package dev.livelens.record;

import dev.livelens.config.StorageConfig;
import dev.livelens.library.Library;
import dev.livelens.media.DiskQuota;
import dev.livelens.stream.StreamRecording;
import dev.livelens.vision.JpegCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The server's recordings of live streams: at most one per stream, each a video in the library. */
public final class Recordings implements StreamRecording {

  /** The note kept with a recording that the node's stop ended. */
  static final String SERVER_STOPPED = "the recording ended when the server stopped";

  private final Vertx vertx;
  private final Library library;
  private final WorkerExecutor pool;
  private final Supplier<JpegCodec> codecs;
  private final StorageConfig storage;
  private final DiskQuota quota;
  private final Map<String, StreamRecorder> active = new ConcurrentHashMap<>();
  private final Set<String> starting = ConcurrentHashMap.newKeySet();
  private final Set<String> stopWhenStarted = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  public Recordings(Vertx vertx, Library library, WorkerExecutor pool, Supplier<JpegCodec> codecs,
      StorageConfig storage, DiskQuota quota) {
    this.vertx = vertx;
    this.library = library;
    this.pool = pool;
    this.codecs = codecs;
    this.storage = storage;
    this.quota = quota;
  }

  @Override
  public void start(String streamId, Consumer<JsonObject> tell) {
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
    if (!starting.add(streamId)) {
      return; // a second request while the first is starting
    }
    quota.remaining().compose(remaining -> {
      if (remaining <= 0) {
        return Future.failedFuture("the server's disk quota for media is full");
      }
      return library.create("Recording " + new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date()),
          "recording", null).compose(video -> {
            StreamRecorder recorder = new StreamRecorder(vertx, streamId, video.id(),
                library.store().original(video.id(), "mp4"), pool, codecs.get(),
                new RecordingLimits(storage.maxRecordingSeconds() * 1000L, storage.maxRecordingBytes(), remaining),
                library, tell, () -> active.remove(streamId));
            active.put(streamId, recorder);
            return recorder.start();
          });
    }).onComplete(done -> {
      starting.remove(streamId);
      if (stopWhenStarted.remove(streamId)) {
        stop(streamId);
      }
    }).onFailure(error -> tell.accept(new JsonObject().put("type", "recording").put("state", "failed")
        .put("reason", error.getMessage())));
  }

  /**
   * Refuses new recordings and ends every running one as its stream's end would, with a note saying the
   * server stopped. Completes when each file is closed and packaged (or failed): finished and playable,
   * not left for the next start to recover. A recording still starting ends as soon as it has started.
   */
  @Override
  public Future<Void> finishAll() {
    stopping = true;
    starting.forEach(stopWhenStarted::add);
    List<Future<Void>> ended = active.values().stream().map(r -> r.finishFromElsewhere(SERVER_STOPPED)).toList();
    return Future.join(ended).mapEmpty();
  }

  @Override
  public void stop(String streamId) {
    StreamRecorder recorder = active.get(streamId);
    if (recorder != null) {
      recorder.finish(stopping ? SERVER_STOPPED : null); // stopping: one that was starting when the node stopped
    } else if (starting.contains(streamId)) {
      stopWhenStarted.add(streamId);
    }
  }
}
