package dev.livelens.library;

import io.vertx.core.json.JsonObject;
import java.text.Normalizer;

/**
 * What a video's title may be: shown as text everywhere, so any characters but control ones, up to 200,
 * normalised (NFC) so that titles that look the same are the same. A title must show something: one made
 * only of invisible characters (zero-width spaces, joiners, marks of direction) is refused, and so are
 * bidirectional overrides and isolates, which would reorder the text around the title on the page.
 */
final class TitleCheck {

  private TitleCheck() {
  }

  /** @throws IllegalArgumentException saying what is wrong with the title */
  static String title(JsonObject body) {
    if (body == null || !(body.getValue("title") instanceof String raw)) {
      throw new IllegalArgumentException("send {\"title\":\"...\"} as JSON");
    }
    String title = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    if (title.isEmpty() || title.length() > VideoRoutes.MAX_TITLE) {
      throw new IllegalArgumentException("a title has 1 to " + VideoRoutes.MAX_TITLE + " characters");
    }
    if (title.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a title cannot hold control characters");
    }
    if (title.chars().anyMatch(TitleCheck::reordersText)) {
      throw new IllegalArgumentException("a title cannot hold right-to-left or left-to-right overrides or "
          + "isolates; type the text as it should read");
    }
    if (title.codePoints().allMatch(TitleCheck::invisible)) {
      throw new IllegalArgumentException("a title needs at least one visible character");
    }
    return title;
  }

  /**
   * A title the server makes from what it was given (an uploaded file's name, a URL's last part): the same
   * rules, mended instead of refused: control characters and direction overrides dropped, cut to the
   * longest title, {@code fallback} when nothing visible is left.
   */
  static String cleaned(String raw, String fallback) {
    String title = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC).codePoints()
        .filter(c -> !Character.isISOControl(c) && !reordersText(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    if (title.length() > VideoRoutes.MAX_TITLE) {
      title = title.substring(0, Character.isHighSurrogate(title.charAt(VideoRoutes.MAX_TITLE - 1))
          ? VideoRoutes.MAX_TITLE - 1 : VideoRoutes.MAX_TITLE).strip();
    }
    return title.isEmpty() || title.codePoints().allMatch(TitleCheck::invisible) ? fallback : title;
  }

  /** U+202A-U+202E (embeddings, overrides) and U+2066-U+2069 (isolates). */
  private static boolean reordersText(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  private static boolean invisible(int c) {
    int type = Character.getType(c);
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
        || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0 || c == 0x2800;
  }
}
