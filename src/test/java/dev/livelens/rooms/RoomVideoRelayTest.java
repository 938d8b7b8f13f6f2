package dev.livelens.rooms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.livelens.testing.RoomClient;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestAccounts.Person;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A member's processed camera stream, relayed to the other members of their room: the same JPEG bytes,
 * only from the stream's own signed-in owner, and with each viewer's own backpressure.
 */
class RoomVideoRelayTest {

  /** Far above the frame ids of a run: a frame with this id or more was sent after it. */
  private static final long FIRST_LATE_ID = 1_000_000;
  private static TestServer server;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  private RoomClient member(Person person, String room) {
    return member(person, room, -1);
  }

  private RoomClient member(Person person, String room, int receiveBufferBytes) {
    RoomClient client = RoomClient.connect(server.vertx, server.port(), person.cookie(), null, receiveBufferBytes);
    open.add(client);
    client.next("welcome");
    client.send("join", "room", room);
    client.next("joined");
    return client;
  }

  private String newRoom(Person owner) {
    try (RoomClient client = RoomClient.connect(server.vertx, server.port(), owner.cookie(), null)) {
      client.send("create", "name", "Video");
      return client.next("created").getJsonObject("room").getString("id");
    }
  }

  /** Opens a camera stream as {@code person} (null: anonymously) and gives it with its id. */
  private Map.Entry<StreamClient, String> camera(Person person, String filter) {
    String uri = "/ws/stream?filter=" + filter;
    StreamClient stream = person == null ? StreamClient.connect(server.vertx, server.port(), uri, null)
        : StreamClient.connectSignedIn(server.vertx, server.port(), uri, person.cookie());
    open.add(stream);
    String id = stream.next("hello").json().getString("stream");
    stream.next("filter");
    return Map.entry(stream, id);
  }

  @Test
  void theOtherMembersGetTheSendersProcessedJpegByteForByte() {
    Person ann = TestAccounts.signUp(server, "ann");
    Person bob = TestAccounts.signUp(server, "bob");
    String room = newRoom(ann);
    RoomClient annRoom = member(ann, room);
    RoomClient bobRoom = member(bob, room);
    Map.Entry<StreamClient, String> annCamera = camera(ann, "gray");
    annRoom.send("camera", "stream", annCamera.getValue());
    bobRoom.next(m -> "room".equals(m.getString("type")) && m.getJsonObject("room").getJsonArray("members")
        .stream().anyMatch(p -> ((JsonObject) p).getBoolean("camera")), "ann's camera on");

    Map<Long, byte[]> processed = new HashMap<>();
    byte[] frame = TestImages.faceFrame();
    for (long id = 1; id <= 3; id++) {
      annCamera.getKey().sendFrame(id, frame);
      processed.put(id, annCamera.getKey().next("image").jpeg());
    }
    RoomClient.Media relayed = bobRoom.nextMedia((byte) 2);
    assertEquals(ann.id(), relayed.from());
    assertArrayEquals(processed.get(relayed.frameId()), relayed.bytes(), "the processed bytes, not re-encoded");
    assertFalse(java.util.Arrays.equals(frame, relayed.bytes()), "processed (gray), not the camera's original");
    assertEquals(null, annRoom.pollMedia(Duration.ofMillis(300)), "nobody is sent their own video");
  }

  @Test
  void aStreamThatIsSomeoneElsesOrAnonymousCannotBeShown() {
    Person ann = TestAccounts.signUp(server, "ann");
    Person bob = TestAccounts.signUp(server, "bob");
    String room = newRoom(ann);
    member(ann, room);
    RoomClient bobRoom = member(bob, room);
    bobRoom.send("camera", "stream", camera(ann, "none").getValue());
    assertEquals("not_your_stream", bobRoom.next("error").getString("code"));
    bobRoom.send("camera", "stream", camera(null, "none").getValue());
    assertEquals("not_your_stream", bobRoom.next("error").getString("code"));
  }

  /**
   * Video frames {@code viewer} received before the first of the frames sent now, one at a time, that reaches
   * it: frames leave the server in order, so once one of these arrives nothing older is still on its way. A
   * frame published while the viewer's queue is still full is skipped for it, hence more than one.
   */
  private static long framesBeforeNewOnes(StreamClient sender, RoomClient viewer, byte[] frame) {
    long count = 0;
    long deadline = System.nanoTime() + RoomClient.TIMEOUT.toNanos();
    for (long id = FIRST_LATE_ID; System.nanoTime() < deadline; id++) {
      sender.sendFrame(id, frame);
      sender.next("image");
      for (RoomClient.Media media = viewer.pollMedia(Duration.ofMillis(200)); media != null;
          media = viewer.pollMedia(Duration.ofMillis(200))) {
        if (media.frameId() >= FIRST_LATE_ID) {
          return count;
        }
        count++;
      }
    }
    return fail("none of the frames sent after the run reached the viewer within " + RoomClient.TIMEOUT);
  }

  @Test
  void aViewerThatNeverReadsDoesNotSlowTheSenderOrTheOtherViewer() {
    Person ann = TestAccounts.signUp(server, "ann");
    String room = newRoom(ann);
    RoomClient annRoom = member(ann, room);
    RoomClient fast = member(TestAccounts.signUp(server, "fast"), room);
    RoomClient stuck = member(TestAccounts.signUp(server, "stuck"), room, 8192);
    Map.Entry<StreamClient, String> annCamera = camera(ann, "none");
    annRoom.send("camera", "stream", annCamera.getValue());
    fast.next(m -> "room".equals(m.getString("type")) && m.getJsonObject("room").getJsonArray("members")
        .stream().anyMatch(p -> ((JsonObject) p).getBoolean("camera")), "ann's camera on");
    stuck.stopReading();

    byte[] frame = TestImages.astronautJpeg(640, 480);
    long before = fast.videoFrames.get();
    Duration length = Duration.ofSeconds(5);
    int answered = annCamera.getKey().streamAtCameraPace(length, frame, 1, message -> { });
    long seen = fast.videoFrames.get() - before;
    System.out.printf("slow viewer: sender answered %d frames in %d s (%.1f fps), fast viewer saw %d (%.1f fps)%n",
        answered, length.toSeconds(), answered / (double) length.toSeconds(), seen, seen / (double) length.toSeconds());
    stuck.resumeReading();
    long stuckSaw = framesBeforeNewOnes(annCamera.getKey(), stuck, frame);
    System.out.printf("slow viewer: the stuck viewer got %d frames once it read again%n", stuckSaw);
    // What the kernel's socket buffers held reaches it late; the rest was dropped for it alone, not queued.
    assertTrue(stuckSaw < answered * 0.8, "the stuck viewer's frames were dropped, not queued: " + stuckSaw);
    assertTrue(answered >= 20 * length.toSeconds(), "the sender keeps at least 20 fps: " + answered);
    assertTrue(seen >= answered * 0.9, "the fast viewer sees at least 90% of the sender's frames: " + seen
        + " of " + answered);
  }
}
