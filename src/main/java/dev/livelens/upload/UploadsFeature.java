package dev.livelens.upload;

import dev.livelens.bus.Addresses;
import dev.livelens.web.MovableThings;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
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
  private Vertx vertx;

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
    this.vertx = vertx;
    return Uploads.start(vertx, storage, library.library(), media.ffmpeg(), media.quota())
        .compose(started -> {
          uploads = started;
          // An upload lives on the node that took it: every node moves its own when a guest's things move.
          return vertx.eventBus().<JsonObject>consumer(Addresses.OWNER_MOVED, message -> started.moveOwner(
              message.body().getLong("from"), message.body().getLong("to"))).completion();
        });
  }

  /**
   * A guest's uploads in progress, moved into an account that its browser signed in to: counted and moved
   * on this node before the answer, then on every other node (told over the bus, each moves its own).
   */
  public MovableThings movableThings() {
    return new MovableThings() {
      @Override
      public String kind() {
        return "uploads";
      }

      @Override
      public Future<Long> count(long ownerId) {
        return Future.succeededFuture(uploads.inProgress(ownerId));
      }

      @Override
      public Future<Void> move(SqlConnection tx, long from, long to) {
        // This node's at once (the answer to the move follows them); the other nodes' as they hear it.
        return uploads.moveOwner(from, to).onSuccess(done -> vertx.eventBus().publish(Addresses.OWNER_MOVED,
            new JsonObject().put("from", from).put("to", to)));
      }
    };
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
