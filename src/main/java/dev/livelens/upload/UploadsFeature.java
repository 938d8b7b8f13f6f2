package dev.livelens.upload;

import dev.livelens.web.SignedInUsers;
import java.util.function.Supplier;
import dev.livelens.config.StorageConfig;
import dev.livelens.library.LibraryFeature;
import dev.livelens.media.MediaFeature;
import dev.livelens.web.Feature;
import dev.livelens.web.Mounts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Resumable uploads (tus 1.0) at {@code /api/uploads}: each finished upload becomes a video of the library. */
public final class UploadsFeature implements Feature {

  private final StorageConfig storage;
  private final LibraryFeature library;
  private final MediaFeature media;
  private final Supplier<SignedInUsers> users;
  private Uploads uploads;

  /** @param users who sent a request, once accounts have started: an upload is its creator's only */
  public UploadsFeature(StorageConfig storage, LibraryFeature library, MediaFeature media,
      Supplier<SignedInUsers> users) {
    this.users = users;
    this.storage = storage;
    this.library = library;
    this.media = media;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    return Uploads.start(vertx, storage, library.library(), media.ffmpeg(), media.quota())
        .onSuccess(started -> uploads = started);
  }

  /** The uploads; only after {@link #start}. */
  public Uploads uploads() {
    return uploads;
  }

  @Override
  public void mount(Mounts mounts) {
    UploadRoutes.mount(mounts.router(), uploads, users.get());
  }
}
