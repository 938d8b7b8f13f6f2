package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.FileServer;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Imports from plain web servers: the file is downloaded whole first, so an MP4 with its index at the end
 * comes through a server that ignores byte ranges; a web page is searched for its video; and every failure
 * says, for a person, what went wrong, never with a path of the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportsTest {

  /** A path of this machine: a slash followed by a name. */
  private static final Pattern SERVER_PATH = Pattern.compile("(^|[\\s'\"(:])/\\w");

  private Path files;
  private FileServer fileServer;
  private ServerSocket closing;
  private TestServer server;
  private ApiClient api;

  @BeforeAll
  void start() throws Exception {
    files = TempDirs.create("livelens-imports-");
    TestVideos.make(files, "front.mp4", 3);
    // Index (moov) at the end, as cameras and most tools write it: FFmpeg reading the URL must seek for it.
    Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
        "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440", "-t", "4", "-c:v", "libx264",
        "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", files.resolve("end.mp4").toString()))
        .inheritIO().start();
    assertEquals(0, ffmpeg.waitFor());
    byte[] whole = Files.readAllBytes(files.resolve("end.mp4"));
    Files.write(files.resolve("cut-short.mp4"), Arrays.copyOf(whole, whole.length / 2));
    Files.writeString(files.resolve("notes.mp4"), "these are notes, not a video\n".repeat(100));
    Files.writeString(files.resolve("player.html"), "<!DOCTYPE html><html><head><title>Clip</title></head><body>"
        + "<video controls width=\"320\"><source src=\"end.mp4\" type=\"video/mp4\"></video></body></html>");
    Files.writeString(files.resolve("share.html"), "<html><head><meta property='og:title' content='A clip'>"
        + "<meta property=\"og:video\" content=\"/front.mp4?from=share&amp;x=1\"></head><body>A clip</body></html>");
    Files.writeString(files.resolve("blog.html"), "<!doctype html><html><body><p>No video here.</p></body></html>");
    fileServer = FileServer.serve(files);
    closing = closesEarly();
    server = TestServer.start("--workers", "1", "--allow-private-urls");
    api = new ApiClient(server.port());
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
    fileServer.close();
    closing.close();
    TempDirs.delete(files);
  }

  @Test
  void anMp4WithItsIndexAtTheEndFromAServerThatIgnoresRangesBecomesReady() throws Exception {
    JsonObject video = imported(fileServer.url("end.mp4"));
    assertEquals("ready", video.getString("status"), video.encode());
    assertEquals(4000, video.getLong("durationMs"), 200);
    assertFalse(Files.exists(server.server.library().orElseThrow().store().directory(video.getString("id"))
        .resolve("download")), "the download is removed once copied");
  }

  @Test
  void aWebPageImportsTheVideoItShows() throws Exception {
    JsonObject fromSource = imported(fileServer.url("player.html"));
    assertEquals("ready", fromSource.getString("status"), fromSource.encode());
    assertEquals(4000, fromSource.getLong("durationMs"), 200);
    JsonObject fromOpenGraph = imported(fileServer.url("share.html"));
    assertEquals("ready", fromOpenGraph.getString("status"), fromOpenGraph.encode());
    assertEquals(3000, fromOpenGraph.getLong("durationMs"), 200);
  }

  @Test
  void failuresSayWhatHappenedForAPersonWithoutAServerPath() throws Exception {
    String port = String.valueOf(closing.getLocalPort());
    expectFailure(fileServer.url("blog.html"), "this is a web page, not a video");
    expectFailure("http://127.0.0.1:" + port + "/clip.mp4",
        "the server at 127.0.0.1 sent 48 bytes of 100000 and closed the connection");
    expectFailure(fileServer.url("cut-short.mp4"), "the file ends early, before its index");
    expectFailure(fileServer.url("notes.mp4"), "this file is not a video FFmpeg can read");
  }

  @Test
  void aDownloadShowsItsProgress() throws Exception {
    fileServer.holdDownloadsAfter(Files.size(files.resolve("end.mp4")) / 2);
    String id;
    double progress;
    try {
      id = accepted(fileServer.url("end.mp4"));
      assertTrue(fileServer.awaitHeld(1, Duration.ofSeconds(20)), "the download reached the gate");
      progress = awaitProgress(id);
    } finally {
      fileServer.release();
    }
    // Half the file: half of the download's 90 % share of making the source, which is 80 % of the job.
    assertEquals(0.5 * 0.9 * 0.8, progress, 0.03);
    assertEquals("ready", api.awaitVideo(id, LibraryApiTest.PATIENCE).getString("status"));
  }

  private void expectFailure(String url, String reason) throws Exception {
    JsonObject video = imported(url);
    assertEquals("failed", video.getString("status"), video.encode());
    String said = video.getString("reason");
    assertTrue(said.startsWith(reason), url + ": " + said);
    assertFalse(SERVER_PATH.matcher(said).find(), "no path of the server in: " + said);
    assertFalse(said.contains(server.server.library().orElseThrow().store().directory(video.getString("id"))
        .getParent().toString()), said);
  }

  private JsonObject imported(String url) throws Exception {
    return api.awaitVideo(accepted(url), LibraryApiTest.PATIENCE);
  }

  private String accepted(String url) throws Exception {
    HttpResponse<String> accepted = api.send("POST", "/api/imports", new JsonObject().put("url", url).encode());
    assertEquals(202, accepted.statusCode(), accepted.body());
    return new JsonObject(accepted.body()).getString("id");
  }

  private double awaitProgress(String id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    double progress = 0;
    while (progress < 0.3 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      progress = api.json("/api/jobs/" + id).getDouble("progress", 0.0);
    }
    return progress;
  }

  /**
   * Promises 100,000 bytes, sends 48 and closes the connection, to every request (the pre-flight check
   * gets the same), on a plain socket: nothing in between can finish the answer for it.
   */
  private static ServerSocket closesEarly() throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(() -> {
      while (!listener.isClosed()) {
        try (Socket socket = listener.accept()) {
          socket.getInputStream().read(new byte[8192]); // the request's head
          OutputStream out = socket.getOutputStream();
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 100000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          out.write(new byte[48]);
          out.flush();
        } catch (IOException closed) {
          // the listener closed, or the client left first
        }
      }
    }, "closes-early");
    accepting.setDaemon(true);
    accepting.start();
    return listener;
  }
}
