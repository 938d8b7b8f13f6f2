package dev.livelens.social.moderation;

import dev.livelens.db.DatabaseFeature;
import dev.livelens.library.LibraryFeature;
import dev.livelens.social.comments.CommentsFeature;
import dev.livelens.web.Feature;
import dev.livelens.web.Mounts;
import dev.livelens.web.SignedInUsers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.function.Supplier;

/** Reports of comments and videos, and the admins' queue at {@code /moderation} (docs/social.md). */
public final class ModerationFeature implements Feature {

  private final DatabaseFeature database;
  private final LibraryFeature library;
  private final CommentsFeature comments;
  private final Supplier<SignedInUsers> users;
  private ModerationRoutes routes;

  public ModerationFeature(DatabaseFeature database, LibraryFeature library, CommentsFeature comments,
      Supplier<SignedInUsers> users) {
    this.database = database;
    this.library = library;
    this.comments = comments;
    this.users = users;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    routes = new ModerationRoutes(new Reports(database.database().pool()), comments.comments(), library, users.get());
    return Future.succeededFuture();
  }

  @Override
  public void mount(Mounts mounts) {
    Router router = mounts.router();
    routes.mount(router);
    router.get("/moderation").handler(Mounts.page("/moderation.html"));
  }
}
