package dev.livelens.subtitles;

import dev.livelens.web.SocketMessages;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.vosk.Recognizer;

/**
 * One page's live captions (the camera page's or a room member's) on {@code /ws/captions}: its microphone arrives as binary messages of
 * 16 kHz mono 16-bit PCM, a recogniser of its own hears them in order (each message a task on the
 * captions pool, started when the one before has ended: a chain of futures, never an ordered
 * executeBlocking), and each answer goes back as {"type":"partial"|"final","text":…}. Audio that arrives
 * while {@link #MAX_WAITING} messages already wait is dropped: captions stay current rather than complete.
 * A text message {"type":"record","video":id} says the page started recording that video (its caller's own,
 * being recorded): the words heard from then on, until {"type":"record","video":null} or the socket's close,
 * become its transcript ({@link RecordingCaptions}). All its state is touched on the socket's event loop
 * only, but for {@link #fedBytes}, written by the one task running and read after it.
 */
final class LiveCaptions {

  static final String PATH = "/ws/captions";
  /** One second of audio at most in one message. */
  static final int MAX_MESSAGE_BYTES = Transcriber.SAMPLE_RATE * 2;
  static final int MAX_WAITING = 20;

  private final ServerWebSocket socket;
  private final WorkerExecutor pool;
  private final Future<Recognizer> recognizer;
  private final RecordingCaptions recordings;
  private Future<?> tail;
  private int waiting;
  private String lastPartial = "";
  /** Audio fed to the recogniser so far: its words' times count from the first byte. */
  private volatile long fedBytes;
  private CaptionedRecording recording;

  private LiveCaptions(ServerWebSocket socket, WorkerExecutor pool, SpeechModel model, RecordingCaptions recordings) {
    this.socket = socket;
    this.pool = pool;
    this.recordings = recordings;
    this.recognizer = pool.executeBlocking(() -> {
      Recognizer r = new Recognizer(model.get(), Transcriber.SAMPLE_RATE);
      r.setWords(true);
      return r;
    }, false);
    this.tail = recognizer;
  }

  /**
   * The socket's messages arrive whole through {@code messages}, which also tells of its close.
   *
   * @param recordings whose recordings this socket's captions may become the transcript of
   * @param onClosed run once when the socket has closed
   */
  static void open(ServerWebSocket socket, SocketMessages messages, WorkerExecutor pool, SpeechModel model,
      RecordingCaptions recordings, Runnable onClosed) {
    LiveCaptions captions = new LiveCaptions(socket, pool, model, recordings);
    messages.binary(captions::audio).text(captions::control).onClose(() -> {
      captions.close();
      onClosed.run();
    });
    captions.recognizer.onFailure(error -> socket.close((short) 1011, "speech recognition is not available"));
  }

  /** {"type":"record","video":id or null}: a recording of the caller's starts, or the one running stops. */
  private void control(String text) {
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (RuntimeException e) {
      return;
    }
    if (!"record".equals(message.getString("type")) || !(message.getValue("video") instanceof String
        || message.getValue("video") == null)) {
      return;
    }
    String video = message.getString("video");
    if (video == null) {
      flushThenStop();
      return;
    }
    // Where the audio is when the message comes, in the order it came: after the audio sent before it.
    Future<Long> at = tail.map(done -> fedBytes);
    tail = at;
    if (recording == null || !recording.videoId().equals(video)) {
      recordings.hold(video).compose(held -> at.map(bytes -> held ? bytes : null)).onSuccess(bytes -> {
        if (bytes != null) {
          stopRecording();
          recording = new CaptionedRecording(video, bytes);
        }
      });
    }
  }

  /** The words of the utterance under way are final too: then the recording's words are saved. */
  private void flushThenStop() {
    Future<String> flushed = tail.compose(done -> recording == null ? Future.succeededFuture(null)
        : pool.executeBlocking(() -> recognizer.result().getFinalResult(), false));
    tail = flushed;
    flushed.onComplete(result -> {
      if (recording != null && result.succeeded() && result.result() != null) {
        List<Word> words = new ArrayList<>();
        Transcriber.addWords(result.result(), words);
        recording.heard(words);
      }
      stopRecording();
    });
  }

  private void stopRecording() {
    if (recording != null) {
      recordings.save(recording);
      recording = null;
    }
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
    fedBytes += pcm.length;
    if (r.acceptWaveForm(pcm, pcm.length)) {
      String result = r.getResult();
      String text = new JsonObject(result).getString("text", "");
      return text.isBlank() ? null : new JsonObject().put("type", "final").put("text", text).put("result", result);
    }
    String partial = new JsonObject(r.getPartialResult()).getString("partial", "");
    return partial.isBlank() ? null : new JsonObject().put("type", "partial").put("text", partial);
  }

  private void send(JsonObject caption) {
    if (caption != null && recording != null && caption.containsKey("result")) {
      List<Word> words = new ArrayList<>();
      Transcriber.addWords(caption.getString("result"), words);
      recording.heard(words);
    }
    if (caption != null) {
      caption.remove("result");
    }
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
    flushThenStop();
    tail.onComplete(done -> recognizer.onSuccess(r -> pool.executeBlocking(() -> {
      r.close();
      return null;
    }, false)));
  }
}
