// Speech to text measured: the model's load time, the real-time factor of one recogniser (at normal CPU
// priority and, as the server runs it, at nice 19) and word accuracy on real recorded English speech. Run by
// bench/speech.sh (which runs the search's benchmark, SearchBench.java, after it).
//
// java -cp <project class path> SpeechBench.java <model dir> <librivox dir> <data dir>

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

public class SpeechBench {

  public static void main(String[] args) throws Exception {
    Path modelDir = Path.of(args[0]);
    Path librivox = Path.of(args[1]);
    Path dataDir = Path.of(args[2]);
    LibVosk.setLogLevel(LogLevel.WARNINGS);
    long rssBefore = rssKb();
    long t0 = System.nanoTime();
    Model model = new Model(modelDir.toString());
    System.out.printf("model load: %d ms, resident memory +%d MB%n", (System.nanoTime() - t0) / 1_000_000,
        (rssKb() - rssBefore) / 1024);

    List<String> references = new ArrayList<>();
    List<byte[]> audio = new ArrayList<>();
    for (String line : Files.readAllLines(librivox.resolve("transcription"))) {
      String name = line.substring(line.lastIndexOf('(') + 1, line.lastIndexOf(')'));
      references.add(line.substring(0, line.lastIndexOf('(')).replace("<s>", "").replace("</s>", "").strip());
      byte[] wav = Files.readAllBytes(librivox.resolve(name + ".wav"));
      audio.add(Arrays.copyOfRange(wav, 44, wav.length)); // 16 kHz mono s16le after the header
    }
    double seconds = audio.stream().mapToInt(a -> a.length).sum() / 32000.0;
    int refWords = 0;
    int errors = 0;
    long busy = 0;
    for (int round = 0; round < 3; round++) { // the first round warms the JIT and the caches
      refWords = 0;
      errors = 0;
      busy = 0;
      for (int i = 0; i < audio.size(); i++) {
        long start = System.nanoTime();
        String heard = recognise(model, audio.get(i));
        busy += System.nanoTime() - start;
        List<String> ref = List.of(references.get(i).split(" "));
        List<String> hyp = heard.isBlank() ? List.of() : List.of(heard.split(" "));
        refWords += ref.size();
        errors += distance(ref, hyp);
        if (round == 2) {
          System.out.printf("  ref: %s%n  hyp: %s%n", references.get(i), heard);
        }
      }
    }
    System.out.printf("audio: %.1f s in %d utterances; recognised in %.2f s: real-time factor %.3f%n", seconds,
        audio.size(), busy / 1e9, busy / 1e9 / seconds);
    System.out.printf("word accuracy: %.1f%% (%d errors in %d reference words, by edit distance)%n",
        100.0 * (refWords - errors) / refWords, errors, refWords);
    model.close();
  }

  /** This process's resident memory (Linux). */
  static long rssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  static String recognise(Model model, byte[] pcm) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Recognizer r = new Recognizer(model, 16000f)) {
      r.setWords(true);
      for (int at = 0; at < pcm.length; at += 8000) {
        if (r.acceptWaveForm(Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + 8000)), Math.min(8000, pcm.length - at))) {
          text.append(' ').append(textOf(r.getResult()));
        }
      }
      text.append(' ').append(textOf(r.getFinalResult()));
    }
    return text.toString().strip().replaceAll("\\s+", " ");
  }

  static String textOf(String json) {
    int at = json.indexOf("\"text\" : \"");
    return at < 0 ? "" : json.substring(at + 10, json.indexOf('"', at + 10));
  }

  static int distance(List<String> a, List<String> b) {
    int[][] d = new int[a.size() + 1][b.size() + 1];
    for (int i = 0; i <= a.size(); i++) d[i][0] = i;
    for (int j = 0; j <= b.size(); j++) d[0][j] = j;
    for (int i = 1; i <= a.size(); i++) {
      for (int j = 1; j <= b.size(); j++) {
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
            d[i - 1][j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1));
      }
    }
    return d[a.size()][b.size()];
  }
}
