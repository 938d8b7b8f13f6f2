package dev.livelens.subtitles;

import java.util.ArrayList;
import java.util.List;

/**
 * The live captions' words that fall inside one recording: those heard after the recording started, timed
 * from its start (the audio fed to the recogniser until then is the offset). Its words become the
 * recording's transcript when it stops. Touched on the captions socket's event loop only.
 */
final class CaptionedRecording {

  /** Bytes of 16 kHz mono 16-bit audio a millisecond. */
  private static final int BYTES_A_MS = Transcriber.SAMPLE_RATE * 2 / 1000;

  private final String videoId;
  private final int offsetMs;
  private final List<Word> words = new ArrayList<>();

  /** @param audioBytesBefore how much audio the recogniser had been fed when the recording started */
  CaptionedRecording(String videoId, long audioBytesBefore) {
    this.videoId = videoId;
    this.offsetMs = (int) (audioBytesBefore / BYTES_A_MS);
  }

  String videoId() {
    return videoId;
  }

  /** Final words, timed from the recogniser's start; those said before the recording began are left out. */
  void heard(List<Word> heard) {
    for (Word word : heard) {
      if (word.endMs() > offsetMs) {
        words.add(new Word(word.text(), Math.max(0, word.startMs() - offsetMs), word.endMs() - offsetMs,
            word.conf()));
      }
    }
  }

  List<Word> words() {
    return List.copyOf(words);
  }
}
