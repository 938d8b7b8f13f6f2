package dev.livelens.social.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.OnVideoStage;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The comments API over real HTTP, played by the video's owner, another person, a visitor without a cookie
 * and an admin: what each may read, write, edit and delete, the limits, and that refusals change nothing.
 */
class CommentsApiTest extends OnVideoStage {

  private static final AtomicInteger NAMES = new AtomicInteger();

  @Override
  protected String stageName() {
    return "comments";
  }

  private ApiClient signedUp(String name) throws Exception {
    return ApiClient.signedUp(server.port(), name + "-c-" + NAMES.incrementAndGet());
  }

  private String video(String visibility) throws Exception {
    String id = stage.ownersVideo("Commented");
    if (!"private".equals(visibility)) {
      assertEquals(200, owner.send("PATCH", "/api/videos/" + id, "{\"visibility\":\"" + visibility + "\"}")
          .statusCode());
    }
    return id;
  }

  static JsonObject post(ApiClient who, String video, JsonObject body, int status) throws Exception {
    HttpResponse<String> answer = who.send("POST", "/api/videos/" + video + "/comments", body.encode());
    assertEquals(status, answer.statusCode(), answer.body());
    return new JsonObject(answer.body());
  }

  static JsonArray comments(ApiClient who, String video) throws Exception {
    return who.json("/api/videos/" + video + "/comments").getJsonArray("comments");
  }

  private static void expect(HttpResponse<String> answer, int status, String code) {
    assertEquals(status, answer.statusCode(), answer.body());
    assertEquals(code, new JsonObject(answer.body()).getString("error"), answer.body());
  }

  @Test
  void markupIsStoredExactlyAsTypedAndRepliesAreOneLevelDeep() throws Exception {
    String video = video("unlisted");
    String text = "<script>alert('x')</script> <b>bold</b> & see https://example.com/a?b=1";
    JsonObject top = post(other, video, new JsonObject().put("text", text).put("at", 1.25), 201);
    assertEquals(text, top.getString("text"));
    assertEquals(1.25, top.getDouble("at"));
    assertTrue(top.getBoolean("yours"));
    JsonObject reply = post(visitor, video, new JsonObject().put("text", "a reply").put("replyTo", top.getString("id")),
        201);
    assertEquals(top.getString("id"), reply.getString("replyTo"));
    JsonObject replyToReply = post(owner, video, new JsonObject().put("text", "deeper")
        .put("replyTo", reply.getString("id")), 201);
    assertEquals(top.getString("id"), replyToReply.getString("replyTo"), "attached to the thread's top comment");

    JsonArray seen = comments(visitor, video);
    assertEquals(List.of(top.getString("id"), reply.getString("id"), replyToReply.getString("id")),
        seen.stream().map(c -> ((JsonObject) c).getString("id")).toList(), "the top comment, then its thread in order");
    assertEquals(text, seen.getJsonObject(0).getString("text"), "exactly as typed: the pages show it as text");
    assertFalse(seen.getJsonObject(0).getBoolean("yours"));
    assertFalse(seen.getJsonObject(0).getBoolean("canDelete"));
    assertTrue(comments(owner, video).getJsonObject(0).getBoolean("canDelete"), "the video's owner deletes any");
    assertTrue(visitor.json("/api/me").getBoolean("guest"), "commenting made the visitor a guest identity");
  }

  @Test
  void onlyItsAuthorEditsACommentAndStrangersCannotDeleteIt() throws Exception {
    String video = video("public");
    ApiClient stranger = signedUp("stranger");
    String id = post(other, video, new JsonObject().put("text", "original"), 201).getString("id");
    String path = "/api/videos/" + video + "/comments/" + id;
    expect(stranger.send("PATCH", path, "{\"text\":\"changed\"}"), 403, "forbidden");
    expect(visitor.send("PATCH", path, "{\"text\":\"changed\"}"), 403, "forbidden");
    expect(owner.send("PATCH", path, "{\"text\":\"changed\"}"), 403, "forbidden");
    expect(stranger.send("DELETE", path, null), 403, "forbidden");
    expect(visitor.send("DELETE", path, null), 403, "forbidden");
    assertEquals("original", comments(stranger, video).getJsonObject(0).getString("text"), "nothing changed");

    HttpResponse<String> edited = other.send("PATCH", path, "{\"text\":\"mended\"}");
    assertEquals(200, edited.statusCode(), edited.body());
    assertTrue(new JsonObject(edited.body()).getLong("edited") != null);
    assertEquals("mended", comments(visitor, video).getJsonObject(0).getString("text"));
    assertEquals(204, owner.send("DELETE", path, null).statusCode(), "the video's owner deletes any comment");
    expect(other.send("DELETE", path, null), 404, "not_found");
    String second = post(other, video, new JsonObject().put("text", "again"), 201).getString("id");
    assertEquals(204, admin.send("DELETE", "/api/videos/" + video + "/comments/" + second, null).statusCode());
    assertEquals(0, comments(visitor, video).size());
  }

  @Test
  void aPrivateVideosCommentsDoNotExistForOthers() throws Exception {
    String video = video("private");
    post(owner, video, new JsonObject().put("text", "my own note"), 201);
    for (ApiClient stranger : List.of(other, visitor)) {
      expect(stranger.get("/api/videos/" + video + "/comments"), 404, "not_found");
      expect(stranger.send("POST", "/api/videos/" + video + "/comments", "{\"text\":\"hello\"}"), 404, "not_found");
    }
    assertEquals(1, comments(owner, video).size(), "nothing was added");
    assertEquals(1, comments(admin, video).size(), "admins see every video's comments");
    expect(other.get("/api/videos/AAAAAAAAAAAAAAAA/comments"), 404, "not_found");
  }

  @Test
  void badTextIsRefusedWithAReasonAndNothingIsStored() throws Exception {
    String video = video("unlisted");
    expect(other.send("POST", "/api/videos/" + video + "/comments", "{\"text\":\"   \"}"), 400, "bad_comment");
    HttpResponse<String> long_ = other.send("POST", "/api/videos/" + video + "/comments",
        new JsonObject().put("text", "x".repeat(2001)).encode());
    expect(long_, 400, "too_long");
    assertEquals(2000, new JsonObject(long_.body()).getInteger("maxChars"));
    expect(other.send("POST", "/api/videos/" + video + "/comments", "{\"text\":\"a\u202Eb\"}"), 400, "bad_comment");
    expect(other.send("POST", "/api/videos/" + video + "/comments", "{\"text\":\"late\",\"at\":99}"), 400,
        "bad_comment");
    expect(other.send("POST", "/api/videos/" + video + "/comments", "{\"text\":\"hi\",\"replyTo\":\"nope\"}"), 404,
        "not_found");
    assertEquals(0, comments(other, video).size());
  }

  @Test
  void aPersonWritingTooFastIsToldWhenToComeBack() throws Exception {
    String video = video("unlisted");
    ApiClient fast = signedUp("fast");
    for (int i = 0; i < 5; i++) {
      post(fast, video, new JsonObject().put("text", "comment " + i), 201);
    }
    HttpResponse<String> refused = fast.send("POST", "/api/videos/" + video + "/comments", "{\"text\":\"one more\"}");
    expect(refused, 429, "rate_limited");
    assertTrue(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    assertEquals(5, comments(fast, video).size(), "the refused one was not stored");
    JsonObject first = fast.json("/api/videos/" + video + "/comments?limit=3");
    assertEquals("comment 4", first.getJsonArray("comments").getJsonObject(0).getString("text"), "newest first");
    JsonObject rest = fast.json("/api/videos/" + video + "/comments?limit=3&before=" + first.getString("next"));
    assertEquals(List.of("comment 1", "comment 0"), rest.getJsonArray("comments").stream()
        .map(c -> ((JsonObject) c).getString("text")).toList(), "the next page goes on where the first ended");
    assertNull(rest.getString("next"));
  }
}
