// The transcript search's query time over a library of 1,000 ready videos with 6 minutes of speech each (an
// hour per 10 videos at ~150 words a minute: 900,000 words from a 5,000-word vocabulary spread like natural
// language), in SQLite and, given a PostgreSQL URL, in PostgreSQL: the server's own schema (all its
// migrations) and the server's own query text (SpeechSearch.sql), 500 searches each of one, two and three
// words.
// Run by bench/speech-search.sh.
//
// java -cp <project class path> SearchBench.java <data dir> [postgresql://user:password@host:port/db]

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;

public class SearchBench {

  static final int VIDEOS = 1000;
  static final int WORDS_A_VIDEO = 900;
  static final String[] VOCABULARY = new String[5000];
  static final Method SQL;

  static {
    for (int i = 0; i < VOCABULARY.length; i++) VOCABULARY[i] = "w" + Integer.toString(i, 36);
    try {
      SQL = Class.forName("dev.livelens.subtitles.SpeechSearch").getDeclaredMethod("sql", int.class, boolean.class);
      SQL.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    Files.createDirectories(dataDir);
    if (!Boolean.getBoolean("postgresOnly")) sqlite(dataDir.resolve("search-bench.db"));
    if (args.length > 1 && !args[1].isBlank()) {
      postgres(args[1]);
    }
  }

  /** The server's schema: every migration's statements, in version order. */
  static List<String> schema() throws Exception {
    List<String> statements = new ArrayList<>();
    List<Path> files;
    try (var listed = Files.list(Path.of("src/main/resources/db/migration"))) {
      files = listed.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
          .sorted(java.util.Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
          .toList();
    }
    for (Path file : files) {
      for (String s : Files.readString(file).replaceAll("(?m)--.*$", "").split(";")) {
        if (!s.isBlank()) statements.add(s.strip());
      }
    }
    return statements;
  }

  static int rank(Random random) {
    return (int) Math.min(VOCABULARY.length - 1, Math.floor(Math.pow(VOCABULARY.length, random.nextDouble())) - 1);
  }

  /** One video's words: (idx, word, next word). */
  static String[] wordsOf(Random random) {
    String[] words = new String[WORDS_A_VIDEO];
    for (int i = 0; i < words.length; i++) words[i] = VOCABULARY[rank(random)];
    return words;
  }

  static void sqlite(Path db) throws Exception {
    Files.deleteIfExists(db);
    Random random = new Random(7);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        for (String statement : schema()) s.execute(statement);
      }
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      try (PreparedStatement v = c.prepareStatement("INSERT INTO videos (id, title, source, created_at, status) VALUES (?, ?, 'upload', ?, 'ready')");
           PreparedStatement w = c.prepareStatement("INSERT INTO transcript_words (video_id, idx, word, next_word, "
               + "start_ms, end_ms, conf) VALUES (?, ?, ?, ?, ?, ?, 900)")) {
        for (int video = 0; video < VIDEOS; video++) {
          String id = String.format("video%011d", video);
          v.setString(1, id); v.setString(2, "Video " + video); v.setLong(3, video); v.addBatch();
          String[] words = wordsOf(random);
          for (int i = 0; i < words.length; i++) {
            w.setString(1, id); w.setInt(2, i); w.setString(3, words[i]); w.setString(4, i + 1 < words.length ? words[i + 1] : "");
            w.setInt(5, i * 400); w.setInt(6, i * 400 + 300);
            w.addBatch();
          }
          w.executeBatch();
        }
        v.executeBatch();
      }
      c.commit();
      System.out.printf("SQLite: %,d videos, %,d words stored in %.1f s%n", VIDEOS, VIDEOS * WORDS_A_VIDEO,
          (System.nanoTime() - t0) / 1e9);
      c.setAutoCommit(true);
      for (int words = 1; words <= 3; words++) {
        String sql = (String) SQL.invoke(null, words, false);
        try (PreparedStatement q = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
          bind(q, phrase(random, words));
          try (ResultSet rows = q.executeQuery()) {
            while (rows.next()) System.out.println("  plan: " + rows.getString(4));
          }
        }
        long[] times = new long[500];
        try (PreparedStatement q = c.prepareStatement(sql)) {
          for (int run = 0; run < times.length; run++) {
            bind(q, phrase(random, words));
            long start = System.nanoTime();
            try (ResultSet rows = q.executeQuery()) {
              while (rows.next()) { }
            }
            times[run] = System.nanoTime() - start;
          }
        }
        report("SQLite", words, times);
      }
    }
    Files.deleteIfExists(db);
  }

  /** The query's parameters in its order: the third word onwards, the first, the second, the limit. */
  static List<Object> phrase(Random random, int words) {
    int rank = rank(random);
    List<String> phrase = new ArrayList<>();
    for (int p = 0; p < words; p++) phrase.add(VOCABULARY[(rank + p) % VOCABULARY.length]);
    List<Object> params = new ArrayList<>(phrase.subList(Math.min(2, words), words));
    params.add(phrase.get(0));
    if (words > 1) params.add(phrase.get(1));
    params.add(20);
    return params;
  }

  static void bind(PreparedStatement q, List<Object> params) throws Exception {
    for (int i = 0; i < params.size(); i++) q.setObject(i + 1, params.get(i));
  }

  static void report(String db, int words, long[] times) {
    Arrays.sort(times);
    System.out.printf("%s search, %d word%s: p50 %.2f ms, p95 %.2f ms, max %.2f ms over %d queries%n", db, words,
        words == 1 ? "" : "s", times[times.length / 2] / 1e6, times[times.length * 95 / 100] / 1e6,
        times[times.length - 1] / 1e6, times.length);
  }

  static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get();
  }

  static void postgres(String url) throws Exception {
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url)).using(vertx).build();
    try {
      String schema = "search_bench";
      await(pool.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute());
      await(pool.query("CREATE SCHEMA " + schema).execute());
      Pool bench = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url)
          .addProperty("search_path", schema)).using(vertx).build();
      for (String statement : schema()) await(bench.query(statement).execute());
      Random random = new Random(7);
      long t0 = System.nanoTime();
      List<Tuple> videos = new ArrayList<>();
      for (int video = 0; video < VIDEOS; video++) {
        String id = String.format("video%011d", video);
        videos.add(Tuple.of(id, "Video " + video, (long) video));
        String[] words = wordsOf(random);
        List<Tuple> rows = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
          rows.add(Tuple.of(id, i, words[i], i + 1 < words.length ? words[i + 1] : "", i * 400, i * 400 + 300));
        }
        await(bench.preparedQuery("INSERT INTO transcript_words (video_id, idx, word, next_word, start_ms, end_ms, "
            + "conf) VALUES ($1, $2, $3, $4, $5, $6, 900)").executeBatch(rows));
      }
      await(bench.preparedQuery("INSERT INTO videos (id, title, source, created_at, status) VALUES ($1, $2, 'upload', $3, 'ready')").executeBatch(videos));
      await(bench.query("ANALYZE").execute());
      System.out.printf("PostgreSQL: %,d videos, %,d words stored in %.1f s%n", VIDEOS, VIDEOS * WORDS_A_VIDEO,
          (System.nanoTime() - t0) / 1e9);
      for (int words = 1; words <= 3; words++) {
        String sql = dollars((String) SQL.invoke(null, words, true));
        for (var row : await(bench.preparedQuery("EXPLAIN " + sql).execute(tuple(phrase(random, words))))) {
          System.out.println("  plan: " + row.getString(0));
        }
        long[] times = new long[500];
        for (int run = 0; run < times.length; run++) {
          Tuple params = tuple(phrase(random, words));
          long start = System.nanoTime();
          await(bench.preparedQuery(sql).execute(params));
          times[run] = System.nanoTime() - start;
        }
        report("PostgreSQL", words, times);
      }
      await(bench.close());
      await(pool.query("DROP SCHEMA " + schema + " CASCADE").execute());
    } finally {
      await(pool.close());
      await(vertx.close());
    }
  }

  static Tuple tuple(List<Object> params) {
    Tuple tuple = Tuple.tuple();
    params.forEach(tuple::addValue);
    return tuple;
  }

  /** PostgreSQL numbers its parameters. */
  static String dollars(String sql) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (char c : sql.toCharArray()) {
      if (c == '?') out.append('$').append(++n); else out.append(c);
    }
    return out.toString();
  }
}
