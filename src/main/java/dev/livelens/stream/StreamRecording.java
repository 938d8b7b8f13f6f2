package dev.livelens.stream;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * Recording a stream's processed frames on the server, when its client asks. The stream only passes the
 * request on and the recorder's messages ({"type":"recording",...}) back; the recorder listens to the
 * stream's published frames and finishes when the stream ends.
 */
public interface StreamRecording {

  /** For servers that cannot record: every request is answered as failed, saying so. */
  StreamRecording UNAVAILABLE = new StreamRecording() {
    @Override
    public void start(String streamId, Long ownerId, Consumer<JsonObject> tell) {
      tell.accept(new JsonObject().put("type", "recording").put("state", "failed")
          .put("reason", "recording is not available on this platform"));
    }

    @Override
    public void stop(String streamId) {
    }
  };

  /**
   * Starts recording the stream (again answering "started" if it already is); {@code tell} writes to its
   * client; the video belongs to {@code ownerId} (the stream's user), or to nobody when null.
   */
  void start(String streamId, Long ownerId, Consumer<JsonObject> tell);

  /** Stops recording the stream, which finishes the recording; nothing when it is not recording. */
  void stop(String streamId);

  /** The node is stopping: every recording ends and is finished; completes when each is (none here). */
  default Future<Void> finishAll() {
    return Future.succeededFuture();
  }
}
