package dev.livelens.subtitles;

import dev.livelens.library.Permissions;
import dev.livelens.library.VideoIds;
import dev.livelens.library.Videos;
import dev.livelens.web.ApiErrors;
import dev.livelens.web.Problem;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What was said, over HTTP: a video's transcript as lines ({@code /api/videos/<id>/transcript}), as WebVTT
 * for the player ({@code /api/videos/<id>/subtitles.vtt}), and the search over every video's speech
 * ({@code /api/speech?q=}). A transcript is seen by whoever may watch its video; search finds only what the
 * caller would find in the library (public videos, and their own).
 */
final class SubtitlesRoutes {

  static final int MAX_HITS = 20;
  static final int MAX_PHRASE_WORDS = 6;
  /** Words either side of a hit read to find the line it is in. */
  private static final int AROUND = 24;
  private static final int ALL_WORDS = Integer.MAX_VALUE;

  private final Transcripts transcripts;
  /** How far a video's transcript is, while it is being made. */
  private final Function<String, Optional<Double>> progress;
  private final Videos videos;
  private final SignedInUsers users;

  private SubtitlesRoutes(Transcripts transcripts, Function<String, Optional<Double>> progress, Videos videos,
      SignedInUsers users) {
    this.transcripts = transcripts;
    this.progress = progress;
    this.videos = videos;
    this.users = users;
  }

  static void mount(Router router, Transcripts transcripts, Function<String, Optional<Double>> progress,
      Videos videos, SignedInUsers users) {
    SubtitlesRoutes routes = new SubtitlesRoutes(transcripts, progress, videos, users);
    router.get("/api/videos/:id/transcript").handler(routes::transcript);
    router.get("/api/videos/:id/subtitles.vtt").handler(routes::vtt);
    router.get("/api/speech").handler(routes::search);
  }

  private void transcript(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    state(ctx, id).compose(state -> {
      JsonObject json = new JsonObject().put("status", state.status()).put("language", state.language())
          .put("reason", state.reason()).put("words", state.words());
      progress.apply(id).ifPresent(done -> json.put("progress", Math.round(done * 100) / 100.0));
      if (!Transcripts.READY.equals(state.status())) {
        return Future.succeededFuture(json.put("lines", new JsonArray()));
      }
      return transcripts.words(id, 0, ALL_WORDS).map(words -> {
        JsonArray lines = new JsonArray();
        Cues.of(words, 0).forEach(cue -> lines.add(cue.toJson()));
        return json.put("lines", lines);
      });
    }).onSuccess(json -> ApiErrors.json(ctx, 200, json)).onFailure(ctx::fail);
  }

  private void vtt(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    state(ctx, id).compose(state -> Transcripts.READY.equals(state.status()) ? transcripts.words(id, 0, ALL_WORDS)
            : Future.failedFuture(Problem.notFound("the video's subtitles are not ready (its transcript is "
                + state.status().replace('_', ' ') + ")")))
        .onSuccess(words -> ctx.response().putHeader("Content-Type", "text/vtt; charset=utf-8")
            .end(Cues.webVtt(Cues.of(words, 0))))
        .onFailure(ctx::fail);
  }

  /** The transcript's state (none for a video without one yet); a video the caller may not watch is a 404. */
  private Future<Transcripts.State> state(RoutingContext ctx, String id) {
    Problem missing = Problem.notFound("there is no video with the id '" + id + "'");
    if (!VideoIds.isValid(id)) {
      return Future.failedFuture(missing);
    }
    return Permissions.watchable(videos, id, users.of(ctx.request())).compose(video -> transcripts.find(id)).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(missing)));
  }

  private void search(RoutingContext ctx) {
    List<String> phrase = words(String.valueOf(ctx.request().getParam("q")));
    if (phrase.isEmpty() || phrase.size() > MAX_PHRASE_WORDS) {
      ctx.fail(Problem.badRequest("bad_query", "send ?q= with one to " + MAX_PHRASE_WORDS
          + " words that were said"));
      return;
    }
    Optional<User> caller = users.of(ctx.request());
    transcripts.search(phrase, MAX_HITS).compose(hits -> listed(hits, caller)).compose(hits -> Future.all(hits
            .stream().map(hit -> transcripts.words(hit.videoId(), Math.max(0, hit.idx() - AROUND),
                hit.idx() + phrase.size() + AROUND).map(around -> line(hit, around, Math.max(0, hit.idx() - AROUND))))
            .toList()).map(done -> new JsonArray(done.list())))
        .onSuccess(hits -> ApiErrors.json(ctx, 200, new JsonObject().put("hits", hits)))
        .onFailure(ctx::fail);
  }

  /** The hits in videos the caller would find in the library. */
  private Future<List<Transcripts.Hit>> listed(List<Transcripts.Hit> hits, Optional<User> caller) {
    List<Future<Optional<Transcripts.Hit>>> checked = hits.stream().map(hit -> videos.find(hit.videoId())
        .map(video -> video.filter(found -> Permissions.canList(found, caller)).map(found -> hit))).toList();
    return Future.all(checked).map(done -> checked.stream().map(Future::result).flatMap(Optional::stream).toList());
  }

  /** The hit with the line it was said in. */
  private static JsonObject line(Transcripts.Hit hit, List<Word> around, int firstIndex) {
    JsonObject json = new JsonObject().put("video", new JsonObject().put("id", hit.videoId())
        .put("title", hit.title())).put("at", hit.startMs() / 1000.0);
    Cues.of(around, firstIndex).stream().filter(cue -> cue.fromWord() <= hit.idx() && hit.idx() <= cue.toWord())
        .findFirst().ifPresent(cue -> json.put("line", cue.toJson()));
    return json;
  }

  /** The query as the transcripts spell words: lower case, accents folded, split at anything but letters. */
  static List<String> words(String query) {
    String folded = Normalizer.normalize(query, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
    return Arrays.stream(folded.split("[^\\p{L}\\p{N}']+")).filter(w -> !w.isEmpty() && w.length() <= 100)
        .toList();
  }
}
