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
  /** The holder of a recording's transcript while its live captions are heard (never a node's name). */
  static final String CAPTIONS = "live-captions";
  /** How long live captions hold a recording's transcript at most: a node that died holding it lets go then. */
  static final long CAPTIONS_HOLD_MS = 6 * 3_600_000L;

  /** A transcript's row: its state, not its words. */
  record State(String status, String language, String reason, int words) {
  }

  private final Pool pool;
  private final Pool reads;

  Transcripts(Pool pool, Pool reads) {
    this.pool = pool;
    this.reads = reads;
  }

  /**
   * Takes the video's transcript for {@code node} and starts it: processing, its old words gone. Taken only
   * when no transcript row is there, or one still processing whose lease lapsed before {@code lapsedBefore}
   * or is the node's own (an earlier run of it): one conditional upsert, so of two nodes at most one wins.
   *
   * @return whether this node took it
   */
  Future<Boolean> begin(String videoId, String language, String node, long until, long lapsedBefore) {
    return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO transcripts (video_id, status, language, "
            + "reason, words, updated_at, node, lease_until) VALUES (?, ?, ?, NULL, 0, ?, ?, ?) ON CONFLICT "
            + "(video_id) DO UPDATE SET status = excluded.status, language = excluded.language, reason = NULL, "
            + "words = 0, updated_at = excluded.updated_at, node = excluded.node, lease_until = "
            + "excluded.lease_until WHERE transcripts.status = ? AND (transcripts.lease_until < ? OR "
            + "transcripts.node = ?) AND (transcripts.node IS NULL OR transcripts.node <> ? OR "
            + "transcripts.lease_until < ?)")
        .execute(Tuple.of(videoId, PROCESSING, language, System.currentTimeMillis(), node, until)
            .addString(PROCESSING).addLong(lapsedBefore).addString(node).addString(CAPTIONS)
            .addLong(System.currentTimeMillis()))
        .compose(rows -> rows.rowCount() != 1 ? Future.succeededFuture(false)
            : conn.preparedQuery("DELETE FROM transcript_words WHERE video_id = ?").execute(Tuple.of(videoId))
                .map(true)));
  }

  /**
   * Holds a recording's transcript for its live captions (see {@link RecordingCaptions}): processing, under
   * the holder {@link #CAPTIONS} for {@link #CAPTIONS_HOLD_MS}, which no node takes before it lapses.
   */
  Future<Boolean> holdForCaptions(String videoId, String language) {
    long now = System.currentTimeMillis();
    return pool.preparedQuery("INSERT INTO transcripts (video_id, status, language, reason, words, updated_at, node, "
            + "lease_until) VALUES (?, ?, ?, NULL, 0, ?, ?, ?) ON CONFLICT (video_id) DO UPDATE SET lease_until = "
            + "excluded.lease_until WHERE transcripts.status = ? AND transcripts.node = ?")
        .execute(Tuple.of(videoId, PROCESSING, language, now, CAPTIONS, now + CAPTIONS_HOLD_MS).addString(PROCESSING)
            .addString(CAPTIONS))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Pushes back the lapse of the node's leases on the transcripts it is making. */
  Future<Integer> renew(String node, long until) {
    return pool.preparedQuery("UPDATE transcripts SET lease_until = ? WHERE node = ? AND status = ?")
        .execute(Tuple.of(until, node, PROCESSING)).map(rows -> rows.rowCount());
  }

  /**
   * Notes that the video (a cut being made) is words {@code fromWord..toWord} of {@code parentId}: its
   * transcript will be those words, re-timed. The row says processing, free for any node to take.
   */
  Future<Void> planCut(String videoId, String parentId, int fromWord, int toWord, String language) {
    return pool.preparedQuery("INSERT INTO transcripts (video_id, status, language, reason, words, updated_at, "
            + "lease_until, from_video, from_word, to_word) VALUES (?, ?, ?, NULL, 0, ?, 0, ?, ?, ?) "
            + "ON CONFLICT (video_id) DO NOTHING")
        .execute(Tuple.of(videoId, PROCESSING, language, System.currentTimeMillis(), parentId, fromWord)
            .addInteger(toWord)).mapEmpty();
  }

  /** The words a cut is made of, when it was cut by words: its parent and the first and last word's index. */
  record Plan(String parentId, int fromWord, int toWord) {
  }

  Future<Optional<Plan>> plan(String videoId) {
    return pool.preparedQuery("SELECT from_video, from_word, to_word FROM transcripts WHERE video_id = ? AND "
            + "from_video IS NOT NULL").execute(Tuple.of(videoId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next())
            .map(row -> new Plan(row.getString("from_video"), row.getInteger("from_word"),
                row.getInteger("to_word"))));
  }

  /**
   * The words, stored in one transaction with the transcript's end: ready, or no_speech when none.
   *
   * @param language what they were said in
   */
  Future<Void> finish(String videoId, List<Word> words, String language) {
    List<Tuple> rows = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      String next = i + 1 < words.size() ? words.get(i + 1).text() : "";
      rows.add(Tuple.of(videoId, i, w.text(), next, w.startMs(), w.endMs()).addInteger(w.conf()));
    }
    return pool.withTransaction(conn -> (rows.isEmpty() ? Future.succeededFuture()
            : conn.preparedQuery("INSERT INTO transcript_words (video_id, idx, word, next_word, start_ms, end_ms, "
                + "conf) VALUES (?, ?, ?, ?, ?, ?, ?)").executeBatch(rows))
        .compose(done -> conn.preparedQuery("UPDATE transcripts SET status = ?, words = ?, updated_at = ?, "
                + "language = ? WHERE video_id = ?")
            .execute(Tuple.of(words.isEmpty() ? NO_SPEECH : READY, words.size(), System.currentTimeMillis(),
                language, videoId))).mapEmpty());
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
        .compose(done -> conn.preparedQuery("DELETE FROM transcript_lines WHERE video_id = ?").execute(Tuple.of(videoId)))
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
