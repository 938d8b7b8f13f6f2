// Speech to text measured: the model's load time, the real-time factor of one recogniser (at normal CPU
// priority and, as the server runs it, at nice 19), word accuracy on real recorded English speech, and the
// transcript search's query time over a library of 1,000 videos. Run by bench/speech.sh.
//
// java -cp <project class path> SpeechBench.java <model dir> <librivox dir> <data dir>

import java.io.ByteArrayOutputStream;
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
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

public class SpeechBench {

  public static void main(String[] args) throws Exception {
    Path modelDir = Path.of(args[0]);
    Path librivox = Path.of(args[1]);
    Path dataDir = Path.of(args[2]);
    LibVosk.setLogLevel(LogLevel.WARNINGS);
    long rssBefore = rssKb();
    long t0 = System.nanoTime();
    Model model = new Model(modelDir.toString());
    System.out.printf("model load: %d ms, resident memory +%d MB%n", (System.nanoTime() - t0) / 1_000_000,
        (rssKb() - rssBefore) / 1024);

    List<String> references = new ArrayList<>();
    List<byte[]> audio = new ArrayList<>();
    for (String line : Files.readAllLines(librivox.resolve("transcription"))) {
      String name = line.substring(line.lastIndexOf('(') + 1, line.lastIndexOf(')'));
      references.add(line.substring(0, line.lastIndexOf('(')).replace("<s>", "").replace("</s>", "").strip());
      byte[] wav = Files.readAllBytes(librivox.resolve(name + ".wav"));
      audio.add(Arrays.copyOfRange(wav, 44, wav.length)); // 16 kHz mono s16le after the header
    }
    double seconds = audio.stream().mapToInt(a -> a.length).sum() / 32000.0;
    int refWords = 0;
    int errors = 0;
    long busy = 0;
    for (int round = 0; round < 3; round++) { // the first round warms the JIT and the caches
      refWords = 0;
      errors = 0;
      busy = 0;
      for (int i = 0; i < audio.size(); i++) {
        long start = System.nanoTime();
        String heard = recognise(model, audio.get(i));
        busy += System.nanoTime() - start;
        List<String> ref = List.of(references.get(i).split(" "));
        List<String> hyp = heard.isBlank() ? List.of() : List.of(heard.split(" "));
        refWords += ref.size();
        errors += distance(ref, hyp);
        if (round == 2) {
          System.out.printf("  ref: %s%n  hyp: %s%n", references.get(i), heard);
        }
      }
    }
    System.out.printf("audio: %.1f s in %d utterances; recognised in %.2f s: real-time factor %.3f%n", seconds,
        audio.size(), busy / 1e9, busy / 1e9 / seconds);
    System.out.printf("word accuracy: %.1f%% (%d errors in %d reference words, by edit distance)%n",
        100.0 * (refWords - errors) / refWords, errors, refWords);
    model.close();
    search(dataDir);
  }

  /** This process's resident memory (Linux). */
  static long rssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  static String recognise(Model model, byte[] pcm) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Recognizer r = new Recognizer(model, 16000f)) {
      r.setWords(true);
      for (int at = 0; at < pcm.length; at += 8000) {
        if (r.acceptWaveForm(Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + 8000)), Math.min(8000, pcm.length - at))) {
          text.append(' ').append(textOf(r.getResult()));
        }
      }
      text.append(' ').append(textOf(r.getFinalResult()));
    }
    return text.toString().strip().replaceAll("\\s+", " ");
  }

  static String textOf(String json) {
    int at = json.indexOf("\"text\" : \"");
    return at < 0 ? "" : json.substring(at + 10, json.indexOf('"', at + 10));
  }

  static int distance(List<String> a, List<String> b) {
    int[][] d = new int[a.size() + 1][b.size() + 1];
    for (int i = 0; i <= a.size(); i++) d[i][0] = i;
    for (int j = 0; j <= b.size(); j++) d[0][j] = j;
    for (int i = 1; i <= a.size(); i++) {
      for (int j = 1; j <= b.size(); j++) {
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
            d[i - 1][j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1));
      }
    }
    return d[a.size()][b.size()];
  }

  /**
   * 1,000 ready videos with 6 minutes of speech each (an hour per 10 videos, ~150 words a minute: 900,000
   * words from a 5,000-word vocabulary with a Zipf-like spread) in SQLite with the server's own schema, then
   * the server's phrase query (SubtitlesRoutes/Transcripts) timed for one- and two-word searches.
   */
  static void search(Path dataDir) throws Exception {
    Files.createDirectories(dataDir);
    Path db = dataDir.resolve("search-bench.db");
    Files.deleteIfExists(db);
    Random random = new Random(7);
    String[] vocabulary = new String[5000];
    for (int i = 0; i < vocabulary.length; i++) vocabulary[i] = "w" + Integer.toString(i, 36);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("CREATE TABLE videos (id VARCHAR(32) PRIMARY KEY, title VARCHAR(200), status VARCHAR(16), created_at BIGINT)");
        s.execute(Files.readString(Path.of("src/main/resources/db/migration/V24__transcripts.sql"))
            .replaceAll("(?m)--.*$", "").split(";")[1]);
        s.execute("CREATE INDEX transcript_words_by_word ON transcript_words (word)");
      }
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      try (PreparedStatement v = c.prepareStatement("INSERT INTO videos VALUES (?, ?, 'ready', ?)");
           PreparedStatement w = c.prepareStatement("INSERT INTO transcript_words VALUES (?, ?, ?, ?, ?, 900)")) {
        for (int video = 0; video < 1000; video++) {
          String id = String.format("video%011d", video);
          v.setString(1, id); v.setString(2, "Video " + video); v.setLong(3, video); v.addBatch();
          for (int i = 0; i < 900; i++) {
            int rank = (int) Math.min(vocabulary.length - 1, Math.floor(Math.pow(vocabulary.length, random.nextDouble())) - 1);
            w.setString(1, id); w.setInt(2, i); w.setString(3, vocabulary[rank]); w.setInt(4, i * 400); w.setInt(5, i * 400 + 300);
            w.addBatch();
          }
          w.executeBatch();
        }
        v.executeBatch();
      }
      c.commit();
      System.out.printf("search: 1,000 videos, 900,000 words stored in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      c.setAutoCommit(true);
      for (int words = 1; words <= 2; words++) {
        StringBuilder sql = new StringBuilder("SELECT v.id, v.title, w0.idx, w0.start_ms FROM transcript_words w0 JOIN videos v ON v.id = w0.video_id");
        for (int i = 1; i < words; i++) {
          sql.append(" JOIN transcript_words w").append(i).append(" ON w").append(i).append(".video_id = w0.video_id AND w")
              .append(i).append(".idx = w0.idx + ").append(i).append(" AND w").append(i).append(".word = ?");
        }
        sql.append(" WHERE w0.word = ? AND v.status = 'ready' ORDER BY v.created_at DESC, v.id, w0.idx LIMIT 20");
        long[] times = new long[500];
        try (PreparedStatement q = c.prepareStatement(sql.toString())) {
          for (int run = 0; run < times.length; run++) {
            int rank = (int) Math.min(vocabulary.length - 1, Math.floor(Math.pow(vocabulary.length, random.nextDouble())) - 1);
            for (int p = 1; p <= words; p++) q.setString(p, vocabulary[(rank + p - 1) % vocabulary.length]);
            long start = System.nanoTime();
            try (ResultSet rows = q.executeQuery()) {
              while (rows.next()) { }
            }
            times[run] = System.nanoTime() - start;
          }
        }
        Arrays.sort(times);
        System.out.printf("search, %d word%s: p50 %.2f ms, p95 %.2f ms, max %.2f ms over %d queries%n", words,
            words == 1 ? "" : "s", times[times.length / 2] / 1e6, times[times.length * 95 / 100] / 1e6,
            times[times.length - 1] / 1e6, times.length);
      }
    }
    Files.deleteIfExists(db);
  }
}
