package dev.livelens.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.NodeProcess;
import dev.livelens.testing.PacedFilter;
import dev.livelens.testing.PrometheusText;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import dev.livelens.vision.OpenCvNatives;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * A cluster on loopback: an HTTP-only node in this JVM, worker-only nodes (one OpenCV worker each) in
 * JVMs of their own, joined by Hazelcast and the clustered event bus. The HTTP node and worker-1 serve
 * every test; a test that needs another worker node starts its own and has it gone (the HTTP node saw it
 * leave) before it ends, so each test finds the same two nodes whatever ran before it.
 */
class ClusterTest {

  private static final int CLUSTER_PORT = NodeProcess.freePort();
  private static TestServer http;
  private static NodeProcess first;

  @BeforeAll
  @Timeout(value = 4, unit = TimeUnit.MINUTES) // a JVM to start and warm up, on a loaded machine
  static void startHttpNodeAndOneWorkerNode() {
    http = TestServer.start(PacedFilter.catalog(), "--role", "http", "--node-name", "http-a", "--cluster", "--cluster-port",
        String.valueOf(CLUSTER_PORT));
    first = workerNode("worker-1").awaitHealthy();
    warmUp();
  }

  /**
   * Frames one at a time until five in a row come back: a fresh worker JVM and the bus's first connection
   * to it take longer than --max-wait-ms for the first frames (the server's own warm-up is off here).
   */
  private static void warmUp() {
    try (StreamClient client = http.connect("/ws/stream?filter=edges").skipGreeting()) {
      int inARow = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      for (long id = 1; inARow < 5 && System.nanoTime() < deadline; id++) {
        client.sendFrame(id, TestImages.faceFrame());
        StreamClient.Incoming reply = client.poll(Duration.ofSeconds(2));
        inARow = reply != null && reply.isImage() ? inARow + 1 : 0;
      }
    }
  }

  @AfterAll
  static void stopNodes() {
    for (AutoCloseable node : new AutoCloseable[] {first, http}) {
      try {
        if (node != null) {
          node.close();
        }
      } catch (Exception e) {
        // the others still close
      }
    }
  }

  @Test
  void framesThroughAnHttpNodeAreProcessedByAWorkerNodeInAnotherJvm() throws Exception {
    try (StreamClient client = http.connect("/ws/stream?filter=edges").skipGreeting()) {
      CameraRun run = CameraRun.of(client, Duration.ofSeconds(3));
      JsonObject stats = run.settledStats(client);
      assertTrue(run.images() >= 5, "images: " + run.images() + ", " + stats.encode());
      assertEquals(new JsonObject().put("worker-1", stats.getLong("processed")), stats.getJsonObject("nodes"),
          "the replies name the worker node: " + stats.encode());
    }
  }

  /**
   * A stream's background picture crosses to the worker node once, not with every frame: frames carry its
   * key, and the worker asks the stream for it. The picture is blue noise, most of a megabyte as a JPEG.
   */
  @Test
  void aBackgroundPictureCrossesToAWorkerNodeOnceNotWithEveryFrame() throws Exception {
    OpenCvNatives.load();
    Mat noise = new Mat(720, 1280, CvType.CV_8UC3);
    Core.randu(noise, 0, 60);
    Core.add(noise, new Scalar(150, 0, 0), noise);
    MatOfByte picture = new MatOfByte();
    Imgcodecs.imencode(".jpg", noise, picture, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 95));
    assertTrue(picture.total() > 400_000, "a picture worth not sending twice: " + picture.total() + " bytes");
    try (StreamClient client = http.connect("/ws/stream?filter=none").skipGreeting()) {
      client.sendText(new JsonObject().put("type", "background")
          .put("data", Base64.getEncoder().encodeToString(picture.toArray())).encode());
      JsonObject kept = client.next("background").json();
      assertTrue(kept.getValue("image") != null, kept.encode());
      client.selectFilter("replace-background", new JsonObject());
      double before = busBytes();
      byte[] last = null;
      int images = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      for (long id = 1; images < 10 && System.nanoTime() < deadline; id++) {
        client.sendFrame(id, TestImages.faceFrame());
        StreamClient.Incoming reply = client.poll(Duration.ofSeconds(5));
        while (reply != null && !reply.isImage()) {
          reply = client.poll(Duration.ofSeconds(5));
        }
        if (reply != null) {
          images++;
          last = reply.jpeg();
        }
      }
      assertEquals(10, images, "answered frames");
      double perFrame = (busBytes() - before) / images;
      // The frame's own JPEG (44 KB) crosses each time; the picture would add its size and a third again.
      assertTrue(perFrame > 40_000 && perFrame < 100_000, "bytes to the worker node a frame: " + perFrame
          + " (the picture is " + picture.total() + ")");
      Mat answer = TestImages.decode(last);
      double[] behind = Core.mean(answer.submat(new Rect(470, 20, 150, 130))).val;
      assertTrue(behind[0] > 140 && behind[1] < 90 && behind[2] < 90,
          "the picture's blue behind the person: " + java.util.Arrays.toString(behind));
    }
  }

  /** What the HTTP node has written to other nodes on the frames' address so far. */
  private static double busBytes() throws Exception {
    return http.scrape().sum("vertx_eventbus_bytes_written_sum", Map.of("address", "livelens.frames"));
  }

  @Test
  void theHttpNodeRecordsTheFramesAWorkerNodeProcessed() throws Exception {
    try (StreamClient client = http.connect("/ws/stream?filter=gray").skipGreeting()) {
      client.sendText("{\"type\":\"record\",\"on\":true}");
      String video = client.awaitRecording("started", Duration.ofSeconds(10)).getString("video");
      CameraRun run = CameraRun.of(client, Duration.ofSeconds(3));
      client.sendText("{\"type\":\"record\",\"on\":false}");
      // The run's settled stats may have come (and been read) during the run: one more frame makes news, so
      // a stats with every frame settled follows its answer. It and the recording's end come in either order.
      long sent = run.sent() + 1;
      client.sendFrame(sent, TestImages.faceFrame());
      JsonObject finished = null;
      JsonObject stats = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while ((finished == null || stats == null) && System.nanoTime() < deadline) {
        StreamClient.Incoming message = client.poll(Duration.ofMillis(500));
        JsonObject json = message == null ? null : message.json();
        if (json != null && "recording".equals(json.getString("type")) && "finished".equals(json.getString("state"))) {
          finished = json;
        } else if (json != null && "stats".equals(json.getString("type")) && json.getLong("received") == sent
            && json.getInteger("inFlight") == 0) {
          stats = json;
        }
      }
      assertTrue(finished != null && stats != null, "recording finished " + finished + ", settled stats " + stats);
      assertEquals(new JsonObject().put("worker-1", stats.getLong("processed")), stats.getJsonObject("nodes"));

      Path file = Files.createTempFile("livelens-cluster-", ".mp4");
      try {
        String mp4 = new JsonObject(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + http.port() + "/api/videos/" + video)).build(),
            HttpResponse.BodyHandlers.ofString()).body()).getString("mp4"); // a signed link
        HttpResponse<Path> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + http.port() + mp4)).build(),
            HttpResponse.BodyHandlers.ofFile(file));
        assertEquals(200, download.statusCode());
        JsonObject probe = Ffprobe.probe(file);
        JsonObject stream = Ffprobe.video(probe);
        assertEquals("h264", stream.getString("codec_name"));
        int frames = Integer.parseInt(stream.getString("nb_read_frames"));
        assertEquals(finished.getInteger("frames"), frames, finished.encode());
        // Every image the client got was published to the recorder: in the video, or skipped by it (frames
        // still at the worker when the run ended may be answered before or after recording stops).
        long recorded = frames + finished.getLong("skipped");
        assertTrue(recorded >= run.images() && recorded <= stats.getLong("processed"),
            recorded + " frames for the recorder, " + run.images() + " images seen, " + stats.encode());
        assertTrue(frames > 0, finished.encode());
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

  @Test
  void theHttpNodesDashboardShowsEveryNodeAndEachNodeTagsItsMeters() throws Exception {
    BlockingQueue<JsonObject> snapshots = new LinkedBlockingQueue<>();
    // The history a dashboard gets first holds up to two minutes of snapshots: more than a client's default
    // message size once the node has run that long (a browser has no such limit).
    WebSocketClient feed = http.vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(256 * 1024).setMaxMessageSize(16 * 1024 * 1024));
    feed.connect(http.port(), "127.0.0.1", "/ws/metrics")
        .onSuccess(socket -> socket.textMessageHandler(text -> snapshots.add(new JsonObject(text)))).await();
    try {
      // A worker node another test stopped stays on the table until it has been silent for 5 s (NodeTable).
      JsonObject cluster = null;
      JsonObject last = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (System.nanoTime() < deadline && (cluster == null || !names(cluster).equals(List.of("http-a", "worker-1")))) {
        JsonObject snapshot = snapshots.poll(1, TimeUnit.SECONDS);
        last = snapshot == null ? last : snapshot;
        cluster = snapshot != null && snapshot.containsKey("cluster") ? snapshot.getJsonObject("cluster") : cluster;
      }
      assertTrue(cluster != null && names(cluster).equals(List.of("http-a", "worker-1")),
          "no snapshot with exactly the cluster's two nodes; the last: " + last);
      List<String> nodes = cluster.getJsonArray("nodes").stream()
          .map(node -> ((JsonObject) node).getString("node") + " " + ((JsonObject) node).getString("role") + " "
              + ((JsonObject) node).getLong("workers")).toList();
      assertEquals(List.of("http-a http 0", "worker-1 worker 1"), nodes, cluster.encode());
      assertEquals(1, cluster.getJsonObject("totals").getLong("workers"), cluster.encode());
    } finally {
      feed.close().await();
    }
    HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + first.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    PrometheusText metrics = PrometheusText.parse(scrape.body());
    assertTrue(metrics.value("livelens_worker_frames_total", Map.of("node", "worker-1", "outcome", "processed")) > 0,
        "the worker node counts the frames it processed, tagged with its name");
    assertEquals(1.0, metrics.value("livelens_workers", Map.of("node", "worker-1")));
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES) // a worker JVM to start, and to stop
  void aWorkerNodeThatJoinsAddsCapacityAtOnce() throws Exception {
    double alone = framesPerSecond(Duration.ofSeconds(4));
    double together;
    try (ExtraWorkerNode second = ExtraWorkerNode.join(http.vertx, () -> workerNode("worker-2"))) {
      together = framesPerSecond(Duration.ofSeconds(4));
    }
    assertTrue(alone <= 1.1 * 1000 / PacedFilter.HOLD_MS, "one worker node cannot do " + alone + " fps");
    assertTrue(together > 1.5 * alone, "processed " + alone + " fps with one worker node, " + together
        + " with two");
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES) // a worker JVM to start and warm up
  void aWorkerNodeKilledMidStreamCostsOnlyTheFramesItHeld() throws Exception {
    try (ExtraWorkerNode doomed = ExtraWorkerNode.join(http.vertx, () -> workerNode("worker-3"))) {
      warmUp(); // worker-3's first frames would be late: the kill must cost frames it was really serving
      try (StreamClient client = http.connect("/ws/stream?filter=edges").skipGreeting()) {
        CameraRun run = CameraRun.of(client, Duration.ofSeconds(7), Duration.ofSeconds(2), doomed.process()::kill);
        JsonObject stats = run.settledStats(client);
        assertEquals(run.sent() + 1, stats.getLong("processed") + stats.getLong("dropped") + stats.getLong("errors"),
            "every frame answered, errored or dropped: " + stats.encode());
        assertTrue(run.longestGapAfterKillMs() < 2000, "the stream stood still for " + run.longestGapAfterKillMs()
            + " ms after the kill (images at " + run.imageMsAfterEvent() + " ms): " + stats.encode());
        // The rate, not a count: this machine's load decides how fast one worker is.
        double before = run.imagesPerSecond(0, 2000);
        double after = run.imagesPerSecond(4000, 7000);
        assertTrue(after > before / 3, "images a second before the kill " + before + ", from 2 s after it " + after);
        JsonObject nodes = stats.getJsonObject("nodes");
        assertTrue(nodes.getLong("worker-3", 0L) > 0 && nodes.getLong("worker-1", 0L) > 0,
            "both nodes served the stream, the killed one before the kill: " + stats.encode());
      }
    }
  }

  /** The names of the nodes in a dashboard snapshot's cluster table. */
  private static List<String> names(JsonObject cluster) {
    return cluster.getJsonArray("nodes").stream().map(node -> ((JsonObject) node).getString("node")).toList();
  }

  /**
   * Frames processed per second by the cluster while six camera-paced streams ask for more than two
   * workers can do (each holds a frame 40 ms, whatever the machine's load).
   */
  private static double framesPerSecond(Duration length) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> answered = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answered.add(threads.submit(() -> {
          try (StreamClient client = http.connect("/ws/stream?filter=paced").skipGreeting()) {
            return CameraRun.of(client, length).images();
          }
        }));
      }
      int total = 0;
      for (Future<Integer> count : answered) {
        total += count.get();
      }
      return total / (double) length.toSeconds();
    } finally {
      threads.shutdownNow();
    }
  }

  private static NodeProcess workerNode(String name) {
    return NodeProcess.start("--role", "worker", "--workers", "1", "--node-name", name, "--cluster",
        "--cluster-port", String.valueOf(NodeProcess.freePort()), "--cluster-members", "127.0.0.1:" + CLUSTER_PORT);
  }
}
