package dev.livelens.analytics;

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

  AnalyticsRoutes(Vertx vertx, Videos videos, Database database, MeterRegistry registry) {
    this.vertx = vertx;
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
            EVENTS_PER_SECOND, viewBudgets).start(messages))));
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
    return Admitted.to((socket, messages) -> AnalyticsFeed.serve(vertx, socket, messages, id));
  }

  private void analytics(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!VideoIds.isValid(id)) {
      ApiErrors.send(ctx, 404, "not_found", "there is no video with the id '" + id + "'");
      return;
    }
    videos.find(id).compose(found -> {
      if (found.isEmpty()) {
        ApiErrors.send(ctx, 404, "not_found", "there is no video with the id '" + id + "'");
        return Future.succeededFuture();
      }
      Long duration = found.get().durationMs();
      return reader.video(id, duration == null ? 0 : duration).onSuccess(json -> ApiErrors.json(ctx, 200,
          json.put("durationMs", duration).put("title", found.get().title())));
    }).onFailure(ctx::fail);
  }

  private void summary(RoutingContext ctx) {
    reader.summary(SUMMARY_TOP).onSuccess(json -> ApiErrors.json(ctx, 200, json)).onFailure(ctx::fail);
  }
}
