package dev.livelens.social.comments;

import dev.livelens.db.Database;
import dev.livelens.db.DatabaseFeature;
import dev.livelens.library.LibraryFeature;
import dev.livelens.web.Feature;
import dev.livelens.web.Mounts;
import dev.livelens.web.OpenSockets;
import dev.livelens.web.SignedInUsers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.function.Supplier;

/**
 * Comments on videos: the API under {@code /api/videos/<id>/comments} and the watch page's live socket
 * {@code /ws/comments} (docs/social.md). The comments, their rate limits and the socket's checks are built
 * once per node; every event loop mounts the routes.
 */
public final class CommentsFeature implements Feature {

  private final DatabaseFeature database;
  private final LibraryFeature library;
  private final Supplier<SignedInUsers> users;
  private final OpenSockets sockets;
  private Comments comments;
  private CommentRoutes routes;
  private CommentSocket socket;

  /** @param sockets the node's long-lived sockets, told (1001) when it stops */
  public CommentsFeature(DatabaseFeature database, LibraryFeature library, Supplier<SignedInUsers> users,
      OpenSockets sockets) {
    this.database = database;
    this.library = library;
    this.users = users;
    this.sockets = sockets;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    Database db = database.database();
    comments = new Comments(vertx, new CommentStore(db.pool(), db.reads()));
    routes = new CommentRoutes(comments, library.library().videos(), users.get());
    socket = new CommentSocket(vertx, library.library().videos(), users.get(), sockets);
    return Future.succeededFuture();
  }

  /** The comments, for moderation; only after {@link #start}. */
  public Comments comments() {
    if (comments == null) {
      throw new IllegalStateException("comments have not started");
    }
    return comments;
  }

  @Override
  public void mount(Mounts mounts) {
    Router router = mounts.router();
    routes.mount(router);
    router.get("/ws/comments").handler(mounts.socket("/ws/comments", CommentSocket.MAX_MESSAGE_BYTES,
        socket::admit));
  }
}
