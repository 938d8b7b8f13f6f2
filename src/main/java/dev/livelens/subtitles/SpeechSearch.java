package dev.livelens.subtitles;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a phrase was said, in ready videos, newest video first. The query walks the videos newest first
 * (their index on {@code created_at}) and looks each one up by its first word and the word after it (the
 * index on {@code (video_id, word, next_word, idx)}), the phrase's further words by their place: a common
 * word stops after the first few videos, a rare one costs one index probe a video; nothing is scanned.
 * SQLite plans without statistics: {@code CROSS JOIN} keeps it to that order, and {@code status || ''} keeps
 * it off the index on status (which would find every ready video, then sort them all). PostgreSQL's planner
 * chooses from its statistics: that walk for a common word, the index on {@code (word, next_word)} and a
 * sort of the few hits for a rare one.
 */
final class SpeechSearch {

  /** A word said in a video, found by a search. */
  record Hit(String videoId, String title, int idx, int startMs) {
  }

  private final Pool reads;
  private final boolean planned;

  /** @param planned whether the database plans from statistics (PostgreSQL) rather than from rules (SQLite) */
  SpeechSearch(Pool reads, boolean planned) {
    this.reads = reads;
    this.planned = planned;
  }

  Future<List<Hit>> search(List<String> phrase, int limit) {
    Tuple params = Tuple.tuple();
    phrase.subList(Math.min(2, phrase.size()), phrase.size()).forEach(params::addString);
    params.addString(phrase.get(0));
    if (phrase.size() > 1) {
      params.addString(phrase.get(1));
    }
    return reads.preparedQuery(sql(phrase.size(), planned)).execute(params.addInteger(limit)).map(rows -> {
      List<Hit> hits = new ArrayList<>(rows.size());
      rows.forEach(row -> hits.add(new Hit(row.getString("id"), row.getString("title"), row.getInteger("idx"),
          row.getInteger("start_ms"))));
      // Each video's hits in the order said; the videos stay newest first (a stable sort within runs).
      Map<String, Integer> place = new HashMap<>();
      hits.forEach(hit -> place.putIfAbsent(hit.videoId(), place.size()));
      hits.sort(Comparator.comparing((Hit hit) -> place.get(hit.videoId())).thenComparingInt(Hit::idx));
      return hits;
    });
  }

  /**
   * The query for a phrase of {@code words} words; its parameters: the third word onwards, the first word,
   * the second (if any), the limit. The benchmark (bench/speech) times this very text.
   */
  static String sql(int words, boolean planned) {
    StringBuilder sql = new StringBuilder("SELECT v.id, v.title, w0.idx, w0.start_ms FROM videos v CROSS JOIN "
        + "transcript_words w0");
    for (int i = 2; i < words; i++) {
      sql.append(" JOIN transcript_words w").append(i).append(" ON w").append(i).append(".video_id = w0.video_id")
          .append(" AND w").append(i).append(".idx = w0.idx + ").append(i).append(" AND w").append(i)
          .append(".word = ?");
    }
    sql.append(planned ? " WHERE v.status = 'ready'" : " WHERE v.status || '' = 'ready'")
        .append(" AND w0.video_id = v.id AND w0.word = ?");
    if (words > 1) {
      sql.append(" AND w0.next_word = ?");
    }
    // Not "w0.idx" too: SQLite would then sort every hit rather than walk the videos in order (the hits of a
    // video are put in order after).
    return sql.append(" ORDER BY v.created_at DESC, v.id LIMIT ?").toString();
  }
}
