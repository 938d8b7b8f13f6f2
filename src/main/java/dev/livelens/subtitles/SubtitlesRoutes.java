package dev.livelens.subtitles;

import dev.livelens.library.Permissions;
import dev.livelens.library.VideoIds;
import dev.livelens.library.Videos;
import dev.livelens.web.ApiErrors;
import dev.livelens.web.JsonBody;
import dev.livelens.web.Problem;
import dev.livelens.web.SignedInUsers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;

/**
 * A video's transcript over HTTP: as lines ({@code /api/videos/<id>/transcript}), as WebVTT for the player
 * ({@code /api/videos/<id>/subtitles.vtt}), and a line's text corrected by the video's owner
 * ({@code PUT /api/videos/<id>/transcript/lines/<fromWord>}). A transcript is seen by whoever may watch its
 * video and corrected by whoever may change it.
 */
final class SubtitlesRoutes {

  private final Transcripts transcripts;
  private final Lines lines;
  /** How far a video's transcript is, while it is being made. */
  private final Function<String, Optional<Double>> progress;
  private final Videos videos;
  private final SignedInUsers users;

  private SubtitlesRoutes(Transcripts transcripts, Lines lines, Function<String, Optional<Double>> progress,
      Videos videos, SignedInUsers users) {
    this.transcripts = transcripts;
    this.lines = lines;
    this.progress = progress;
    this.videos = videos;
    this.users = users;
  }

  static void mount(Router router, Transcripts transcripts, Lines lines, Function<String, Optional<Double>> progress,
      Videos videos, SignedInUsers users) {
    SubtitlesRoutes routes = new SubtitlesRoutes(transcripts, lines, progress, videos, users);
    router.get("/api/videos/:id/transcript").handler(routes::transcript);
    router.get("/api/videos/:id/subtitles.vtt").handler(routes::vtt);
    router.put("/api/videos/:id/transcript/lines/:from").handler(new JsonBody(4 * 1024)).handler(routes::correct);
  }

  private void transcript(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    state(ctx, id, false).compose(state -> {
      JsonObject json = new JsonObject().put("status", state.status()).put("language", state.language())
          .put("reason", state.reason()).put("words", state.words());
      progress.apply(id).ifPresent(done -> json.put("progress", Math.round(done * 100) / 100.0));
      if (!Transcripts.READY.equals(state.status())) {
        return Future.succeededFuture(json.put("lines", new JsonArray()));
      }
      return lines.of(id).map(cues -> {
        JsonArray array = new JsonArray();
        cues.forEach(cue -> array.add(cue.toJson()));
        return json.put("lines", array);
      });
    }).onSuccess(json -> ApiErrors.json(ctx, 200, json)).onFailure(ctx::fail);
  }

  private void vtt(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    state(ctx, id, false).compose(state -> Transcripts.READY.equals(state.status()) ? lines.of(id)
            : Future.failedFuture(notReady(state)))
        .onSuccess(cues -> ctx.response().putHeader("Content-Type", "text/vtt; charset=utf-8")
            .end(Cues.webVtt(cues)))
        .onFailure(ctx::fail);
  }

  /** {"text"}: the line starting at word {@code from} now reads so; its times stay. */
  private void correct(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Object given = ctx.body().asJsonObject() == null ? null : ctx.body().asJsonObject().getValue("text");
    String text = given instanceof String s ? s.strip().replaceAll("\\s+", " ") : "";
    if (text.isEmpty() || text.length() > Lines.MAX_TEXT) {
      ctx.fail(Problem.badRequest("bad_text", "send {\"text\": …} with the line as it was said (1 to "
          + Lines.MAX_TEXT + " characters)"));
      return;
    }
    int from = wordIndex(ctx.pathParam("from"));
    state(ctx, id, true).compose(state -> Transcripts.READY.equals(state.status()) ? lines.of(id)
            : Future.failedFuture(notReady(state)))
        .compose(cues -> cues.stream().filter(cue -> cue.fromWord() == from).findFirst()
            .map(line -> lines.correct(id, line, text).map(line.correctedTo(text)))
            .orElseGet(() -> Future.failedFuture(Problem.notFound("the transcript has no line starting at word "
                + ctx.pathParam("from") + "; reload the transcript and pick a line"))))
        .onSuccess(line -> ApiErrors.json(ctx, 200, line.toJson()))
        .onFailure(ctx::fail);
  }

  private static int wordIndex(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Problem notReady(Transcripts.State state) {
    return Problem.notFound("the video's subtitles are not ready (its transcript is "
        + state.status().replace('_', ' ') + ")");
  }

  /**
   * The transcript's state (none for a video without one yet); a video the caller may not watch is a 404, one
   * they may not change (to correct it) is refused as the library refuses changes.
   */
  private Future<Transcripts.State> state(RoutingContext ctx, String id, boolean toChange) {
    Problem missing = Problem.notFound("there is no video with the id '" + id + "'");
    if (!VideoIds.isValid(id)) {
      return Future.failedFuture(missing);
    }
    var caller = users.of(ctx.request());
    return (toChange ? Permissions.changeable(videos, id, caller) : Permissions.watchable(videos, id, caller))
        .compose(video -> transcripts.find(id))
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(missing)));
  }
}
