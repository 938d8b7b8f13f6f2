package dev.livelens.record;

import dev.livelens.config.StorageConfig;
import dev.livelens.library.LibraryFeature;
import dev.livelens.media.MediaFeature;
import dev.livelens.stream.StreamRecording;
import dev.livelens.vision.JpegCodec;
import dev.livelens.web.Deployed;
import dev.livelens.web.Feature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Recording live streams on the server into the library; without FFmpeg every request to record is
 * answered as failed, saying why.
 */
public final class RecordingFeature implements Feature {

  private final LibraryFeature library;
  private final MediaFeature media;
  private final Supplier<JpegCodec> codecs;
  private final StorageConfig storage;
  private StreamRecording recordings = StreamRecording.UNAVAILABLE;
  private Deployed deployed = Deployed.NOTHING;

  public RecordingFeature(LibraryFeature library, MediaFeature media, Supplier<JpegCodec> codecs,
      StorageConfig storage) {
    this.library = library;
    this.media = media;
    this.codecs = codecs;
    this.storage = storage;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    if (media.ffmpeg().isEmpty()) {
      return Future.succeededFuture();
    }
    Recordings started = new Recordings(library.library(), codecs, storage, media.quota());
    return Deployed.deploy(vertx, started).onSuccess(done -> {
      deployed = done;
      recordings = started;
    });
  }

  @Override
  public Future<?> stop() {
    return deployed.undeploy();
  }

  /** What the live streams hand their requests to record to. */
  public StreamRecording recordings() {
    return recordings;
  }
}
