package dev.livelens.subtitles;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A ready transcript's lines (its cues) as people read them: made from its words, with the texts its owner
 * corrected in place of what was recognised. A correction is kept per line (its first and last word); the
 * line's times stay those of its words.
 */
final class Lines {

  static final int MAX_TEXT = 1000;

  private final Pool pool;
  private final Transcripts transcripts;

  Lines(Pool pool, Transcripts transcripts) {
    this.pool = pool;
    this.transcripts = transcripts;
  }

  /** Every line of the video's transcript, corrected. */
  Future<List<Cues.Cue>> of(String videoId) {
    return transcripts.words(videoId, 0, Integer.MAX_VALUE).compose(words -> corrections(videoId, 0,
        Integer.MAX_VALUE).map(texts -> corrected(Cues.of(words, 0), texts)));
  }

  /** The lines made of {@code words} (whose first is word {@code firstIndex}), corrected. */
  Future<List<Cues.Cue>> of(String videoId, List<Word> words, int firstIndex) {
    return corrections(videoId, firstIndex, firstIndex + words.size() - 1)
        .map(texts -> corrected(Cues.of(words, firstIndex), texts));
  }

  private static List<Cues.Cue> corrected(List<Cues.Cue> cues, Map<Integer, Cues.Cue> texts) {
    List<Cues.Cue> lines = new ArrayList<>(cues.size());
    for (Cues.Cue cue : cues) {
      Cues.Cue text = texts.get(cue.fromWord());
      lines.add(text != null && text.toWord() == cue.toWord() ? cue.correctedTo(text.text()) : cue);
    }
    return lines;
  }

  /** The corrections of lines starting between words {@code from} and {@code to}, by their first word. */
  Future<Map<Integer, Cues.Cue>> corrections(String videoId, int from, int to) {
    return pool.preparedQuery("SELECT from_word, to_word, text FROM transcript_lines WHERE video_id = ? AND "
            + "from_word >= ? AND from_word <= ?").execute(Tuple.of(videoId, from, to)).map(rows -> {
          Map<Integer, Cues.Cue> texts = new HashMap<>();
          rows.forEach(row -> texts.put(row.getInteger("from_word"), new Cues.Cue(row.getInteger("from_word"),
              row.getInteger("to_word"), 0, 0, row.getString("text"))));
          return texts;
        });
  }

  /** Keeps the line's text as corrected (replacing an earlier correction of it). */
  Future<Void> correct(String videoId, Cues.Cue line, String text) {
    return pool.preparedQuery("INSERT INTO transcript_lines (video_id, from_word, to_word, text, updated_at) VALUES "
            + "(?, ?, ?, ?, ?) ON CONFLICT (video_id, from_word) DO UPDATE SET to_word = excluded.to_word, text = "
            + "excluded.text, updated_at = excluded.updated_at")
        .execute(Tuple.of(videoId, line.fromWord(), line.toWord(), text, System.currentTimeMillis())).mapEmpty();
  }

  /**
   * A cut's corrections: those of the parent's lines within words {@code from..to}, renumbered from 0 (a cut
   * by lines keeps the same pauses between its words, so its lines are the parent's).
   */
  Future<Void> copy(String parentId, int from, int to, String cutId) {
    return pool.preparedQuery("DELETE FROM transcript_lines WHERE video_id = ?").execute(Tuple.of(cutId))
        .compose(gone -> corrections(parentId, from, to)).compose(texts -> {
      List<Tuple> rows = new ArrayList<>();
      texts.values().stream().filter(line -> line.toWord() <= to).forEach(line -> rows.add(Tuple.of(cutId,
          line.fromWord() - from, line.toWord() - from, line.text(), System.currentTimeMillis())));
      return rows.isEmpty() ? Future.succeededFuture() : pool.preparedQuery("INSERT INTO transcript_lines "
          + "(video_id, from_word, to_word, text, updated_at) VALUES (?, ?, ?, ?, ?)").executeBatch(rows).mapEmpty();
    });
  }
}
