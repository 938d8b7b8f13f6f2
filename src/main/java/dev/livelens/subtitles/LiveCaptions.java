package dev.livelens.subtitles;

import dev.livelens.web.SocketMessages;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.vosk.Recognizer;

/**
 * One camera page's live captions on {@code /ws/captions}: its microphone arrives as binary messages of
 * 16 kHz mono 16-bit PCM, a recogniser of its own hears them in order (each message a task on the
 * captions pool, started when the one before has ended: a chain of futures, never an ordered
 * executeBlocking), and each answer goes back as {"type":"partial"|"final","text":…}. Audio that arrives
 * while {@link #MAX_WAITING} messages already wait is dropped: captions stay current rather than complete.
 * All its state is touched on the socket's event loop only.
 */
final class LiveCaptions {

  static final String PATH = "/ws/captions";
  /** One second of audio at most in one message. */
  static final int MAX_MESSAGE_BYTES = Transcriber.SAMPLE_RATE * 2;
  static final int MAX_WAITING = 20;

  private final ServerWebSocket socket;
  private final WorkerExecutor pool;
  private final Future<Recognizer> recognizer;
  private Future<?> tail;
  private int waiting;
  private String lastPartial = "";

  private LiveCaptions(ServerWebSocket socket, WorkerExecutor pool, SpeechModel model) {
    this.socket = socket;
    this.pool = pool;
    this.recognizer = pool.executeBlocking(() -> new Recognizer(model.get(), Transcriber.SAMPLE_RATE), false);
    this.tail = recognizer;
  }

  /** The socket's messages arrive whole through {@code messages}, which also tells of its close. */
  static void open(ServerWebSocket socket, SocketMessages messages, WorkerExecutor pool, SpeechModel model) {
    LiveCaptions captions = new LiveCaptions(socket, pool, model);
    messages.binary(captions::audio).text(text -> { }).onClose(captions::close);
    captions.recognizer.onFailure(error -> socket.close((short) 1011, "speech recognition is not available"));
  }

  private void audio(Buffer pcm) {
    if (waiting >= MAX_WAITING || pcm.length() > MAX_MESSAGE_BYTES || pcm.length() % 2 != 0) {
      return;
    }
    waiting++;
    byte[] bytes = pcm.getBytes();
    tail = tail.compose(ready -> pool.executeBlocking(() -> hear(recognizer.result(), bytes), false))
        .andThen(heard -> waiting--)
        .onSuccess(this::send);
  }

  /** On a captions thread: the recogniser's answer to this audio, or null when nothing changed. */
  private JsonObject hear(Recognizer r, byte[] pcm) {
    if (r.acceptWaveForm(pcm, pcm.length)) {
      String text = new JsonObject(r.getResult()).getString("text", "");
      return text.isBlank() ? null : new JsonObject().put("type", "final").put("text", text);
    }
    String partial = new JsonObject(r.getPartialResult()).getString("partial", "");
    return partial.isBlank() ? null : new JsonObject().put("type", "partial").put("text", partial);
  }

  private void send(JsonObject caption) {
    if (caption == null || socket.isClosed() || socket.writeQueueFull()) {
      return;
    }
    if ("partial".equals(caption.getString("type"))) {
      if (caption.getString("text").equals(lastPartial)) {
        return;
      }
      lastPartial = caption.getString("text");
    } else {
      lastPartial = "";
    }
    socket.writeTextMessage(caption.encode());
  }

  private void close() {
    tail.onComplete(done -> recognizer.onSuccess(r -> pool.executeBlocking(() -> {
      r.close();
      return null;
    }, false)));
  }
}
