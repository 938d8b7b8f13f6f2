package dev.livelens.library;

import dev.livelens.web.JsonBody;
import dev.livelens.web.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** What a PATCH of a video asks: a new title, a new visibility, or both (null: unchanged). */
record VideoChange(String title, String visibility) {

  private static final String SHAPE = "send {\"title\":\"...\"} and/or {\"visibility\":\"private|unlisted|public\"}"
      + " as JSON";

  static VideoChange of(RoutingContext ctx) {
    JsonObject body = JsonBody.object(ctx);
    if (body == null || !body.containsKey("title") && !body.containsKey("visibility")) {
      throw new Problem(400, "bad_title", SHAPE);
    }
    String title = null;
    if (body.containsKey("title")) {
      try {
        title = TitleCheck.title(body);
      } catch (IllegalArgumentException e) {
        throw new Problem(400, "bad_title", e.getMessage());
      }
    }
    Object visibility = body.getValue("visibility");
    if (body.containsKey("visibility") && !Video.isVisibility(visibility)) {
      throw new Problem(400, "bad_visibility", "visibility is one of private (you only), unlisted (anyone "
          + "with the link) or public (listed for everyone)");
    }
    return new VideoChange(title, (String) visibility);
  }
}
