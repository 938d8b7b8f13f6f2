package dev.livelens.subtitles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Words into cues as people read them, and the cues as WebVTT. */
class CuesTest {

  @Test
  void aPauseEndsACue() {
    List<Cues.Cue> cues = Cues.of(List.of(new Word("he", 300, 500, 1000), new Word("was", 520, 800, 1000),
        new Word("unless", 1600, 2000, 1000)), 10);
    assertEquals(2, cues.size());
    assertEquals(new Cues.Cue(10, 11, 300, 800, "he was"), cues.get(0));
    assertEquals(new Cues.Cue(12, 12, 1600, 2000, "unless"), cues.get(1));
  }

  @Test
  void noCueLastsOverSevenSecondsOrHoldsMoreThanTwoLines() {
    List<Word> words = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      words.add(new Word(i % 2 == 0 ? "rather" : "selfish", i * 400, i * 400 + 350, 900));
    }
    List<Cues.Cue> cues = Cues.of(words, 0);
    assertTrue(cues.size() > 1);
    int next = 0;
    for (Cues.Cue cue : cues) {
      assertEquals(next, cue.fromWord(), "every word in one cue, in order");
      next = cue.toWord() + 1;
      assertTrue(cue.endMs() - cue.startMs() <= Cues.MAX_MS, cue.toString());
      assertTrue(cue.text().length() <= 2 * Cues.LINE_CHARS, cue.toString());
    }
    assertEquals(60, next);
    String vtt = Cues.webVtt(cues);
    String firstText = vtt.split("\n\n")[1].split("\n", 3)[2];
    assertEquals(2, firstText.split("\n").length, "a full cue is two lines: " + firstText);
  }

  @Test
  void webVttHasTimesToTheMillisecondAndEscapedText() {
    String vtt = Cues.webVtt(List.of(new Cues.Cue(0, 1, 3_723_004, 3_725_500, "a <b> & c")));
    assertEquals("WEBVTT\n\n1\n01:02:03.004 --> 01:02:05.500\na &lt;b&gt; &amp; c\n\n", vtt);
  }
}
