package dev.livelens.analytics;

import dev.livelens.library.Permissions;
import dev.livelens.web.CloseCodes;
import dev.livelens.web.Failures;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import dev.livelens.db.Database;
import dev.livelens.web.ApiErrors;
import dev.livelens.web.Mounts;
import dev.livelens.web.Problem;
import dev.livelens.web.SocketUpgrade.Admitted;
import dev.livelens.library.VideoIds;
import dev.livelens.library.Videos;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Watch analytics: the players' socket {@code /ws/watch}, the API, the live feed of an analytics page and
 * the page itself at {@code /watch/<id>/analytics}. Built once per node; mounted on every event loop.
 */
final class AnalyticsRoutes {

  /** Events a player connection may send a second (twice that in a burst, after a reconnect). */
  static final int EVENTS_PER_SECOND = 100;
  private static final int SUMMARY_TOP = 5;

  private final Vertx vertx;
  private final Videos videos;
  private final WatchStore store;
  private final AnalyticsWriter writer;
  private final AnalyticsReader reader;
  private final AnalyticsMetrics metrics;
  private final ViewBudgets viewBudgets = new ViewBudgets();
  private final SignedInUsers users;

  AnalyticsRoutes(Vertx vertx, Videos videos, Database database, MeterRegistry registry, SignedInUsers users) {
    this.vertx = vertx;
    this.users = users;
    this.videos = videos;
    this.store = new WatchStore(database.pool());
    this.writer = new AnalyticsWriter(store, vertx.getOrCreateContext());
    this.reader = new AnalyticsReader(database.reads());
    this.metrics = new AnalyticsMetrics(registry);
  }

  WatchStore store() {
    return store;
  }

  ViewBudgets viewBudgets() {
    return viewBudgets;
  }

  void mount(Mounts mounts) {
    Router router = mounts.router();
    router.get("/ws/watch").handler(mounts.socket("/ws/watch", WatchSocket.MAX_MESSAGE_BYTES,
        ctx -> Admitted.to((socket, messages) -> new WatchSocket(vertx, socket, videos, store, writer, metrics,
            EVENTS_PER_SECOND, viewBudgets, users.of(ctx.request())).start(messages))));
    router.get("/ws/analytics").handler(mounts.socket("/ws/analytics", AnalyticsFeed.MAX_MESSAGE_BYTES,
        this::feedSocket));
    router.get("/api/videos/:id/analytics").handler(this::analytics);
    router.get("/api/analytics/summary").handler(this::summary);
    router.get("/watch/:id/analytics").handler(Mounts.page("/analytics.html"));
  }

  private Admitted feedSocket(RoutingContext ctx) {
    String id = ctx.request().getParam("video");
    if (!VideoIds.isValid(id)) {
      throw Problem.badRequest("bad_request", "open /ws/analytics?video=<id> with a video's id");
    }
    Optional<User> caller = users.of(ctx.request());
    // Whose video it is is known only after the upgrade (the check reads the database): anyone but its
    // owner is closed at once, before any change is sent.
    return Admitted.to((socket, messages) -> Permissions.changeable(videos, id, caller)
        .onSuccess(video -> AnalyticsFeed.serve(vertx, socket, messages, id))
        .onFailure(error -> socket.close(CloseCodes.POLICY_VIOLATION, error instanceof Problem problem
            ? problem.code() : "not_found")));
  }

  /** A video's analytics: its owner's (or an admin's) to read. */
  private void analytics(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Permissions.changeable(videos, id, users.of(ctx.request())).compose(video -> {
      Long duration = video.durationMs();
      return reader.video(id, duration == null ? 0 : duration).onSuccess(json -> ApiErrors.json(ctx, 200,
          json.put("durationMs", duration).put("title", video.title())));
    }).onFailure(error -> Failures.answer(ctx, error));
  }

  /** Across the caller's own videos (an admin's: everyone's); nothing for a visitor who made none. */
  private void summary(RoutingContext ctx) {
    Optional<User> caller = users.of(ctx.request());
    (caller.isEmpty() ? Future.succeededFuture(new JsonObject().put("mostWatched", new JsonArray())
        .put("mostSkipped", new JsonArray()))
        : reader.summary(SUMMARY_TOP, caller.get().admin() ? null : caller.get().id()))
        .onSuccess(json -> ApiErrors.json(ctx, 200, json)).onFailure(ctx::fail);
  }
}
