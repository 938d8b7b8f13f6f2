package dev.livelens.social.comments;

import dev.livelens.web.Problem;
import java.text.Normalizer;

/**
 * What a comment may say: plain text of 1 to {@link #MAX_CHARS} characters, kept as typed (normalised to
 * NFC, trimmed) and always shown as text. Line breaks and tabs are fine; other control characters and
 * bidirectional overrides or isolates (which would reorder the text around the comment on the page) are
 * refused, like a title's.
 */
final class CommentText {

  static final int MAX_CHARS = 2000;
  /** Ten hours: later than any video the library keeps. */
  private static final double MAX_AT_SECONDS = 36_000;

  private CommentText() {
  }

  /** The text to keep; a {@link Problem} 400 {@code bad_comment} or {@code too_long} saying what to mend. */
  static String text(Object raw) {
    if (!(raw instanceof String given)) {
      throw bad("send {\"text\":\"...\"} as JSON");
    }
    String text = Normalizer.normalize(given, Normalizer.Form.NFC).strip();
    if (text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT)) {
      throw bad("a comment needs some text");
    }
    int length = text.codePointCount(0, text.length());
    if (length > MAX_CHARS) {
      throw new Problem(400, "too_long", "a comment may have at most " + MAX_CHARS + " characters; this one has "
          + length).with("maxChars", MAX_CHARS);
    }
    if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw bad("a comment cannot hold control characters other than line breaks and tabs");
    }
    if (text.chars().anyMatch(c -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))) {
      throw bad("a comment cannot hold right-to-left or left-to-right overrides or isolates; type the text as it "
          + "should read");
    }
    return text.replace("\r\n", "\n");
  }

  /** A time in the video in seconds (null: none), kept as milliseconds. */
  static Long at(Object raw, Long durationMs) {
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Number number) || !Double.isFinite(number.doubleValue()) || number.doubleValue() < 0
        || number.doubleValue() > MAX_AT_SECONDS) {
      throw bad("at is a time in the video in seconds (0 or more), or null");
    }
    long ms = Math.round(number.doubleValue() * 1000);
    if (durationMs != null && ms > durationMs) {
      throw bad("at is after the end of the video (" + durationMs / 1000.0 + " s)");
    }
    return ms;
  }

  private static Problem bad(String message) {
    return Problem.badRequest("bad_comment", message);
  }
}
