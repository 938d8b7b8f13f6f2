package dev.livelens.subtitles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.OnDatabase;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Subtitles from real recorded speech (LibriVox, see src/test/resources/speech/README.md): the video becomes
 * ready, its transcript is made in the background, its WebVTT holds the words said near the times they were
 * said, and a search finds it by a spoken word. On SQLite here, on PostgreSQL in the subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubtitlesApiTest implements OnDatabase {

  static final Duration PATIENCE = Duration.ofSeconds(90);
  static final List<String> FIRST = List.of("he", "was", "not", "an", "ill", "disposed", "young", "man");
  static final List<String> SECOND = List.of("unless", "to", "be", "rather", "cold", "hearted", "and", "rather",
      "selfish", "is", "to", "be", "ill", "disposed");
  private static final Pattern CUE = Pattern.compile(
      "(\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{3}) --> (\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{3})\\n((?:.+\\n?)+)");

  private TestDatabase database;
  private TestServer server;
  private ApiClient api;
  private Path files;
  private String video;

  /** One cue of the WebVTT. */
  record Cue(double start, double end, List<String> words) {
  }

  @BeforeAll
  void start() throws IOException {
    files = TempDirs.create("livelens-subtitles-");
    database = database();
    server = TestServer.start(database.serverFlags("--workers", "1", "--transcribe-threads", "1"));
    api = new ApiClient(server.port());
    video = TestVideos.publish(server, TestVideos.add(server, speech(files), "Sense and Sensibility").id());
  }

  @AfterAll
  void stop() {
    server.close();
    database.close();
    TempDirs.delete(files);
  }

  static Path speech(Path dir) throws IOException {
    Path file = dir.resolve("austen.mp4");
    try (InputStream in = SubtitlesApiTest.class.getResourceAsStream("/speech/austen.mp4")) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void aVideoWithSpeechGetsSubtitlesWithTheWordsSaidWhereTheyWereSaid() throws Exception {
    JsonObject transcript = api.awaitTranscript(video, PATIENCE);
    assertEquals("ready", transcript.getString("status"), transcript.encode());
    assertEquals("en", transcript.getString("language"));
    HttpResponse<String> vtt = api.get("/api/videos/" + video + "/subtitles.vtt");
    assertEquals(200, vtt.statusCode(), vtt.body());
    assertTrue(vtt.headers().firstValue("Content-Type").orElse("").startsWith("text/vtt"));
    assertTrue(vtt.body().startsWith("WEBVTT\n\n"), vtt.body());
    List<Cue> cues = cues(vtt.body());
    // The first utterance is spoken from 0 to 3.0 s, the second from 4.0 to 9.3 s, a second of silence between.
    List<String> early = new ArrayList<>();
    List<String> late = new ArrayList<>();
    for (Cue cue : cues) {
      assertTrue(cue.start() < cue.end() && cue.end() - cue.start() <= 7.0, "cue " + cue);
      if (cue.end() <= 3.0 + 0.5) {
        early.addAll(cue.words());
      } else if (cue.start() >= 4.0 - 0.5 && cue.end() <= 9.3 + 0.5) {
        late.addAll(cue.words());
      }
    }
    // Real speech and a small model: most words, in order (its accuracy is measured in docs/subtitles.md).
    assertTrue(inOrder(FIRST, early) >= 6, "first utterance heard as " + early + " in " + vtt.body());
    assertTrue(inOrder(SECOND, late) >= 10, "second utterance heard as " + late + " in " + vtt.body());
    JsonArray lines = transcript.getJsonArray("lines");
    assertEquals(cues.size(), lines.size(), transcript.encode());
  }

  @Test
  void aSpokenWordFindsTheVideoAndTheLineItWasSaidIn() throws Exception {
    assertEquals("ready", api.awaitTranscript(video, PATIENCE).getString("status"));
    JsonArray hits = api.json("/api/speech?q=" + URLEncoder.encode("Selfish", StandardCharsets.UTF_8))
        .getJsonArray("hits");
    assertEquals(1, hits.size(), hits.encode());
    JsonObject hit = hits.getJsonObject(0);
    assertEquals(video, hit.getJsonObject("video").getString("id"));
    double at = hit.getDouble("at");
    assertTrue(at > 4.0 && at < 9.3, "'selfish' is said at about 7.5 s, found at " + at);
    assertTrue(hit.getJsonObject("line").getString("text").contains("selfish"), hit.encode());
    JsonArray phrase = api.json("/api/speech?q=" + URLEncoder.encode("young man", StandardCharsets.UTF_8))
        .getJsonArray("hits");
    assertEquals(1, phrase.size(), phrase.encode());
    assertTrue(phrase.getJsonObject(0).getDouble("at") < 3.0, phrase.encode());
    assertEquals(0, api.json("/api/speech?q=man+young").getJsonArray("hits").size(), "words out of order");
    assertEquals(0, api.json("/api/speech?q=elephant").getJsonArray("hits").size());
  }

  @Test
  void aVideoWithoutSoundHasNoSpeechRatherThanAFailure() throws Exception {
    Path silent = TestVideos.silent(files, "silent.mp4", 2);
    String quiet = TestVideos.add(server, silent, "No sound").id();
    JsonObject transcript = api.awaitTranscript(quiet, PATIENCE);
    assertEquals("no_speech", transcript.getString("status"), transcript.encode());
    HttpResponse<String> vtt = api.get("/api/videos/" + quiet + "/subtitles.vtt");
    assertEquals(404, vtt.statusCode());
    assertEquals("not_found", new JsonObject(vtt.body()).getString("error"));
  }

  @Test
  void aDeletedVideosWordsAreNoLongerFound() throws Exception {
    // This client's own copy: only its owner may delete it.
    String copy = TestVideos.publish(server, TestVideos.add(server, speech(TempDirs.create("livelens-subtitles-copy-")),
        "A copy", api.guest()).id());
    assertEquals("ready", api.awaitTranscript(copy, PATIENCE).getString("status"));
    assertTrue(api.json("/api/speech?q=selfish").getJsonArray("hits").stream()
        .anyMatch(hit -> copy.equals(((JsonObject) hit).getJsonObject("video").getString("id"))), "found before");
    assertEquals(204, api.send("DELETE", "/api/videos/" + copy, null).statusCode());
    assertEquals(404, api.get("/api/videos/" + copy + "/transcript").statusCode());
    assertEquals(404, api.get("/api/videos/AAAAAAAAAAAAAAAA/transcript").statusCode(), "no such video");
    JsonArray hits = api.json("/api/speech?q=selfish").getJsonArray("hits");
    assertEquals(1, hits.size(), hits.encode());
    assertEquals(video, hits.getJsonObject(0).getJsonObject("video").getString("id"), "only the one kept");
  }

  @Test
  void aSearchWithoutWordsIsRefused() throws Exception {
    HttpResponse<String> refused = api.get("/api/speech?q=%20%21");
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals("bad_query", new JsonObject(refused.body()).getString("error"));
  }

  static List<Cue> cues(String vtt) {
    List<Cue> cues = new ArrayList<>();
    Matcher m = CUE.matcher(vtt);
    while (m.find()) {
      cues.add(new Cue(seconds(m, 1), seconds(m, 5), List.of(m.group(9).strip().split("\\s+"))));
    }
    return cues;
  }

  private static double seconds(Matcher m, int group) {
    return Integer.parseInt(m.group(group)) * 3600 + Integer.parseInt(m.group(group + 1)) * 60
        + Integer.parseInt(m.group(group + 2)) + Integer.parseInt(m.group(group + 3)) / 1000.0;
  }

  /** How many of the reference words were heard in order (the longest common subsequence). */
  static int inOrder(List<String> reference, List<String> heard) {
    int[][] best = new int[reference.size() + 1][heard.size() + 1];
    for (int i = 1; i <= reference.size(); i++) {
      for (int j = 1; j <= heard.size(); j++) {
        best[i][j] = reference.get(i - 1).equals(heard.get(j - 1)) ? best[i - 1][j - 1] + 1
            : Math.max(best[i - 1][j], best[i][j - 1]);
      }
    }
    return best[reference.size()][heard.size()];
  }
}
