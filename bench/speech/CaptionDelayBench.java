// Live captions' delay measured over a real /ws/captions socket: recorded English speech (two utterances, their
// ends known: src/test/resources/speech/README.md) is sent as the camera page sends it, 16 kHz 16-bit PCM in
// 100 ms chunks at the speaker's pace (each chunk once it would have been heard), each round followed by 3 s
// of silence. The delay of an utterance is from the moment its last word ended (as the microphone heard it)
// to the first final caption that arrives after it. Run by bench/captions.sh.
//
// java -cp <project class path> CaptionDelayBench.java <port> <speech.pcm> <rounds> <end s>,<end s>…

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

public class CaptionDelayBench {

  static final int BYTES_PER_SECOND = 16_000 * 2;
  static final int CHUNK = BYTES_PER_SECOND / 10;

  record Final(long atNanos, String text) { }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    byte[] speech = Files.readAllBytes(Path.of(args[1]));
    int rounds = Integer.parseInt(args[2]);
    double[] ends = Arrays.stream(args[3].split(",")).mapToDouble(Double::parseDouble).toArray();
    byte[] round = Arrays.copyOf(speech, speech.length + 3 * BYTES_PER_SECOND); // then 3 s of silence
    double roundSeconds = (double) round.length / BYTES_PER_SECOND;

    Vertx vertx = Vertx.vertx();
    var client = vertx.createWebSocketClient(new WebSocketClientOptions());
    var socket = client.webSocket();
    ConcurrentLinkedQueue<Final> finals = new ConcurrentLinkedQueue<>();
    CompletableFuture<Short> closed = new CompletableFuture<>();
    socket.textMessageHandler(text -> {
      JsonObject caption = new JsonObject(text);
      if ("final".equals(caption.getString("type"))) {
        finals.add(new Final(System.nanoTime(), caption.getString("text")));
      }
    });
    socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
    // The origin a page on this server sends: the socket's upgrade checks it.
    socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws/captions")
        .addHeader("Origin", "http://127.0.0.1:" + port)).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);

    long start = System.nanoTime();
    List<Long> speechEnds = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (double end : ends) {
        speechEnds.add(start + (long) ((r * roundSeconds + end) * 1e9));
      }
    }
    long chunks = (long) rounds * (round.length / CHUNK);
    for (long i = 0; i < chunks && !closed.isDone(); i++) {
      long due = start + (i + 1) * 100_000_000L; // a chunk leaves once its 100 ms have been heard
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int from = (int) (i % (round.length / CHUNK)) * CHUNK;
      socket.writeBinaryMessage(Buffer.buffer(Arrays.copyOfRange(round, from, from + CHUNK)));
    }
    TimeUnit.SECONDS.sleep(2);
    if (closed.isDone()) {
      System.out.println("the server closed the socket: " + closed.get());
    }

    List<Final> heard = new ArrayList<>(finals);
    List<Double> delays = new ArrayList<>();
    int missed = 0;
    for (long end : speechEnds) {
      Final first = heard.stream().filter(f -> f.atNanos() > end).findFirst().orElse(null);
      if (first == null || first.atNanos() - end > (long) (roundSeconds * 1e9) / 2) {
        missed++;
      } else {
        delays.add((first.atNanos() - end) / 1e6);
      }
    }
    List<Double> sorted = delays.stream().sorted().toList();
    System.out.printf("utterances: %d, final captions: %d, utterances without a final: %d%n", speechEnds.size(),
        heard.size(), missed);
    if (!sorted.isEmpty()) {
      System.out.printf("speech end -> final caption (ms): p50 %.0f, p90 %.0f, max %.0f, min %.0f%n",
          pct(sorted, 0.5), pct(sorted, 0.9), sorted.get(sorted.size() - 1), sorted.get(0));
    }
    heard.stream().limit(ends.length).forEach(f -> System.out.println("  heard: " + f.text()));
    socket.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static double pct(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
