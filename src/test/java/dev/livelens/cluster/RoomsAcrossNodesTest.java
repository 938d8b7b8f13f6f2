package dev.livelens.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.livelens.testing.CookieClient;
import dev.livelens.testing.NodeProcess;
import dev.livelens.testing.PostgresRequired;
import dev.livelens.testing.RoomClient;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TwoHttpNodes;
import dev.livelens.testing.TestServer;
import dev.livelens.web.CloseCodes;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A room whose two members are connected to two different HTTP nodes of one cluster: node A in this JVM
 * (it also runs the only OpenCV worker), node B in a JVM of its own (HTTP only). They share what a cluster
 * shares: PostgreSQL (accounts, chat) and the data directory (the session signing key). Each person signs
 * up on one node and uses the session cookie on the other; they see each other online and in the room,
 * chat both ways, and each gets the other's processed camera byte for byte. When node B dies, its member
 * leaves the room on node A (the room does not keep a ghost).
 */
@ExtendWith(PostgresRequired.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoomsAcrossNodesTest {

  private static TwoHttpNodes nodes;
  private static TestServer nodeA;
  private static NodeProcess nodeB;

  @BeforeAll
  static void startTwoHttpNodes() {
    nodes = TwoHttpNodes.start("livelens-rooms-cluster-");
    nodeA = nodes.a();
    nodeB = nodes.b();
  }

  @AfterAll
  static void stopNodes() {
    if (nodes != null) {
      nodes.close();
    }
  }

  /** Signs up through node {@code signUpPort}'s API and gives the session cookie. */
  private static String signUp(int signUpPort, String username) throws Exception {
    HttpResponse<String> response = new CookieClient(signUpPort).signUp(username, TestAccounts.PASSWORD);
    assertEquals(201, response.statusCode(), response.body());
    return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
  }

  /** Logs in through node {@code port}'s API and gives the new session cookie. */
  private static String logIn(int port, String username) throws Exception {
    HttpResponse<String> response = new CookieClient(port).logIn(username, TestAccounts.PASSWORD);
    assertEquals(200, response.statusCode(), response.body());
    return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
  }

  private static boolean online(JsonObject presence, String name) {
    return presence.getJsonArray("people").stream().anyMatch(p -> name.equals(((JsonObject) p).getString("name")));
  }

  private static List<String> memberNames(JsonObject roomMessage) {
    return roomMessage.getJsonObject("room").getJsonArray("members").stream()
        .map(m -> ((JsonObject) m).getString("name")).toList();
  }

  private static boolean hasMembers(JsonObject roomMessage, String... names) {
    return memberNames(roomMessage).containsAll(List.of(names));
  }

  private static boolean cameraOn(JsonObject roomMessage, long memberId) {
    return roomMessage.getJsonObject("room").getJsonArray("members").stream().map(JsonObject.class::cast)
        .anyMatch(m -> m.getLong("id") == memberId && m.getBoolean("camera"));
  }

  @Test
  @Order(1)
  void aLogoutOnOneNodeClosesThatPersonsRoomsSocketOnTheOther() throws Exception {
    String cookie = signUp(nodeA.port(), "leaving-" + Long.toString(System.nanoTime(), 36));
    try (RoomClient onB = RoomClient.connect(nodeA.vertx, nodeB.port(), cookie, null)) {
      onB.next("welcome");
      CookieClient client = new CookieClient(nodeA.port());
      assertEquals(204, client.send(client.request("/api/auth/logout").header("Cookie", cookie)
          .POST(java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode());
      assertEquals(CloseCodes.SIGNED_OUT, onB.closeStatus.get(10, java.util.concurrent.TimeUnit.SECONDS),
          "the socket on node B heard node A's sign-out");
    }
  }

  @Test
  @Order(2) // ends with node B's death
  void membersOnTwoHttpNodesSeeEachOtherChatAndGetEachOthersProcessedVideo() throws Exception {
    String suffix = Long.toString(System.nanoTime(), 36);
    String annName = "ann-" + suffix;
    String bobName = "bob-" + suffix;
    // Signed up on one node, signed in on the other: one database, one session key.
    signUp(nodeB.port(), annName);
    String annCookie = logIn(nodeA.port(), annName);
    String bobCookie = signUp(nodeA.port(), bobName);

    RoomClient bob = RoomClient.connect(nodeA.vertx, nodeB.port(), bobCookie, null);
    try (RoomClient ann = RoomClient.connect(nodeA.vertx, nodeA.port(), annCookie, null)) {
      long annId = ann.next("welcome").getJsonObject("user").getLong("id");
      long bobId = bob.next("welcome").getJsonObject("user").getLong("id");

      ann.next(m -> "presence".equals(m.getString("type")) && online(m, bobName), "bob (node B) online on node A");
      bob.next(m -> "presence".equals(m.getString("type")) && online(m, annName), "ann (node A) online on node B");

      ann.send("create", "name", "Across nodes");
      String room = ann.next("created").getJsonObject("room").getString("id");
      ann.send("join", "room", room);
      ann.next("joined");
      bob.send("join", "room", room);
      assertTrue(hasMembers(bob.next("joined"), annName, bobName));
      ann.next(m -> "room".equals(m.getString("type")) && hasMembers(m, annName, bobName), "bob in ann's room");

      String html = "<b>hi</b> <script>alert(1)</script> & bye";
      ann.send("say", "text", html);
      JsonObject heard = bob.next(m -> "chat".equals(m.getString("type")) && annName.equals(
          m.getJsonObject("from").getString("name")), "ann's message on node B");
      assertEquals(html, heard.getString("text"), "kept as typed, shown as text");
      assertEquals(room, heard.getString("room"));
      bob.send("say", "text", "back from <i>B</i>");
      JsonObject answer = ann.next(m -> "chat".equals(m.getString("type")) && bobName.equals(
          m.getJsonObject("from").getString("name")), "bob's message on node A");
      assertEquals("back from <i>B</i>", answer.getString("text"));
      ann.send(new JsonObject().put("type", "caption").put("text", "he was not").put("final", false));
      JsonObject caption = bob.next("caption");
      assertEquals(annId, caption.getLong("from"), "ann's live caption on node B, as hers: " + caption);
      assertEquals("he was not", caption.getString("text"));

      try (StreamClient annCamera = StreamClient.connectSignedIn(nodeA.vertx, nodeA.port(),
          "/ws/stream?filter=edges", annCookie);
          StreamClient bobCamera = StreamClient.connectSignedIn(nodeA.vertx, nodeB.port(),
              "/ws/stream?filter=edges", bobCookie)) {
        ann.send("camera", "stream", annCamera.next("hello").json().getString("stream"));
        bob.send("camera", "stream", bobCamera.next("hello").json().getString("stream"));
        bob.next(m -> "room".equals(m.getString("type")) && cameraOn(m, annId), "ann's camera on, on node B");
        ann.next(m -> "room".equals(m.getString("type")) && cameraOn(m, bobId), "bob's camera on, on node A");

        assertRelayedByteForByte(annCamera, annId, bob);
        assertRelayedByteForByte(bobCamera, bobId, ann);
      }

      // Node B dies without closing its sockets: bob goes offline and out of the room on node A.
      nodeB.kill();
      JsonObject[] seen = new JsonObject[2]; // the room without bob, the presence without bob: in either order
      awaitText(ann, m -> {
        if ("room".equals(m.getString("type")) && !hasMembers(m, bobName)) {
          seen[0] = m;
        } else if ("presence".equals(m.getString("type")) && !online(m, bobName)) {
          seen[1] = m;
        }
        return seen[0] != null && seen[1] != null;
      }, Duration.ofSeconds(30), "room and presence without bob on node A after node B died (a ghost member stays)");
      assertEquals(List.of(annName), memberNames(seen[0]), "ann alone in the room: " + seen[0].encode());
      assertEquals(List.of(annName), seen[1].getJsonArray("people").stream()
          .map(p -> ((JsonObject) p).getString("name")).toList(), "ann alone online: " + seen[1].encode());
      // What the cluster keeps, read again by a new connection: bob's membership is gone, not just announced.
      try (RoomClient annAgain = RoomClient.connect(nodeA.vertx, nodeA.port(), annCookie, null)) {
        annAgain.next("welcome");
        annAgain.send("join", "room", room);
        assertEquals(List.of(annName), memberNames(annAgain.next("joined")));
      }
    } finally {
      try {
        bob.close();
      } catch (RuntimeException closedByTheDeadNode) {
        // its node is gone
      }
    }
  }

  /** The first text message that {@code wanted} accepts within {@code wait} (others skipped), failing after. */
  private static JsonObject awaitText(RoomClient client, Predicate<JsonObject> wanted, Duration wait,
      String what) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject message = client.pollText(Duration.ofMillis(500));
      if (message != null && wanted.test(message)) {
        return message;
      }
    }
    return fail("no " + what + " within " + wait);
  }

  /**
   * Sends frames on {@code camera} one at a time until {@code viewer}, a member on the other node, gets one
   * of them: the very JPEG the sender's own stream answered with (processed, not the camera's original).
   */
  private static void assertRelayedByteForByte(StreamClient camera, long senderId, RoomClient viewer) {
    byte[] original = TestImages.faceFrame();
    Map<Long, byte[]> processed = new HashMap<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    for (long id = 1; System.nanoTime() < deadline; id++) {
      camera.sendFrame(id, original);
      StreamClient.Incoming reply = camera.poll(Duration.ofSeconds(3));
      while (reply != null && !reply.isImage() && reply.answeredFrame() == null) {
        reply = camera.poll(Duration.ofSeconds(3)); // stats and the like
      }
      if (reply != null && reply.isImage()) {
        processed.put(reply.id(), reply.jpeg());
      }
      for (RoomClient.Media media = viewer.pollMedia(Duration.ofMillis(300)); media != null;
          media = viewer.pollMedia(Duration.ofMillis(100))) {
        if (media.kind() == 2 && media.from() == senderId && processed.containsKey(media.frameId())) {
          assertArrayEquals(processed.get(media.frameId()), media.bytes(), "relayed as processed, byte for byte");
          assertFalse(java.util.Arrays.equals(original, media.bytes()), "processed (edges), not the original");
          return;
        }
      }
    }
    fail("no frame of user " + senderId + " reached the member on the other node; the sender got "
        + processed.size() + " processed frames back");
  }
}
