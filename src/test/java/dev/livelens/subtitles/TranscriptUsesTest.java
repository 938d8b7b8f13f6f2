package dev.livelens.subtitles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.OnDatabase;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a ready transcript is used for beyond its own page: the HLS master playlist offers it as a subtitles
 * rendition (signed like the rest of a private video's media), its owner corrects a line's text, and a cut
 * made by its words gets those words as its transcript, re-timed. On SQLite here, on PostgreSQL in the
 * subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptUsesTest implements OnDatabase {

  private TestDatabase database;
  private TestServer server;
  private ApiClient owner;
  private ApiClient stranger;
  private Path files;
  /** A private video of real speech, the owner's. */
  private String video;
  private JsonArray lines;

  @BeforeAll
  void start() throws Exception {
    files = TempDirs.create("livelens-transcript-uses-");
    database = database();
    server = TestServer.start(database.serverFlags("--workers", "1", "--transcribe-threads", "1"));
    owner = new ApiClient(server.port());
    stranger = new ApiClient(server.port());
    video = TestVideos.add(server, SubtitlesApiTest.speech(files), "Austen", owner.guest()).id();
    JsonObject transcript = owner.awaitTranscript(video, SubtitlesApiTest.PATIENCE);
    assertEquals("ready", transcript.getString("status"), transcript.encode());
    lines = transcript.getJsonArray("lines");
    assertTrue(lines.size() >= 2, "two utterances a second apart make two lines at least: " + lines.encode());
  }

  @AfterAll
  void stop() {
    server.close();
    database.close();
    TempDirs.delete(files);
  }

  @Test
  void theMasterPlaylistOffersTheTranscriptAsASubtitlesRenditionWithSignedLinks() throws Exception {
    String master = owner.json("/api/videos/" + video).getString("hls");
    assertTrue(master.contains("/hls/master.m3u8?t="), master);
    String token = master.substring(master.indexOf("?t=") + 3);
    String base = "/api/videos/" + video + "/hls/";
    HttpResponse<String> playlist = stranger.get(master); // the signed link alone opens it
    assertEquals(200, playlist.statusCode(), playlist.body());
    String m3u8 = playlist.body();
    assertTrue(m3u8.startsWith("#EXTM3U\n"), m3u8);
    assertTrue(m3u8.contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\","
        + "DEFAULT=YES,AUTOSELECT=YES,FORCED=NO,URI=\"subtitles.m3u8?t=" + token + "\""), m3u8);
    assertTrue(m3u8.matches("(?s).*#EXT-X-STREAM-INF:BANDWIDTH=\\d+,RESOLUTION=\\d+x\\d+,SUBTITLES=\"subs\"\n"
        + "index\\.m3u8\\?t=" + token + "\n.*"), m3u8);
    assertTrue(stranger.get(base + "index.m3u8?t=" + token).body().contains("seg-0000.m4s?t=" + token));

    String media = stranger.get(base + "subtitles.m3u8?t=" + token).body();
    assertTrue(media.contains("#EXT-X-PLAYLIST-TYPE:VOD") && media.contains("#EXT-X-ENDLIST"), media);
    assertTrue(media.contains("\nsubtitles.vtt?t=" + token + "\n"), media);
    HttpResponse<String> vtt = stranger.get(base + "subtitles.vtt?t=" + token);
    assertEquals(200, vtt.statusCode(), vtt.body());
    assertTrue(vtt.headers().firstValue("Content-Type").orElse("").startsWith("text/vtt"));
    assertTrue(vtt.body().startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n"), vtt.body());
    assertEquals(lines.size(), SubtitlesApiTest.cues(vtt.body()).size(), vtt.body());

    for (String file : List.of("master.m3u8", "subtitles.m3u8", "subtitles.vtt")) {
      HttpResponse<String> unsigned = stranger.get(base + file);
      assertEquals(403, unsigned.statusCode(), file + ": a private video's media needs its signed link");
    }
  }

  @Test
  void aVideoWithoutATranscriptHasAMasterPlaylistWithoutSubtitles() throws Exception {
    String silent = TestVideos.add(server, TestVideos.silent(files, "quiet.mp4", 2), "Quiet", owner.guest()).id();
    String master = owner.json("/api/videos/" + silent).getString("hls");
    String m3u8 = owner.get(master).body();
    assertTrue(m3u8.contains("#EXT-X-STREAM-INF:") && m3u8.contains("index.m3u8"), m3u8);
    assertFalse(m3u8.contains("SUBTITLES"), m3u8);
    String token = master.substring(master.indexOf("?t=") + 3);
    HttpResponse<String> none = owner.get("/api/videos/" + silent + "/hls/subtitles.m3u8?t=" + token);
    assertEquals(404, none.statusCode(), none.body());
    assertEquals("not_found", new JsonObject(none.body()).getString("error"));
  }

  @Test
  void theOwnerCorrectsALineWhoseTimesStayAndOnlyTheOwner() throws Exception {
    JsonObject line = lines.getJsonObject(0);
    String path = "/api/videos/" + video + "/transcript/lines/" + line.getInteger("fromWord");
    HttpResponse<String> refused = stranger.send("PUT", path, "{\"text\":\"vandalised\"}");
    assertTrue(refused.statusCode() == 403 || refused.statusCode() == 404, refused.body());
    HttpResponse<String> empty = owner.send("PUT", path, "{\"text\":\"  \"}");
    assertEquals(400, empty.statusCode(), empty.body());
    assertEquals("bad_text", new JsonObject(empty.body()).getString("error"));
    HttpResponse<String> nowhere = owner.send("PUT", "/api/videos/" + video + "/transcript/lines/99999",
        "{\"text\":\"x\"}");
    assertEquals(404, nowhere.statusCode(), nowhere.body());

    HttpResponse<String> corrected = owner.send("PUT", path, "{\"text\":\"He was not an ill-disposed young man\"}");
    assertEquals(200, corrected.statusCode(), corrected.body());
    JsonObject first = owner.json("/api/videos/" + video + "/transcript").getJsonArray("lines").getJsonObject(0);
    assertEquals("He was not an ill-disposed young man", first.getString("text"));
    assertTrue(first.getBoolean("corrected"));
    assertEquals(line.getDouble("start"), first.getDouble("start"));
    assertEquals(line.getDouble("end"), first.getDouble("end"));
    String vtt = owner.get("/api/videos/" + video + "/subtitles.vtt").body();
    assertTrue(vtt.contains("He was not an ill-disposed young man"), vtt);
    assertFalse(vtt.contains("vandalised"), vtt);
  }

  @Test
  void aCutByWordsLastsFromTheFirstWordToTheLastAndItsTranscriptIsThoseWordsRetimed() throws Exception {
    JsonObject second = lines.getJsonObject(lines.size() - 1);
    int from = second.getInteger("fromWord");
    int to = second.getInteger("toWord");
    HttpResponse<String> bad = owner.send("POST", "/api/videos/" + video + "/cuts",
        "{\"fromWord\":" + from + ",\"toWord\":99999}");
    assertEquals(422, bad.statusCode(), bad.body());
    assertEquals("bad_words", new JsonObject(bad.body()).getString("error"));

    HttpResponse<String> made = owner.send("POST", "/api/videos/" + video + "/cuts",
        "{\"fromWord\":" + from + ",\"toWord\":" + to + ",\"exact\":true}");
    assertEquals(202, made.statusCode(), made.body());
    String cut = new JsonObject(made.body()).getString("id");
    JsonObject cutVideo = owner.awaitVideo(cut, SubtitlesApiTest.PATIENCE);
    assertEquals("ready", cutVideo.getString("status"), cutVideo.encode());
    double said = second.getDouble("end") - second.getDouble("start");
    assertEquals(said, cutVideo.getLong("durationMs") / 1000.0, 0.3, "from the first word's start to the last's end");

    JsonObject transcript = owner.awaitTranscript(cut, SubtitlesApiTest.PATIENCE);
    assertEquals("ready", transcript.getString("status"), transcript.encode());
    JsonArray cutLines = transcript.getJsonArray("lines");
    assertEquals(1, cutLines.size(), cutLines.encode());
    JsonObject only = cutLines.getJsonObject(0);
    assertEquals(second.getString("text"), only.getString("text"), "the picked line's words, not heard again");
    assertEquals(0, only.getInteger("fromWord"));
    assertEquals(to - from, only.getInteger("toWord"));
    assertEquals(0.0, only.getDouble("start"), 0.3, "re-timed to the cut");
    assertEquals(said, only.getDouble("end"), 0.3);
  }
}
