package dev.livelens.analytics;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** One player's batch: its view and its checked events. */
  record Batch(View view, List<WatchEvent> events) {
  }

  /**
   * Stores the events of these batches that were not stored yet and adds their effects to the aggregates,
   * all in one transaction with five statements however many batches there are (SQLite's one writer
   * then spends its time on rows, not on statements): a batch is counted whole or not at all, and once.
   * Returns how many events of each batch were new, in order.
   */
  Future<List<Integer>> ingest(List<Batch> batches, long now) {
    return pool.withTransaction(conn -> storedSeqs(conn, batches).compose(stored -> {
      Map<String, WatchEffects> perView = new LinkedHashMap<>();
      Map<String, String> videoOf = new HashMap<>();
      List<Tuple> eventRows = new ArrayList<>();
      List<Integer> fresh = new ArrayList<>();
      for (Batch batch : batches) {
        View view = batch.view();
        WatchEffects effects = perView.computeIfAbsent(view.id(), id -> new WatchEffects(view.stallStartedAt()));
        videoOf.put(view.id(), view.videoId());
        int added = 0;
        for (WatchEvent event : batch.events()) {
          if (stored.add(view.id() + "/" + event.seq())) {
            effects.add(event);
            eventRows.add(Tuple.of(view.id(), event.seq(), view.videoId(), event.type(), event.body().encode(), now));
            added++;
          }
        }
        fresh.add(added);
      }
      if (eventRows.isEmpty()) {
        return Future.succeededFuture(fresh);
      }
      return conn.preparedQuery("INSERT INTO watch_events (view_id, seq, video_id, type, body, received_at) "
              + "VALUES (?, ?, ?, ?, ?, ?)").executeBatch(eventRows)
          .compose(v -> addSeconds(conn, perView, videoOf))
          .compose(v -> addRates(conn, perView, videoOf))
          .compose(v -> updateViews(conn, perView))
          .map(fresh);
    }));
  }

  /** "view/seq" of every event of these batches that is stored already. */
  private static Future<Set<String>> storedSeqs(SqlConnection conn, List<Batch> batches) {
    StringBuilder where = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (Batch batch : batches) {
      where.append(where.length() == 0 ? "" : " OR ").append("(view_id = ? AND seq BETWEEN ? AND ?)");
      params.add(batch.view().id());
      params.add(batch.events().stream().mapToLong(WatchEvent::seq).min().orElse(0));
      params.add(batch.events().stream().mapToLong(WatchEvent::seq).max().orElse(0));
    }
    return conn.preparedQuery("SELECT view_id, seq FROM watch_events WHERE " + where).execute(Tuple.wrap(params))
        .map(rows -> {
          Set<String> seqs = new HashSet<>();
          rows.forEach(row -> seqs.add(row.getString("view_id") + "/" + row.getLong("seq")));
          return seqs;
        });
  }

  private static Future<Void> addSeconds(SqlConnection conn, Map<String, WatchEffects> perView,
      Map<String, String> videoOf) {
    Map<String, WatchEffects.Second> merged = new LinkedHashMap<>();
    perView.forEach((view, effects) -> effects.seconds.forEach((second, c) -> {
      WatchEffects.Second sum = merged.computeIfAbsent(videoOf.get(view) + "/" + second, k -> new WatchEffects.Second());
      sum.plays += c.plays;
      sum.skips += c.skips;
      sum.rewatches += c.rewatches;
      sum.stalls += c.stalls;
      sum.pauses += c.pauses;
    }));
    if (merged.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = new ArrayList<>();
    merged.forEach((key, c) -> {
      int slash = key.lastIndexOf('/');
      rows.add(Tuple.of(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)), c.plays, c.skips,
          c.rewatches, c.stalls, c.pauses));
    });
    return conn.preparedQuery("INSERT INTO watch_seconds (video_id, second, plays, skips, rewatches, stalls, pauses) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (video_id, second) DO UPDATE SET "
        + "plays = watch_seconds.plays + excluded.plays, skips = watch_seconds.skips + excluded.skips, "
        + "rewatches = watch_seconds.rewatches + excluded.rewatches, stalls = watch_seconds.stalls + excluded.stalls, "
        + "pauses = watch_seconds.pauses + excluded.pauses").executeBatch(rows).mapEmpty();
  }

  private static Future<Void> addRates(SqlConnection conn, Map<String, WatchEffects> perView,
      Map<String, String> videoOf) {
    Map<String, Long> merged = new LinkedHashMap<>();
    perView.forEach((view, effects) -> effects.rateMs.forEach((rate, ms) ->
        merged.merge(videoOf.get(view) + "/" + rate, ms, Long::sum)));
    if (merged.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = new ArrayList<>();
    merged.forEach((key, ms) -> {
      int slash = key.lastIndexOf('/');
      rows.add(Tuple.of(key.substring(0, slash), key.substring(slash + 1), ms));
    });
    return conn.preparedQuery("INSERT INTO watch_rates (video_id, rate, ms) VALUES (?, ?, ?) "
        + "ON CONFLICT (video_id, rate) DO UPDATE SET ms = watch_rates.ms + excluded.ms").executeBatch(rows)
        .mapEmpty();
  }

  private static Future<Void> updateViews(SqlConnection conn, Map<String, WatchEffects> perView) {
    List<Tuple> rows = new ArrayList<>();
    perView.forEach((viewId, e) -> rows.add(Tuple.from(List.of(e.watchedMs, e.pauses, e.stalls, e.stallMs, e.seeks,
        e.longestStallMs, e.longestStallMs, e.completed ? 1 : 0, e.lastEventAt, e.lastEventAt))
        .addValue(e.stallStartedAt < 0 ? null : e.stallStartedAt).addString(viewId)));
    return conn.preparedQuery("UPDATE watch_views SET watched_ms = watched_ms + ?, pauses = pauses + ?, "
            + "stalls = stalls + ?, stall_ms = stall_ms + ?, seeks = seeks + ?, "
            + "longest_stall_ms = CASE WHEN longest_stall_ms > ? THEN longest_stall_ms ELSE ? END, "
            + "completed = CASE WHEN ? = 1 THEN 1 ELSE completed END, "
            + "last_event_at = CASE WHEN last_event_at > ? THEN last_event_at ELSE ? END, stall_started_at = ? "
            + "WHERE id = ?")
        .executeBatch(rows).mapEmpty();
  }

  Pool pool() {
    return pool;
  }
}
