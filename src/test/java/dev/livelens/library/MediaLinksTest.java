package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import dev.livelens.web.KeyFile;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signed media links over real HTTP: a private video's playlist names its segments with the token, a segment
 * is served with it and refused (403) without it, with another video's, with a forged one and with an
 * expired one; a public video's media needs none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaLinksTest {

  private Path dataDir;
  private Path files;
  private TestServer server;
  private ApiClient owner;
  private ApiClient stranger;
  private String video;
  private String otherVideo;

  @BeforeAll
  void start() throws Exception {
    dataDir = TempDirs.create("livelens-links-");
    files = TempDirs.create("livelens-links-files-");
    server = TestServer.start("--data-dir", dataDir.toString(), "--media-link-minutes", "5");
    owner = new ApiClient(server.port());
    stranger = new ApiClient(server.port());
    long ownerId = owner.guest();
    Path clip = TestVideos.make(files, "clip.mp4", 2);
    video = TestVideos.add(server, clip, "Private", ownerId).id();
    otherVideo = TestVideos.add(server, clip, "Another", ownerId).id();
  }

  @AfterAll
  void stop() {
    server.close();
    TempDirs.delete(dataDir);
    TempDirs.delete(files);
  }

  @Test
  void aPrivateSegmentIsServedWithItsTokenAndRefusedWithoutOrExpiredOrForged() throws Exception {
    JsonObject info = owner.json("/api/videos/" + video);
    String hls = info.getString("hls");
    assertTrue(hls.contains("?t="), hls);
    long expires = info.getLong("linksExpire");
    assertEquals(System.currentTimeMillis() + Duration.ofMinutes(5).toMillis(), expires, 10_000);
    String token = hls.substring(hls.indexOf("?t=") + 3);
    // The link alone is the credential: no cookie needed.
    assertTrue(stranger.get(hls).body().contains("index.m3u8?t=" + token), "the master's variant, signed");
    String playlist = stranger.get(hls.replace("master.m3u8", "index.m3u8")).body();
    assertTrue(playlist.contains("seg-0000.m4s?t=" + token) && playlist.contains("init.mp4?t=" + token), playlist);

    String segment = "/api/videos/" + video + "/hls/seg-0000.m4s";
    assertEquals(200, stranger.bytes(segment + "?t=" + token, null).statusCode());
    refused(owner.get(segment)); // not even its owner's cookie stands in for the token
    refused(stranger.get(segment));
    String expired = new MediaLinks(KeyFile.loadOrCreate(dataDir, MediaLinks.KEY_FILE), Duration.ofMinutes(5))
        .token(video, System.currentTimeMillis() - Duration.ofMinutes(6).toMillis());
    refused(stranger.get(segment + "?t=" + expired));
    String otherToken = new JsonObject(owner.get("/api/videos/" + otherVideo).body()).getString("mp4").split("\\?t=")[1];
    refused(stranger.get(segment + "?t=" + otherToken));
    String forged = (expires + 3_600_000) + token.substring(token.indexOf('.'));
    refused(stranger.get(segment + "?t=" + forged));
  }

  @Test
  void aPublicVideosMediaNeedsNoToken() throws Exception {
    String id = TestVideos.add(server, TestVideos.make(files, "public.mp4", 2), "Public", owner.guest()).id();
    refused(stranger.get("/api/videos/" + id + "/video.mp4"));
    assertEquals(200, owner.send("PATCH", "/api/videos/" + id, "{\"visibility\":\"public\"}").statusCode());
    JsonObject info = stranger.json("/api/videos/" + id);
    assertEquals("/api/videos/" + id + "/hls/master.m3u8", info.getString("hls"), "no token on a public video");
    assertEquals(200, stranger.bytes("/api/videos/" + id + "/hls/seg-0000.m4s", null).statusCode());
    assertEquals(206, stranger.bytes("/api/videos/" + id + "/video.mp4", "bytes=0-9").statusCode());
  }

  private static void refused(HttpResponse<String> response) {
    assertEquals(403, response.statusCode(), response.body());
    assertEquals("forbidden", new JsonObject(response.body()).getString("error"));
  }
}
