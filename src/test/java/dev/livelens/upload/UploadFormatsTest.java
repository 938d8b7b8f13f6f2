package dev.livelens.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestFormats;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files as phones, cameras and editors make them, uploaded by an independent tus client: each becomes a
 * ready video that plays to its full length as MP4 and HLS, upright; files that cannot be videos end
 * failed with their reason and leave no file behind.
 */
class UploadFormatsTest {

  private static final int CHUNK = 256 * 1024;
  private static Path dataDir;
  private static Path made;
  private static TestServer server;
  private static TusClient tus;

  @BeforeAll
  static void start() {
    dataDir = TempDirs.create("livelens-formats-");
    made = TempDirs.create("livelens-formats-in-");
    server = TestServer.start("--data-dir", dataDir.toString());
    tus = new TusClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    TempDirs.delete(dataDir);
    TempDirs.delete(made);
  }

  @Test
  void everyCommonKindOfVideoBecomesReadyAndPlaysToItsFullLengthUpright() throws Exception {
    Map<Path, String> expected = new LinkedHashMap<>(); // file → "width x height"
    expected.put(TestFormats.h264Mp4(made, "phone.mp4", 3, true), "320x240");
    expected.put(TestFormats.h264Mp4(made, "camera.mp4", 3, false), "320x240");
    expected.put(TestFormats.hevcMp4(made, "hevc.mp4", 3), "320x240");
    expected.put(TestFormats.rotatedMov(made, "upright.mov", 2), "720x1280");
    expected.put(TestFormats.vp9OpusMkv(made, "screen.mkv", 3), "320x240");
    expected.put(TestFormats.mpeg4Avi(made, "export.avi", 3), "320x240");
    expected.put(TestFormats.mpegTs(made, "broadcast.ts", 3), "320x240");
    expected.put(TestFormats.variableRateSilent(made, "dim-light.mp4"), "320x240");
    Map<Path, String> videos = new LinkedHashMap<>();
    for (Path file : expected.keySet()) {
      videos.put(file, upload(file));
    }
    for (Map.Entry<Path, String> entry : videos.entrySet()) {
      Path file = entry.getKey();
      JsonObject video = UploadVideos.await(tus, entry.getValue());
      String name = file.getFileName().toString();
      assertEquals("ready", video.getString("status"), name + ": " + video.encode());
      assertEquals(name, video.getString("title"));
      assertEquals("h264", video.getString("codec"), name);
      assertEquals(expected.get(file), video.getInteger("width") + "x" + video.getInteger("height"), name);
      JsonObject source = Ffprobe.probe(file);
      double seconds = Ffprobe.durationSeconds(source);
      JsonObject original = video.getJsonObject("original");
      assertEquals(name, original.getString("name"), "the details name the original file");
      String codec = Ffprobe.video(source).getString("codec_name");
      assertTrue(original.getString("media").contains(": " + codec + " ")
          && original.getString("media").contains("h264".equals(codec) && !name.equals("upright.mov")
              ? "; remuxed" : "; transcoded"), name + ": " + original.getString("media"));
      Path dir = dataDir.resolve("media").resolve(video.getString("id"));
      JsonObject mp4 = Ffprobe.probe(dir.resolve("video.mp4"));
      assertEquals(seconds, Ffprobe.durationSeconds(mp4), 0.25, name + " as MP4");
      assertEquals(expected.get(file), Ffprobe.video(mp4).getInteger("width") + "x"
          + Ffprobe.video(mp4).getInteger("height"), name + ": the MP4's picture is upright, with no matrix to apply");
      assertEquals(seconds, Ffprobe.durationSeconds(Ffprobe.probe(dir.resolve("hls").resolve("index.m3u8"))), 0.25,
          name + " as HLS");
      String extension = name.substring(name.lastIndexOf('.') + 1);
      assertArrayEquals(TusClient.digest(Files.readAllBytes(file)),
          TusClient.digest(Files.readAllBytes(dir.resolve("original." + extension))), name + ": the original is kept");
    }
  }

  @Test
  void soundOnlyTextAv1AndACutShortFileFailWithTheirReasonAndLeaveNoFiles() throws Exception {
    Path text = Files.writeString(made.resolve("notes.txt"), "a shopping list, not a video\n".repeat(50),
        StandardCharsets.UTF_8);
    Path whole = TestFormats.h264Mp4(made, "whole.mp4", 5, true);
    Map<Path, String> reasons = new LinkedHashMap<>();
    reasons.put(TestFormats.audioOnly(made, "voice.m4a", 3), "this file has no video, only sound");
    reasons.put(text, "this file is not a video FFmpeg can read");
    // Named like a video: FFmpeg looks for an MP4's index, but nothing here was cut short.
    reasons.put(Files.copy(text, made.resolve("notes.mp4")), "this file is not a video FFmpeg can read");
    reasons.put(TestFormats.av1Webm(made, "screen-av1.webm", 2), "AV1 video cannot be decoded here");
    reasons.put(TestFormats.truncated(whole, made.resolve("cut-short.mp4"), 0.5), "the file ends early, at ");
    for (Map.Entry<Path, String> entry : reasons.entrySet()) {
      String name = entry.getKey().getFileName().toString();
      JsonObject video = UploadVideos.await(tus, upload(entry.getKey()));
      assertEquals("failed", video.getString("status"), name + ": " + video.encode());
      assertTrue(video.getString("reason").startsWith(entry.getValue()), name + ": " + video.getString("reason"));
      assertFalse(video.getString("reason").contains("/"), "no server path in " + video.getString("reason"));
      assertFalse(Files.exists(dataDir.resolve("media").resolve(video.getString("id"))), name + " left files");
    }
  }

  /** Sends the file in 256 KiB PATCHes with their SHA-256; answers the video id of the last. */
  private static String upload(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String upload = tus.create(bytes.length, file.getFileName().toString());
    for (int offset = 0; ; offset += CHUNK) {
      int end = Math.min(bytes.length, offset + CHUNK);
      HttpResponse<String> patched = tus.patch(upload, offset, Arrays.copyOfRange(bytes, offset, end), -1);
      assertEquals(204, patched.statusCode(), patched.body());
      if (end == bytes.length) {
        assertFalse(Files.exists(dataDir.resolve("uploads").resolve(upload.substring(upload.lastIndexOf('/') + 1))
            .resolve("data")), "the upload's bytes moved to the video");
        return patched.headers().firstValue("Livelens-Video-Id").orElseThrow();
      }
    }
  }
}
