package dev.livelens.analytics;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The analytics tables: views, raw events stored once each, and the aggregates they update. */
final class WatchStore {

  /** What the server keeps of a view between batches. */
  record View(String id, String videoId, long lastEventAt, long stallStartedAt) {
  }

  private final Pool pool;

  WatchStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> createView(String id, String videoId, String viewer, long now) {
    return pool.preparedQuery("INSERT INTO watch_views (id, video_id, viewer, started_at, last_event_at) "
        + "VALUES (?, ?, ?, ?, ?)").execute(Tuple.of(id, videoId, viewer, now, -1L)).mapEmpty();
  }

  Future<Optional<View>> findView(String id) {
    return pool.preparedQuery("SELECT id, video_id, last_event_at, stall_started_at FROM watch_views WHERE id = ?")
        .execute(Tuple.of(id)).map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          Long stall = row.getLong("stall_started_at");
          return Optional.of(new View(row.getString("id"), row.getString("video_id"), row.getLong("last_event_at"),
              stall == null ? -1 : stall));
        });
  }

  /**
   * Stores the events this view has not stored yet and adds their effects to the aggregates, all in one
   * transaction: a batch is counted whole or not at all. Returns how many were new.
   */
  Future<Integer> ingest(View view, List<WatchEvent> events, long now) {
    return pool.withTransaction(conn -> storedSeqs(conn, view.id(), events).compose(stored -> {
      List<WatchEvent> fresh = new ArrayList<>();
      Set<Long> seen = new HashSet<>(stored);
      for (WatchEvent event : events) {
        if (seen.add(event.seq())) {
          fresh.add(event);
        }
      }
      if (fresh.isEmpty()) {
        return Future.succeededFuture(0);
      }
      WatchEffects effects = new WatchEffects(view.stallStartedAt());
      fresh.forEach(effects::add);
      return insertEvents(conn, view, fresh, now)
          .compose(v -> addSeconds(conn, view.videoId(), effects))
          .compose(v -> addRates(conn, view.videoId(), effects))
          .compose(v -> updateView(conn, view.id(), effects))
          .map(fresh.size());
    }));
  }

  private static Future<Set<Long>> storedSeqs(SqlConnection conn, String viewId, List<WatchEvent> events) {
    long min = events.stream().mapToLong(WatchEvent::seq).min().orElse(0);
    long max = events.stream().mapToLong(WatchEvent::seq).max().orElse(0);
    return conn.preparedQuery("SELECT seq FROM watch_events WHERE view_id = ? AND seq BETWEEN ? AND ?")
        .execute(Tuple.of(viewId, min, max)).map(rows -> {
          Set<Long> seqs = new HashSet<>();
          rows.forEach(row -> seqs.add(row.getLong("seq")));
          return seqs;
        });
  }

  private static Future<Void> insertEvents(SqlConnection conn, View view, List<WatchEvent> events, long now) {
    List<Tuple> rows = events.stream().map(e -> Tuple.of(view.id(), e.seq(), view.videoId(), e.type(),
        e.body().encode(), now)).toList();
    return conn.preparedQuery("INSERT INTO watch_events (view_id, seq, video_id, type, body, received_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)").executeBatch(rows).mapEmpty();
  }

  private static Future<Void> addSeconds(SqlConnection conn, String videoId, WatchEffects effects) {
    if (effects.seconds.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = new ArrayList<>();
    effects.seconds.forEach((second, c) -> rows.add(Tuple.of(videoId, second, c.plays, c.skips, c.rewatches,
        c.stalls, c.pauses)));
    return conn.preparedQuery("INSERT INTO watch_seconds (video_id, second, plays, skips, rewatches, stalls, pauses) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (video_id, second) DO UPDATE SET "
        + "plays = watch_seconds.plays + excluded.plays, skips = watch_seconds.skips + excluded.skips, "
        + "rewatches = watch_seconds.rewatches + excluded.rewatches, stalls = watch_seconds.stalls + excluded.stalls, "
        + "pauses = watch_seconds.pauses + excluded.pauses").executeBatch(rows).mapEmpty();
  }

  private static Future<Void> addRates(SqlConnection conn, String videoId, WatchEffects effects) {
    if (effects.rateMs.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = new ArrayList<>();
    effects.rateMs.forEach((rate, ms) -> rows.add(Tuple.of(videoId, rate, ms)));
    return conn.preparedQuery("INSERT INTO watch_rates (video_id, rate, ms) VALUES (?, ?, ?) "
        + "ON CONFLICT (video_id, rate) DO UPDATE SET ms = watch_rates.ms + excluded.ms").executeBatch(rows)
        .mapEmpty();
  }

  private static Future<Void> updateView(SqlConnection conn, String viewId, WatchEffects e) {
    return conn.preparedQuery("UPDATE watch_views SET watched_ms = watched_ms + ?, pauses = pauses + ?, "
            + "stalls = stalls + ?, stall_ms = stall_ms + ?, seeks = seeks + ?, "
            + "longest_stall_ms = CASE WHEN longest_stall_ms > ? THEN longest_stall_ms ELSE ? END, "
            + "completed = CASE WHEN ? = 1 THEN 1 ELSE completed END, "
            + "last_event_at = CASE WHEN last_event_at > ? THEN last_event_at ELSE ? END, stall_started_at = ? "
            + "WHERE id = ?")
        .execute(Tuple.from(List.of(e.watchedMs, e.pauses, e.stalls, e.stallMs, e.seeks, e.longestStallMs,
            e.longestStallMs, e.completed ? 1 : 0, e.lastEventAt, e.lastEventAt)).addValue(
            e.stallStartedAt < 0 ? null : e.stallStartedAt).addString(viewId))
        .mapEmpty();
  }

  Pool pool() {
    return pool;
  }
}
