package dev.livelens.subtitles;

import dev.livelens.media.Cancel;
import dev.livelens.media.Ffmpeg;
import dev.livelens.media.FfmpegProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Speech to words for one media file: FFmpeg decodes its first audio track to 16 kHz mono 16-bit PCM on a
 * pipe, and a recogniser of its own turns it into words with their times and confidences. Runs on the
 * calling worker thread from start to end.
 */
final class Transcriber {

  static final int SAMPLE_RATE = 16_000;
  /** A quarter of a second of audio per call into the recogniser. */
  private static final int CHUNK_BYTES = SAMPLE_RATE / 4 * 2;
  private static final long TIMEOUT_MINUTES = 120;

  private final Ffmpeg ffmpeg;

  Transcriber(Ffmpeg ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  /**
   * @param durationSeconds the media's duration, to tell progress as a fraction (0: unknown)
   * @param progress told 0..1 as the audio is read
   */
  List<Word> words(Model model, Path media, double durationSeconds, DoubleConsumer progress, Cancel cancel)
      throws IOException, InterruptedException {
    FfmpegProcess decoder = ffmpeg.spawn(List.of("-nostdin", "-i", media.toString(), "-map", "0:a:0", "-vn",
        "-ac", "1", "-ar", String.valueOf(SAMPLE_RATE), "-f", "s16le", "pipe:1"), cancel);
    List<Word> words = new ArrayList<>();
    try (Recognizer recognizer = new Recognizer(model, SAMPLE_RATE)) {
      recognizer.setWords(true);
      byte[] chunk = new byte[CHUNK_BYTES];
      double expectedBytes = durationSeconds * SAMPLE_RATE * 2;
      long read = 0;
      InputStream audio = decoder.output();
      for (int n; (n = audio.readNBytes(chunk, 0, chunk.length)) > 0; ) {
        cancel.check();
        if (recognizer.acceptWaveForm(chunk, n)) {
          addWords(recognizer.getResult(), words);
        }
        read += n;
        if (expectedBytes > 0) {
          progress.accept(Math.min(0.99, read / expectedBytes));
        }
      }
      addWords(recognizer.getFinalResult(), words);
      decoder.await(TIMEOUT_MINUTES);
    } finally {
      decoder.kill(); // ended already, or a failure here: no decoder left writing into a pipe nobody reads
    }
    return words;
  }

  /** Vosk's result: {"result":[{"conf":0.97,"end":1.02,"start":0.6,"word":"he"},…],"text":"he …"}. */
  static void addWords(String result, List<Word> into) {
    JsonArray found = new JsonObject(result).getJsonArray("result");
    if (found == null) {
      return;
    }
    for (int i = 0; i < found.size(); i++) {
      JsonObject word = found.getJsonObject(i);
      String text = word.getString("word", "").strip().toLowerCase(Locale.ROOT);
      if (!text.isEmpty() && text.length() <= 100) {
        into.add(new Word(text, millis(word.getDouble("start", 0.0)), millis(word.getDouble("end", 0.0)),
            (int) Math.round(Math.max(0, Math.min(1, word.getDouble("conf", 0.0))) * 1000)));
      }
    }
  }

  private static int millis(double seconds) {
    return (int) Math.round(seconds * 1000);
  }
}
