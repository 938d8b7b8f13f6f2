package dev.livelens.library;

import dev.livelens.config.LiveLensConfig;
import dev.livelens.config.PrivateFiles;
import dev.livelens.db.Database;
import dev.livelens.db.DatabaseFeature;
import dev.livelens.media.MediaFeature;
import dev.livelens.web.Deployed;
import dev.livelens.web.Feature;
import dev.livelens.web.KeyFile;
import dev.livelens.web.Mounts;
import java.time.Duration;
import dev.livelens.web.MovableThings;
import dev.livelens.web.OwnedThings;
import dev.livelens.web.SignedInUsers;
import java.util.function.Supplier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Path;

/**
 * The library of videos: their rows, their media files under the data directory, packaging for the web,
 * the API under {@code /api/videos} and the page {@code /library} ({@code /watch/<id>} is served by sharing, with
 * its link preview tags). Its lease keeper
 * renews this node's leases on unfinished videos and, at start, packages again what a stopped server left
 * half-made (in a cluster, only what no live node holds).
 */
public final class LibraryFeature implements Feature {

  private final LiveLensConfig config;
  private final DatabaseFeature database;
  private final MediaFeature media;
  private final LocalMediaStore store;
  private final Supplier<SignedInUsers> users;
  private Library library;
  private MediaLinks links;
  private VideoMakers makers = VideoMakers.NONE;
  private volatile VideoExtras extras = VideoExtras.NONE;
  private Deployed keeper = Deployed.NOTHING;

  /** @param users who sent a request, once accounts have started */
  public LibraryFeature(LiveLensConfig config, DatabaseFeature database, MediaFeature media,
      Supplier<SignedInUsers> users) {
    this.config = config;
    this.users = users;
    this.database = database;
    this.media = media;
    this.store = new LocalMediaStore(config.storage().dataDir());
  }

  @Override
  public Future<?> start(Vertx vertx) {
    Database db = database.database();
    VideoLeases leases = new VideoLeases(db.pool(), config.cluster().nodeName(), config.leases().leaseMs(),
        db.shared());
    library = new Library(new Videos(db.pool()), leases, store,
        media.ffmpeg().map(f -> new Packager(f, store, vertx.fileSystem())), vertx.fileSystem());
    Future<byte[]> key = vertx.executeBlocking(() -> KeyFile.loadOrCreate(config.storage().dataDir(),
        MediaLinks.KEY_FILE), false);
    // The media of every video beneath: owner-only, like the data directory.
    return vertx.executeBlocking(() -> PrivateFiles.directory(store.root()), false).compose(made -> key)
        .compose(bytes -> {
          links = new MediaLinks(bytes, Duration.ofMinutes(config.storage().mediaLinkMinutes()));
          return Deployed.deploy(vertx, new LeaseKeeper(library, config.leases().renewMs()));
        }).onSuccess(done -> keeper = done);
  }

  @Override
  public Future<?> stop() {
    return keeper.undeploy();
  }

  /** The library; only after {@link #start}. */
  public Library library() {
    if (library == null) {
      throw new IllegalStateException("the library has not started");
    }
    return library;
  }

  /** Where the media files live: known before start, for the disk quota. */
  public static Path mediaRoot(Path dataDir) {
    return new LocalMediaStore(dataDir).root();
  }

  /** What deleting a video stops first (the jobs feature sets it when it starts). */
  public void madeBy(VideoMakers makers) {
    this.makers = makers;
  }

  /** Deletes a video as its owner's DELETE does (what is making it stops first); false when it was gone. */
  public Future<Boolean> delete(String videoId) {
    return makers.stopMaking(videoId).compose(stopped -> stopped ? Future.succeededFuture(true)
        : library().delete(videoId));
  }

  /** The video's API shape with its media links signed for whoever is shown it (see {@link MediaLinks}). */
  public JsonObject signedJson(Video video) {
    return links.signed(video, video.toJson());
  }

  /** What the videos' JSON carries besides the library's own fields (the social feature sets it when it starts). */
  public void extendedBy(VideoExtras extras) {
    this.extras = extras;
  }

  /** Every video an owner has, with its files and whatever was still making it (a guest that expired). */
  public OwnedThings ownedThings() {
    return ownerId -> library().videos().idsOwnedBy(ownerId).compose(ids -> {
      Future<Boolean> chain = Future.succeededFuture(true);
      for (String id : ids) {
        chain = chain.compose(done -> makers.stopMaking(id))
            .compose(stopped -> stopped ? Future.succeededFuture(true) : library.delete(id));
      }
      return chain.mapEmpty();
    });
  }

  /** Every video an owner has, moved into an account that a guest's browser signed in to. */
  public MovableThings movableThings() {
    return MovableThings.rows("videos", () -> database.database().pool(), "videos", "");
  }

  @Override
  public void mount(Mounts mounts) {
    Router router = mounts.router();
    SignedInUsers signedIn = users.get();
    VideoRoutes.mount(router, library, videoId -> makers.stopMaking(videoId), signedIn, links, () -> extras);
    VideoRoutes.mountMedia(mounts.router("/api/videos"), store, library, links);
    router.get("/library").handler(Mounts.page("/library.html"));
  }
}
