package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.OnDatabase;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The library's API from outside: playback files, cuts measured with Debian's ffprobe, jobs, cancel. On
 * SQLite here, on PostgreSQL in {@link LibraryApiOnPostgresTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibraryApiTest implements OnDatabase {

  static final Duration PATIENCE = Duration.ofSeconds(90);
  private TestDatabase database;
  private TestServer server;
  private ApiClient api;
  private Path files;
  private String video;

  @BeforeAll
  void start() {
    files = TempDirs.create("livelens-library-");
    database = database();
    server = TestServer.start(database.serverFlags("--workers", "2"));
    api = new ApiClient(server.port());
    video = TestVideos.add(server, TestVideos.make(files, "clip.mp4", 8), "Test clip").id();
  }

  @AfterAll
  void stop() {
    server.close();
    database.close();
    TempDirs.delete(files);
  }

  @Test
  void aReadyVideoIsServedAsHlsAndAsAnMp4WithRanges() throws Exception {
    JsonObject info = api.json("/api/videos/" + video);
    assertEquals("ready", info.getString("status"), info.encode());
    // The master playlist names the packaged media playlist as its variant.
    assertTrue(api.get(info.getString("hls")).body().contains("\nindex.m3u8?t="), "the master's variant");
    HttpResponse<String> playlist = api.get(info.getString("hls").replace("master.m3u8", "index.m3u8"));
    assertEquals(200, playlist.statusCode());
    assertTrue(playlist.body().startsWith("#EXTM3U") && playlist.body().contains("seg-0000.m4s"), playlist.body());
    // The playlist's URIs carry the signed link's token: fetched as a player resolves them, beside the playlist.
    String base = "/api/videos/" + video + "/hls/";
    String init = playlist.body().replaceAll("(?s).*URI=\"([^\"]+)\".*", "$1");
    String segment = playlist.body().lines().filter(line -> line.startsWith("seg-0000.m4s")).findFirst().orElseThrow();
    assertTrue(init.startsWith("init.mp4?t=") && segment.startsWith("seg-0000.m4s?t="), playlist.body());
    assertEquals(200, api.bytes(base + init, null).statusCode());
    assertEquals(200, api.bytes(base + segment, null).statusCode());
    HttpResponse<byte[]> range = api.bytes(info.getString("mp4"), "bytes=0-99");
    assertEquals(206, range.statusCode());
    assertEquals(100, range.body().length);
    assertEquals("bytes 0-99/" + info.getLong("size"), range.headers().firstValue("Content-Range").orElse(""));
    assertEquals(200, api.bytes(info.getString("poster"), null).statusCode());
  }

  @Test
  void anUnsatisfiableRangeIs416WithTheDocumentedJson() throws Exception {
    JsonObject info = api.json("/api/videos/" + video);
    for (String range : new String[] {"bytes=" + info.getLong("size") + "-", "bytes=-0", "bytes=999999999999-1"}) {
      HttpResponse<byte[]> refused = api.bytes(info.getString("mp4"), range);
      assertEquals(416, refused.statusCode(), range);
      assertEquals("range_not_satisfiable", new JsonObject(new String(refused.body())).getString("error"), range);
    }
    assertEquals(206, api.bytes(info.getString("mp4"), "bytes=0-0").statusCode(), "a good range after them");
  }

  @Test
  void aFastCutSnapsToKeyframesAndLastsAboutWhatWasAsked() throws Exception {
    JsonObject cut = cut(2, 6, false);
    assertEquals("cut", cut.getString("source"));
    assertEquals(video, cut.getString("parent"));
    double seconds = probedSeconds(cut);
    assertTrue(Math.abs(seconds - 4.0) <= 1.05, "a fast cut of 2-6 s lasts " + seconds + " s");
    assertTrue(api.json("/api/videos?parent=" + video).getJsonArray("videos").stream()
        .anyMatch(child -> cut.getString("id").equals(((JsonObject) child).getString("id"))), "listed on its parent");
  }

  @Test
  void anExactCutLastsWhatWasAskedToATenthOfASecond() throws Exception {
    double seconds = probedSeconds(cut(2.5, 5.5, true));
    assertTrue(Math.abs(seconds - 3.0) <= 0.1, "an exact cut of 2.5-5.5 s lasts " + seconds + " s");
  }

  @Test
  void aVideoRunThroughAFilterBecomesANewVideoOfTheSameLength() throws Exception {
    HttpResponse<String> accepted = api.send("POST", "/api/videos/" + video + "/process",
        "{\"filter\":\"edges\",\"params\":{}}");
    assertEquals(202, accepted.statusCode(), accepted.body());
    JsonObject done = api.awaitVideo(new JsonObject(accepted.body()).getString("id"), PATIENCE);
    assertEquals("ready", done.getString("status"), done.encode());
    assertEquals("processed", done.getString("source"));
    assertEquals(8.0, probedSeconds(done), 0.3);
    JsonObject job = api.json("/api/jobs/" + done.getString("id"));
    assertEquals("done", job.getString("state"), job.encode());
  }

  @Test
  void aVideoRunThroughAChainBecomesANewVideoAndABadChainIsRefused() throws Exception {
    HttpResponse<String> refused = api.send("POST", "/api/videos/" + video + "/process",
        "{\"filter\":\"chain\",\"params\":{\"stages\":[{\"name\":\"gray\"},{\"name\":\"sepia\"}]}}");
    assertEquals(422, refused.statusCode(), refused.body());
    assertEquals("bad_params", new JsonObject(refused.body()).getString("error"));
    HttpResponse<String> accepted = api.send("POST", "/api/videos/" + video + "/process",
        "{\"filter\":\"chain\",\"params\":{\"stages\":[{\"name\":\"gray\"},{\"name\":\"edges\"}]}}");
    assertEquals(202, accepted.statusCode(), accepted.body());
    JsonObject done = api.awaitVideo(new JsonObject(accepted.body()).getString("id"), PATIENCE);
    assertEquals("ready", done.getString("status"), done.encode());
    assertEquals(8.0, probedSeconds(done), 0.3);
  }

  @Test
  void aCancelledJobLeavesNoVideoBehind() throws Exception {
    HttpResponse<String> accepted = api.send("POST", "/api/videos/" + video + "/process", "{\"filter\":\"faces\"}");
    assertEquals(202, accepted.statusCode(), accepted.body());
    String id = new JsonObject(accepted.body()).getString("id");
    HttpResponse<String> cancelled = api.send("DELETE", "/api/jobs/" + id, null);
    assertEquals(204, cancelled.statusCode(), cancelled.body());
    assertEquals(404, api.get("/api/videos/" + id).statusCode());
    assertFalse(server.server.library().orElseThrow().store().directory(id).toFile().exists(), "files removed");
    assertEquals(404, api.send("DELETE", "/api/jobs/" + id, null).statusCode());
  }

  private JsonObject cut(double start, double end, boolean exact) throws Exception {
    HttpResponse<String> accepted = api.send("POST", "/api/videos/" + video + "/cuts",
        new JsonObject().put("start", start).put("end", end).put("exact", exact).encode());
    assertEquals(202, accepted.statusCode(), accepted.body());
    JsonObject body = new JsonObject(accepted.body());
    assertEquals("processing", body.getString("status"));
    JsonObject done = api.awaitVideo(body.getString("id"), PATIENCE);
    assertEquals("ready", done.getString("status"), done.encode());
    return done;
  }

  private double probedSeconds(JsonObject video) throws Exception {
    Path file = api.download(video.getString("mp4"), files.resolve(video.getString("id") + ".mp4"));
    return Ffprobe.durationSeconds(Ffprobe.probe(file));
  }
}
