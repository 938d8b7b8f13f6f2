package dev.livelens.subtitles;

import dev.livelens.library.Permissions;
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

/**
 * The search over every video's speech ({@code /api/speech?q=}): where the words were said, with the line
 * they were said in (as corrected). It finds only what the caller would find in the library (public videos,
 * and their own).
 */
final class SearchRoutes {

  static final int MAX_HITS = 20;
  static final int MAX_PHRASE_WORDS = 6;
  /** Words either side of a hit read to find the line it is in. */
  private static final int AROUND = 24;

  private final SpeechSearch search;
  private final Transcripts transcripts;
  private final Lines lines;
  private final Videos videos;
  private final SignedInUsers users;

  private SearchRoutes(SpeechSearch search, Transcripts transcripts, Lines lines, Videos videos,
      SignedInUsers users) {
    this.search = search;
    this.transcripts = transcripts;
    this.lines = lines;
    this.videos = videos;
    this.users = users;
  }

  static void mount(Router router, SpeechSearch search, Transcripts transcripts, Lines lines, Videos videos,
      SignedInUsers users) {
    router.get("/api/speech").handler(new SearchRoutes(search, transcripts, lines, videos, users)::search);
  }

  private void search(RoutingContext ctx) {
    List<String> phrase = words(String.valueOf(ctx.request().getParam("q")));
    if (phrase.isEmpty() || phrase.size() > MAX_PHRASE_WORDS) {
      ctx.fail(Problem.badRequest("bad_query", "send ?q= with one to " + MAX_PHRASE_WORDS
          + " words that were said"));
      return;
    }
    Optional<User> caller = users.of(ctx.request());
    search.search(phrase, MAX_HITS).compose(hits -> listed(hits, caller)).compose(hits -> Future.all(hits.stream()
            .map(hit -> {
              int first = Math.max(0, hit.idx() - AROUND);
              return transcripts.words(hit.videoId(), first, hit.idx() + phrase.size() + AROUND)
                  .compose(around -> lines.of(hit.videoId(), around, first)).map(cues -> line(hit, cues));
            }).toList()).map(done -> new JsonArray(done.list())))
        .onSuccess(hits -> ApiErrors.json(ctx, 200, new JsonObject().put("hits", hits)))
        .onFailure(ctx::fail);
  }

  /** The hits in videos the caller would find in the library. */
  private Future<List<SpeechSearch.Hit>> listed(List<SpeechSearch.Hit> hits, Optional<User> caller) {
    List<Future<Optional<SpeechSearch.Hit>>> checked = hits.stream().map(hit -> videos.find(hit.videoId())
        .map(video -> video.filter(found -> Permissions.canList(found, caller)).map(found -> hit))).toList();
    return Future.all(checked).map(done -> checked.stream().map(Future::result).flatMap(Optional::stream).toList());
  }

  /** The hit with the line it was said in. */
  private static JsonObject line(SpeechSearch.Hit hit, List<Cues.Cue> cues) {
    JsonObject json = new JsonObject().put("video", new JsonObject().put("id", hit.videoId())
        .put("title", hit.title())).put("at", hit.startMs() / 1000.0);
    cues.stream().filter(cue -> cue.fromWord() <= hit.idx() && hit.idx() <= cue.toWord())
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
