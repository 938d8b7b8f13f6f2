package dev.livelens.library.jobs;

import dev.livelens.library.SpokenWords;
import dev.livelens.library.Video;
import dev.livelens.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A cut asked for by transcript words ({"fromWord":i,"toWord":j}, the indexes the transcript's lines give):
 * its times are the first word's start and the last word's end, and the cut's transcript is those words,
 * re-timed, once it is made.
 */
final class CutByWords {

  private CutByWords() {
  }

  /** The body with "start" and "end" from its words, when it names words; as it is otherwise. */
  static Future<JsonObject> times(SpokenWords spoken, Video video, JsonObject body) {
    if (!body.containsKey("fromWord") && !body.containsKey("toWord")) {
      return Future.succeededFuture(body);
    }
    if (!(body.getValue("fromWord") instanceof Integer from) || !(body.getValue("toWord") instanceof Integer to)) {
      return Future.failedFuture(new Problem(400, "bad_request", "fromWord and toWord are whole numbers: the "
          + "indexes of the first and last word to keep"));
    }
    return spoken.span(video.id(), from, to).map(span -> span.map(s -> body.copy().put("start", s.startMs() / 1000.0)
        .put("end", s.endMs() / 1000.0)).orElseThrow(() -> new Problem(422, "bad_words", "the video's transcript "
        + "is not ready or has no words " + from + " to " + to + "; pick lines of its transcript")));
  }

  /** Once the cut's video exists: its transcript is to be the words, when it was cut by words. */
  static Future<Video> planned(SpokenWords spoken, Video cut, Video from, JsonObject body) {
    if (!(body.getValue("fromWord") instanceof Integer first) || !(body.getValue("toWord") instanceof Integer last)) {
      return Future.succeededFuture(cut);
    }
    return spoken.cutOf(cut.id(), from.id(), first, last).map(cut);
  }
}
