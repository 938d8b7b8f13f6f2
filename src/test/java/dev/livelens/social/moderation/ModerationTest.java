package dev.livelens.social.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.JsonSocket;
import dev.livelens.testing.OnVideoStage;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reports and the admins' queue over real HTTP and sockets: a reported comment reaches the queue, and hiding
 * it removes it for everyone but admins, live; a hidden video is gone for everyone but its owner and admins,
 * and its owner cannot bring it back.
 */
class ModerationTest extends OnVideoStage {

  @Override
  protected String stageName() {
    return "moderation";
  }

  private String publicVideo() {
    return TestVideos.publish(server, stage.ownersVideo("Reported"));
  }

  private static JsonObject send(ApiClient who, String method, String path, JsonObject body, int status)
      throws Exception {
    HttpResponse<String> answer = who.send(method, path, body == null ? null : body.encode());
    assertEquals(status, answer.statusCode(), answer.body());
    return answer.body().isEmpty() ? new JsonObject() : new JsonObject(answer.body());
  }

  private JsonArray queue(String state) throws Exception {
    return send(admin, "GET", "/api/reports?state=" + state, null, 200).getJsonArray("reports");
  }

  private static List<String> commentIds(ApiClient who, String video) throws Exception {
    return who.json("/api/videos/" + video + "/comments").getJsonArray("comments").stream()
        .map(c -> ((JsonObject) c).getString("id")).toList();
  }

  @Test
  void aReportedCommentReachesTheQueueAndHidingItRemovesItForEveryone() throws Exception {
    String video = publicVideo();
    String comment = send(other, "POST", "/api/videos/" + video + "/comments", new JsonObject().put("text", "spam"),
        201).getString("id");
    JsonObject made = send(visitor, "POST", "/api/reports", new JsonObject().put("comment", comment)
        .put("reason", "it is spam"), 201);
    assertEquals(made.getString("id"), send(visitor, "POST", "/api/reports", new JsonObject().put("comment", comment)
        .put("reason", "again"), 200).getString("id"), "one report per person and thing");
    assertEquals(401, new ApiClient(server.port()).get("/api/reports").statusCode(), "nobody signed in");
    assertEquals(403, visitor.get("/api/reports").statusCode(), "reporting made a guest, who is no admin");
    assertEquals(403, other.get("/api/reports").statusCode());

    JsonObject queued = queue("open").stream().map(JsonObject.class::cast)
        .filter(r -> made.getString("id").equals(r.getString("id"))).findFirst().orElseThrow();
    assertEquals("comment", queued.getString("kind"));
    assertEquals("spam", queued.getJsonObject("comment").getString("text"));
    assertEquals("it is spam", queued.getString("reason"));

    try (JsonSocket viewer = JsonSocket.connect(server.vertx, server.port(), "/ws/comments?video=" + video, null);
        JsonSocket moderator = JsonSocket.connect(server.vertx, server.port(), "/ws/comments?video=" + video,
            admin.cookie())) {
      viewer.next("ready");
      moderator.next("ready");
      assertEquals("hidden", send(admin, "POST", "/api/reports/" + made.getString("id"),
          new JsonObject().put("action", "hide"), 200).getString("state"));
      assertEquals(comment, viewer.next("removed").getString("id"), "gone from the open pages at once");
      assertTrue(moderator.next("comment").getJsonObject("comment").getBoolean("hidden"), "admins still see it");
    }
    for (ApiClient anyone : List.of(owner, other, visitor)) {
      assertFalse(commentIds(anyone, video).contains(comment), "hidden for everyone, its author too");
    }
    assertTrue(commentIds(admin, video).contains(comment));
    assertEquals(404, other.send("PATCH", "/api/videos/" + video + "/comments/" + comment, "{\"text\":\"x\"}")
        .statusCode(), "its author cannot edit it back into view");
    assertTrue(queue("open").stream().noneMatch(r -> made.getString("id").equals(((JsonObject) r).getString("id"))));

    send(admin, "POST", "/api/reports/" + made.getString("id"), new JsonObject().put("action", "restore"), 200);
    assertTrue(commentIds(visitor, video).contains(comment), "restored for everyone");
    send(admin, "POST", "/api/reports/" + made.getString("id"), new JsonObject().put("action", "delete"), 200);
    assertFalse(commentIds(admin, video).contains(comment));
    assertEquals(404, admin.send("POST", "/api/reports/" + made.getString("id"), "{\"action\":\"hide\"}").statusCode(),
        "the comment's reports went with it");
  }

  @Test
  void aHiddenVideoIsGoneForEveryoneButItsOwnerAndAdminsUntilRestored() throws Exception {
    String video = publicVideo();
    String report = send(other, "POST", "/api/reports", new JsonObject().put("video", video)
        .put("reason", "not for here"), 201).getString("id");
    send(admin, "POST", "/api/reports/" + report, new JsonObject().put("action", "hide"), 200);
    for (ApiClient stranger : List.of(other, visitor)) {
      assertEquals(404, stranger.get("/api/videos/" + video).statusCode());
      assertEquals(404, stranger.get("/api/videos/" + video + "/comments").statusCode());
      assertEquals(403, stranger.get("/api/videos/" + video + "/video.mp4").statusCode());
      assertFalse(stranger.json("/api/videos?limit=100").encode().contains(video), "not listed");
    }
    assertEquals("private", owner.json("/api/videos/" + video).getString("visibility"));
    HttpResponse<String> refused = owner.send("PATCH", "/api/videos/" + video, "{\"visibility\":\"public\"}");
    assertEquals(403, refused.statusCode(), refused.body());
    assertEquals("hidden_by_moderators", new JsonObject(refused.body()).getString("error"));
    assertEquals("private", owner.json("/api/videos/" + video).getString("visibility"), "still hidden");

    send(admin, "POST", "/api/reports/" + report, new JsonObject().put("action", "restore"), 200);
    assertEquals("public", visitor.json("/api/videos/" + video).getString("visibility"), "back as it was");
  }

  @Test
  void whatCannotBeSeenCannotBeReported() throws Exception {
    String hidden = stage.ownersVideo("Private");
    send(other, "POST", "/api/reports", new JsonObject().put("video", hidden).put("reason", "x"), 404);
    send(other, "POST", "/api/reports", new JsonObject().put("video", publicVideo()), 400);
    send(other, "POST", "/api/reports", new JsonObject().put("comment", "AAAAAAAAAAAAAAAAAAAAAA").put("reason", "x"), 404);
    assertTrue(queue("open").stream().noneMatch(r -> hidden.equals(((JsonObject) r).getJsonObject("video")
        .getString("id"))));
  }
}
