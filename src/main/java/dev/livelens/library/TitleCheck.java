package dev.livelens.library;

import io.vertx.core.json.JsonObject;

/** What a video's title may be: shown as text everywhere, so any characters but control ones, up to 200. */
final class TitleCheck {

  private TitleCheck() {
  }

  /** @throws IllegalArgumentException saying what is wrong with the title */
  static String title(JsonObject body) {
    if (body == null || !(body.getValue("title") instanceof String raw)) {
      throw new IllegalArgumentException("send {\"title\":\"...\"} as JSON");
    }
    String title = raw.strip();
    if (title.isEmpty() || title.length() > VideoRoutes.MAX_TITLE) {
      throw new IllegalArgumentException("a title has 1 to " + VideoRoutes.MAX_TITLE + " characters");
    }
    if (title.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a title cannot hold control characters");
    }
    return title;
  }
}
