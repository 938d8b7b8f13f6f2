package dev.livelens.social;

import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The feed's pages: "For you" (ranked from the score board) and "Following" (the followed people's newest).
 * Whatever the ranking says, each video is read again as it is shown, and only public, ready ones pass: a
 * video made private a second ago is not shown.
 */
final class Feed {

  /** The newest public videos ranked beside the snapshot's, so a video posted since its refresh can show. */
  private static final int FRESH = 100;
  private static final long FRESH_MS = 2_000;

  private record Newest(List<VideoStats> videos, long readAt) {
  }

  private final AtomicReference<Newest> newest = new AtomicReference<>();

  private final Pool reads;
  private final Follows follows;
  private final ShownVideos shown;
  private final Supplier<ScoreBoard> board;

  Feed(Pool reads, Follows follows, ShownVideos shown, Supplier<ScoreBoard> board) {
    this.reads = reads;
    this.follows = follows;
    this.shown = shown;
    this.board = board;
  }

  Future<JsonArray> forYou(Optional<User> caller, String viewer, int offset, int limit) {
    Future<Set<Long>> followed = caller.map(user -> follows.followees(user.id())).orElse(Future.succeededFuture(Set.of()));
    Future<Set<String>> completed = viewer == null ? Future.succeededFuture(Set.of())
        : reads.preparedQuery("SELECT video_id FROM watch_views WHERE viewer = ? AND completed = 1 LIMIT 1000")
            .execute(Tuple.of(viewer)).map(rows -> {
              Set<String> ids = new HashSet<>();
              rows.forEach(row -> ids.add(row.getString("video_id")));
              return ids;
            });
    ScoreBoard now = board.get();
    Future<List<VideoStats>> fresh = newest(now);
    return Future.all(followed, completed, fresh).compose(done -> {
      List<VideoStats> candidates = new ArrayList<>(now.videos().values());
      fresh.result().stream().filter(s -> !now.videos().containsKey(s.id())).forEach(candidates::add);
      List<String> ids = ForYou.rank(candidates, now.videos(), new ForYou.Viewer(followed.result(),
          completed.result()), System.currentTimeMillis(), offset, limit);
      return shown(ids, caller);
    });
  }

  /**
   * The newest public videos, read at most once every {@link #FRESH_MS} on this node (every request of a
   * busy feed would otherwise read the same hundred rows); their stats as the snapshot has them.
   */
  private Future<List<VideoStats>> newest(ScoreBoard now) {
    Newest known = newest.get();
    long at = System.currentTimeMillis();
    Future<List<VideoStats>> rows = known != null && at - known.readAt() < FRESH_MS
        ? Future.succeededFuture(known.videos())
        : reads.preparedQuery("SELECT id, owner_id, created_at, duration_ms FROM videos WHERE visibility = 'public' "
            + "AND status = 'ready' ORDER BY created_at DESC LIMIT ?").execute(Tuple.of(FRESH)).map(found -> {
              List<VideoStats> list = new ArrayList<>();
              found.forEach(row -> {
                Long duration = row.getLong("duration_ms");
                list.add(VideoStats.unmeasured(row.getString("id"), row.getLong("owner_id"), row.getLong("created_at"),
                    duration == null ? 0 : duration));
              });
              newest.set(new Newest(List.copyOf(list), at));
              return list;
            });
    return rows.map(list -> list.stream().map(s -> now.videos().getOrDefault(s.id(), s)).toList());
  }

  /** The public videos of the people the caller follows, newest first. */
  Future<JsonArray> following(Optional<User> caller, int offset, int limit) {
    if (caller.isEmpty()) {
      return Future.succeededFuture(new JsonArray());
    }
    return reads.preparedQuery("SELECT v.id FROM videos v JOIN follows f ON f.followee_id = v.owner_id "
        + "WHERE f.follower_id = ? AND v.visibility = 'public' AND v.status = 'ready' "
        + "ORDER BY v.created_at DESC, v.id LIMIT ? OFFSET ?").execute(Tuple.of(caller.get().id(), limit, offset))
        .compose(rows -> {
          List<String> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getString("id")));
          return shown(ids, caller);
        });
  }

  private Future<JsonArray> shown(List<String> ids, Optional<User> caller) {
    return shown.of(ids, caller, ShownVideos.PUBLIC_READY);
  }
}
