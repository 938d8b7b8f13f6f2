package dev.livelens.analytics;

import dev.livelens.web.SignedInUsers;
import java.util.function.Supplier;
import dev.livelens.db.DatabaseFeature;
import dev.livelens.library.LibraryFeature;
import dev.livelens.web.Feature;
import dev.livelens.web.Mounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Watch analytics: what players report, stored and summed, read by the analytics page and API. */
public final class AnalyticsFeature implements Feature {

  private final DatabaseFeature database;
  private final LibraryFeature library;
  private final MeterRegistry registry;
  private final Supplier<SignedInUsers> users;
  private AnalyticsRoutes routes;
  private Vertx vertx;
  private long pruneTimer = -1;

  /** @param users who sent a request, once accounts have started: analytics are the video owner's to read */
  public AnalyticsFeature(DatabaseFeature database, LibraryFeature library, MeterRegistry registry,
      Supplier<SignedInUsers> users) {
    this.users = users;
    this.database = database;
    this.library = library;
    this.registry = registry;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    this.vertx = vertx;
    routes = new AnalyticsRoutes(vertx, library.library().videos(), database.database(), registry,
        users.get());
    pruneTimer = vertx.setPeriodic(60_000, id -> routes.viewBudgets().prune(System.currentTimeMillis()));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    if (pruneTimer >= 0) {
      vertx.cancelTimer(pruneTimer);
    }
    return Future.succeededFuture();
  }

  /** The tables (tests back-date a view with it). */
  WatchStore store() {
    return routes.store();
  }

  @Override
  public void mount(Mounts mounts) {
    routes.mount(mounts);
  }
}
