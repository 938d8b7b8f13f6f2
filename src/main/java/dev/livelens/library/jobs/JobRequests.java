package dev.livelens.library.jobs;

import dev.livelens.web.JsonOrFormBody;
import dev.livelens.web.Problem;

import dev.livelens.filter.BadParamsException;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.filter.FilterSpec;
import dev.livelens.library.Video;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** What a job request must be: its JSON read and checked against the video it is about, or an Problem. */
final class JobRequests {

  /** Shortest cut: shorter than a frame or two is no video. */
  static final double MIN_CUT_SECONDS = 0.1;
  /** A cut may end this little past the video's end (durations are rounded to the millisecond). */
  private static final double END_SLACK_SECONDS = 0.05;
  private static final int MAX_TITLE = 200;
  /** The field of a multipart request that holds what a JSON request's body would. */
  static final String FORM_FIELD = "job";

  private JobRequests() {
  }

  /** The request's JSON object: its body, or a multipart request's {@link #FORM_FIELD} field. */
  static JsonObject body(RoutingContext ctx) {
    JsonObject body = JsonOrFormBody.object(ctx, FORM_FIELD);
    if (body == null) {
      throw new Problem(400, "bad_request", "send a JSON object (in a multipart form, as its field '" + FORM_FIELD
          + "')");
    }
    return body;
  }

  /** The cut's input: {"from","start","end","exact"}, inside the ready video. */
  static JsonObject cut(JsonObject body, Video video) {
    double start = number(body, "start");
    double end = number(body, "end");
    Object exact = body.getValue("exact", false);
    if (!(exact instanceof Boolean)) {
      throw new Problem(400, "bad_request", "exact is true or false");
    }
    double duration = video.durationMs() / 1000.0;
    if (start < 0 || end <= start || end > duration + END_SLACK_SECONDS) {
      throw new Problem(422, "bad_range", String.format(Locale.ROOT,
          "a cut lies within the video (0 to %.3f s) and ends after it starts", duration));
    }
    if (end - start < MIN_CUT_SECONDS) {
      throw new Problem(422, "bad_range", "a cut lasts at least " + MIN_CUT_SECONDS + " s");
    }
    return new JsonObject().put("from", video.id()).put("start", start).put("end", Math.min(end, duration))
        .put("exact", exact);
  }

  /** The processing's input: {"from","filter","params"} with the params resolved against the filter. */
  static JsonObject process(JsonObject body, Video video, FilterCatalog catalog) {
    String name = body.getValue("filter") instanceof String s ? s : null;
    FilterSpec spec = catalog.spec(name).orElseThrow(() -> new Problem(422, "unknown_filter",
        "choose one of the filters " + catalog.names()));
    Object params = body.getValue("params", new JsonObject());
    if (!(params instanceof JsonObject given)) {
      throw new Problem(400, "bad_request", "params is a JSON object");
    }
    try {
      return new JsonObject().put("from", video.id()).put("filter", spec.name()).put("params", spec.resolve(given));
    } catch (BadParamsException e) {
      throw new Problem(422, "bad_params", e.getMessage());
    }
  }

  /** A ready video to make something of: a processing or failed one has nothing to cut yet. */
  static Video ready(Video video) {
    if (!Video.READY.equals(video.status())) {
      throw new Problem(409, "not_ready", "the video is " + video.status() + ", not ready");
    }
    return video;
  }

  static String title(String base, String suffix) {
    String title = base.length() + suffix.length() > MAX_TITLE ? base.substring(0, MAX_TITLE - suffix.length() - 1)
        + "…" : base;
    return title + suffix;
  }

  private static double number(JsonObject body, String name) {
    if (!(body.getValue(name) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw new Problem(400, "bad_request", name + " is a number of seconds");
    }
    return n.doubleValue();
  }
}
