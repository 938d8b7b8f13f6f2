package dev.livelens.subtitles;

import dev.livelens.media.FailureReason;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The transcripts and their words: every read and write of them, in portable SQL. */
final class Transcripts {

  static final String PROCESSING = "processing";
  static final String READY = "ready";
  static final String FAILED = "failed";
  static final String NO_SPEECH = "no_speech";
  /** A video not transcribed (yet): it became ready while transcripts were off, or just now. */
  static final String NONE = "none";

  /** A transcript's row: its state, not its words. */
  record State(String status, String language, String reason, int words) {
  }

  /** A word said in a video, found by a search. */
  record Hit(String videoId, String title, int idx, int startMs) {
  }

  private final Pool pool;
  private final Pool reads;

  Transcripts(Pool pool, Pool reads) {
    this.pool = pool;
    this.reads = reads;
  }

  /** Starts (or starts again) a video's transcript: processing, its old words gone. */
  Future<Void> begin(String videoId, String language) {
    return pool.withTransaction(conn -> conn.preparedQuery("DELETE FROM transcript_words WHERE video_id = ?")
        .execute(Tuple.of(videoId))
        .compose(done -> conn.preparedQuery("INSERT INTO transcripts (video_id, status, language, reason, words, "
                + "updated_at) VALUES (?, ?, ?, NULL, 0, ?) ON CONFLICT (video_id) DO UPDATE SET status = "
                + "excluded.status, language = excluded.language, reason = NULL, words = 0, updated_at = "
                + "excluded.updated_at")
            .execute(Tuple.of(videoId, PROCESSING, language, System.currentTimeMillis()))).mapEmpty());
  }

  /** The words, stored in one transaction with the transcript's end: ready, or no_speech when none. */
  Future<Void> finish(String videoId, List<Word> words) {
    List<Tuple> rows = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      rows.add(Tuple.of(videoId, i, w.text(), w.startMs(), w.endMs(), w.conf()));
    }
    return pool.withTransaction(conn -> (rows.isEmpty() ? Future.succeededFuture()
            : conn.preparedQuery("INSERT INTO transcript_words (video_id, idx, word, start_ms, end_ms, conf) "
                + "VALUES (?, ?, ?, ?, ?, ?)").executeBatch(rows))
        .compose(done -> conn.preparedQuery("UPDATE transcripts SET status = ?, words = ?, updated_at = ? "
                + "WHERE video_id = ?")
            .execute(Tuple.of(words.isEmpty() ? NO_SPEECH : READY, words.size(), System.currentTimeMillis(),
                videoId))).mapEmpty());
  }

  Future<Void> end(String videoId, String status, String reason) {
    String shown = reason == null ? null : FailureReason.safe(reason);
    String shortReason = shown == null || shown.length() <= 1000 ? shown : shown.substring(0, 1000);
    return pool.preparedQuery("UPDATE transcripts SET status = ?, reason = ?, updated_at = ? WHERE video_id = ?")
        .execute(Tuple.of(status, shortReason, System.currentTimeMillis(), videoId)).mapEmpty();
  }

  /** A deleted video's transcript and words. */
  Future<Void> forget(String videoId) {
    return pool.withTransaction(conn -> conn.preparedQuery("DELETE FROM transcript_words WHERE video_id = ?")
        .execute(Tuple.of(videoId))
        .compose(done -> conn.preparedQuery("DELETE FROM transcripts WHERE video_id = ?").execute(Tuple.of(videoId)))
        .mapEmpty());
  }

  /** The video's transcript; {@link #NONE} when the video has none yet, empty when there is no such video. */
  Future<Optional<State>> find(String videoId) {
    // The writer's pool, as the library's own find: a video just made is seen at once.
    return pool.preparedQuery("SELECT t.status, t.language, t.reason, t.words FROM videos v LEFT JOIN "
            + "transcripts t ON t.video_id = v.id WHERE v.id = ?")
        .execute(Tuple.of(videoId)).map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(
            state(rows.iterator().next())));
  }

  /** The words from index {@code from} up to {@code to}, in the order spoken. */
  Future<List<Word>> words(String videoId, int from, int to) {
    return reads.preparedQuery("SELECT word, start_ms, end_ms, conf FROM transcript_words WHERE video_id = ? "
            + "AND idx >= ? AND idx <= ? ORDER BY idx").execute(Tuple.of(videoId, from, to))
        .map(rows -> {
          List<Word> words = new ArrayList<>(rows.size());
          rows.forEach(row -> words.add(new Word(row.getString("word"), row.getInteger("start_ms"),
              row.getInteger("end_ms"), row.getInteger("conf"))));
          return words;
        });
  }

  /**
   * Where the words of {@code phrase} were said one after the other, in ready videos, newest video first:
   * each word found through the word index, the next ones by their place beside it.
   */
  Future<List<Hit>> search(List<String> phrase, int limit) {
    StringBuilder sql = new StringBuilder("SELECT v.id, v.title, w0.idx, w0.start_ms FROM transcript_words w0 "
        + "JOIN videos v ON v.id = w0.video_id");
    for (int i = 1; i < phrase.size(); i++) {
      sql.append(" JOIN transcript_words w").append(i).append(" ON w").append(i).append(".video_id = w0.video_id")
          .append(" AND w").append(i).append(".idx = w0.idx + ").append(i).append(" AND w").append(i)
          .append(".word = ?");
    }
    sql.append(" WHERE w0.word = ? AND v.status = 'ready' ORDER BY v.created_at DESC, v.id, w0.idx LIMIT ?");
    Tuple params = Tuple.tuple();
    phrase.subList(1, phrase.size()).forEach(params::addString);
    params.addString(phrase.get(0)).addInteger(limit);
    return reads.preparedQuery(sql.toString()).execute(params).map(rows -> {
      List<Hit> hits = new ArrayList<>(rows.size());
      rows.forEach(row -> hits.add(new Hit(row.getString("id"), row.getString("title"), row.getInteger("idx"),
          row.getInteger("start_ms"))));
      return hits;
    });
  }

  /**
   * Ready videos without a finished transcript: never transcribed (made before transcripts existed, or while
   * they were off) or cut short when the server stopped.
   */
  Future<List<String>> untranscribed(int limit) {
    return reads.preparedQuery("SELECT v.id FROM videos v WHERE v.status = 'ready' AND NOT EXISTS (SELECT 1 "
            + "FROM transcripts t WHERE t.video_id = v.id AND t.status <> ?) ORDER BY v.created_at DESC LIMIT ?")
        .execute(Tuple.of(PROCESSING, limit)).map(rows -> {
          List<String> ids = new ArrayList<>(rows.size());
          rows.forEach(row -> ids.add(row.getString("id")));
          return ids;
        });
  }

  private static State state(Row row) {
    return row.getString("status") == null ? new State(NONE, null, null, 0) : new State(row.getString("status"),
        row.getString("language"), row.getString("reason"), row.getInteger("words"));
  }
}
