package dev.livelens.social.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.JsonSocket;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import dev.livelens.web.CloseCodes;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /ws/comments} over real sockets: live changes for whoever may watch, nothing for anyone else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentSocketTest {

  private TestServer server;
  private Path files;
  private Path clip;
  private ApiClient owner;
  private long ownerId;

  @BeforeAll
  void start() throws Exception {
    files = TempDirs.create("livelens-comment-socket-");
    clip = TestVideos.make(files, "clip.mp4", 2);
    server = TestServer.start("--workers", "1", "--max-sockets-per-address", "3");
    owner = new ApiClient(server.port());
    ownerId = owner.guest();
  }

  @AfterAll
  void stop() {
    server.close();
    TempDirs.delete(files);
  }

  private String video(String visibility) throws Exception {
    String id = TestVideos.add(server, clip, "Live", ownerId).id();
    owner.send("PATCH", "/api/videos/" + id, "{\"visibility\":\"" + visibility + "\"}");
    return id;
  }

  @Test
  void aViewerHearsCommentsAddedEditedAndRemovedByOthers() throws Exception {
    String video = video("unlisted");
    ApiClient writer = new ApiClient(server.port());
    try (JsonSocket viewer = JsonSocket.connect(server.vertx, server.port(), "/ws/comments?video=" + video, null)) {
      viewer.next("ready");
      JsonObject posted = CommentsApiTest.post(writer, video, new JsonObject().put("text", "<i>live</i>"), 201);
      JsonObject heard = viewer.next("comment").getJsonObject("comment");
      assertEquals(posted.getString("id"), heard.getString("id"));
      assertEquals("<i>live</i>", heard.getString("text"));
      assertEquals(Boolean.FALSE, heard.getBoolean("yours"), "said as this viewer sees it");
      String path = "/api/videos/" + video + "/comments/" + posted.getString("id");
      assertEquals(200, writer.send("PATCH", path, "{\"text\":\"edited\"}").statusCode());
      assertEquals("edited", viewer.next("comment").getJsonObject("comment").getString("text"));
      assertEquals(204, owner.send("DELETE", path, null).statusCode());
      assertEquals(posted.getString("id"), viewer.next("removed").getString("id"));
    }
  }

  @Test
  void aStrangerOnAPrivateVideoIsClosedBeforeHearingAnything() throws Exception {
    String video = video("private");
    try (JsonSocket stranger = JsonSocket.connect(server.vertx, server.port(), "/ws/comments?video=" + video, null);
        JsonSocket itsOwner = JsonSocket.connect(server.vertx, server.port(), "/ws/comments?video=" + video,
            owner.cookie())) {
      assertEquals(CloseCodes.POLICY_VIOLATION, stranger.awaitClose());
      itsOwner.next("ready");
      CommentsApiTest.post(owner, video, new JsonObject().put("text", "private note"), 201);
      assertEquals("private note", itsOwner.next("comment").getJsonObject("comment").getString("text"));
      assertNull(stranger.poll(), "the stranger heard nothing");
    }
  }

  @Test
  void oneAddressHoldsAtMostItsShareOfSockets() throws Exception {
    String video = video("public");
    List<JsonSocket> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(JsonSocket.connect(server.vertx, server.port(), "/ws/comments?video=" + video, null));
        open.get(i).next("ready");
      }
      try (JsonSocket oneMore = JsonSocket.connect(server.vertx, server.port(), "/ws/comments?video=" + video, null)) {
        assertEquals("too_many_sockets", oneMore.next("error").getString("error"));
        assertEquals(CloseCodes.TRY_AGAIN_LATER, oneMore.awaitClose());
      }
    } finally {
      open.forEach(JsonSocket::close);
    }
  }
}
