package dev.livelens.subtitles;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Words grouped into subtitle cues the way people read them: a cue ends at a pause, before it would last
 * longer than {@link #MAX_MS} or hold more than two lines of {@link #LINE_CHARS} characters.
 */
final class Cues {

  static final int MAX_MS = 7_000;
  static final int PAUSE_MS = 700;
  static final int LINE_CHARS = 42;

  /**
   * One cue.
   *
   * @param fromWord the index of its first word in the transcript
   * @param toWord the index of its last word
   */
  record Cue(int fromWord, int toWord, int startMs, int endMs, String text, boolean corrected) {

    Cue(int fromWord, int toWord, int startMs, int endMs, String text) {
      this(fromWord, toWord, startMs, endMs, text, false);
    }

    /** The same line with the text a person corrected it to; its times stay. */
    Cue correctedTo(String newText) {
      return new Cue(fromWord, toWord, startMs, endMs, newText, true);
    }

    JsonObject toJson() {
      return new JsonObject().put("fromWord", fromWord).put("toWord", toWord).put("start", startMs / 1000.0)
          .put("end", endMs / 1000.0).put("text", text).put("corrected", corrected);
    }
  }

  private Cues() {
  }

  /** @param firstIndex the transcript index of {@code words.get(0)} */
  static List<Cue> of(List<Word> words, int firstIndex) {
    List<Cue> cues = new ArrayList<>();
    int from = 0;
    int chars = 0;
    for (int i = 0; i < words.size(); i++) {
      Word word = words.get(i);
      if (i > from) {
        Word previous = words.get(i - 1);
        boolean pause = word.startMs() - previous.endMs() >= PAUSE_MS;
        boolean tooLong = word.endMs() - words.get(from).startMs() > MAX_MS;
        boolean tooMuch = chars + 1 + word.text().length() > 2 * LINE_CHARS;
        if (pause || tooLong || tooMuch) {
          cues.add(cue(words, from, i - 1, firstIndex));
          from = i;
          chars = 0;
        }
      }
      chars += (chars == 0 ? 0 : 1) + word.text().length();
    }
    if (from < words.size()) {
      cues.add(cue(words, from, words.size() - 1, firstIndex));
    }
    return cues;
  }

  private static Cue cue(List<Word> words, int from, int to, int firstIndex) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i <= to; i++) {
      text.append(i == from ? "" : " ").append(words.get(i).text());
    }
    return new Cue(firstIndex + from, firstIndex + to, words.get(from).startMs(), words.get(to).endMs(),
        text.toString());
  }

  /** The cues as WebVTT, each broken into at most two lines. */
  static String webVtt(List<Cue> cues) {
    StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
    for (int i = 0; i < cues.size(); i++) {
      Cue cue = cues.get(i);
      vtt.append(i + 1).append('\n').append(time(cue.startMs())).append(" --> ").append(time(cue.endMs()))
          .append('\n').append(twoLines(escape(cue.text()))).append("\n\n");
    }
    return vtt.toString();
  }

  private static String twoLines(String text) {
    if (text.length() <= LINE_CHARS) {
      return text;
    }
    int middle = text.length() / 2;
    int before = text.lastIndexOf(' ', middle);
    int after = text.indexOf(' ', middle);
    int at = before < 0 ? after : after < 0 ? before : middle - before <= after - middle ? before : after;
    return at < 0 ? text : text.substring(0, at) + "\n" + text.substring(at + 1);
  }

  /** WebVTT's text may not hold a raw &, < or > (nor "-->"), nor a line break (it would end the cue). */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replaceAll("\\s+", " ");
  }

  static String time(int ms) {
    return String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }
}
