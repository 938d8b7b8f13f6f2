package dev.livelens.rooms;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes to one room socket with the connection's own backpressure. Audio goes first: it is written
 * whenever the write queue has room, and waits (a few chunks, oldest dropped) only while it is full.
 * A video frame is written only when nothing is queued ahead of it, and its future completes when the
 * frame has left (or at the next drain if it was skipped), so each sender's listener keeps one frame
 * in flight and its newest-wins slot drops the rest for this viewer alone.
 */
final class RoomChannel {

  static final byte AUDIO = 1;
  static final byte VIDEO = 2;
  private static final int WRITE_QUEUE_BYTES = 256 * 1024;
  private static final int AUDIO_WAITING = 16;

  private final ServerWebSocket socket;
  private final ArrayDeque<Buffer> audio = new ArrayDeque<>();
  private final List<Promise<Void>> waitingForDrain = new ArrayList<>();
  private boolean closed;
  private long videoSkipped;
  private long audioDropped;

  RoomChannel(ServerWebSocket socket) {
    this.socket = socket;
    socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    socket.drainHandler(v -> drained());
  }

  /** Control and chat messages: small and rate-limited, so written even when the queue is full. */
  void text(String message) {
    if (!isClosed()) {
      socket.writeTextMessage(message);
    }
  }

  /** A message that the next one replaces (a presence list): skipped while the client is not reading. */
  void replaceable(String message) {
    if (!cannotWrite()) {
      socket.writeTextMessage(message);
    }
  }

  void audio(long fromUser, Buffer chunk) {
    Buffer message = Buffer.buffer(9 + chunk.length()).appendByte(AUDIO).appendLong(fromUser).appendBuffer(chunk);
    if (audio.isEmpty() && !cannotWrite()) {
      socket.writeBinaryMessage(message);
      return;
    }
    if (audio.size() == AUDIO_WAITING) {
      audio.poll();
      audioDropped++;
    }
    audio.add(message);
  }

  /** The processed JPEG exactly as published (no re-encoding), behind a small header naming its sender. */
  Future<Void> video(long fromUser, long frameId, Buffer jpeg) {
    if (isClosed()) {
      return Future.succeededFuture();
    }
    flushAudio();
    if (cannotWrite()) {
      videoSkipped++;
      Promise<Void> drained = Promise.promise();
      waitingForDrain.add(drained);
      return drained.future();
    }
    Buffer message = Buffer.buffer(13 + jpeg.length()).appendByte(VIDEO).appendLong(fromUser)
        .appendUnsignedInt(frameId).appendBuffer(jpeg);
    return socket.writeBinaryMessage(message);
  }

  long videoSkipped() {
    return videoSkipped;
  }

  long audioDropped() {
    return audioDropped;
  }

  void markClosed() {
    closed = true;
    drained();
  }

  /** A closing socket throws on writeQueueFull(), so closed is checked first. */
  private boolean cannotWrite() {
    return isClosed() || socket.writeQueueFull();
  }

  private boolean isClosed() {
    return closed || socket.isClosed();
  }

  /**
   * Asking whether the queue is full may run the drain handler at once, which flushes too: the queue is
   * read only after that question, so a chunk the inner flush took is never taken twice (null).
   */
  private void flushAudio() {
    while (!audio.isEmpty() && !cannotWrite()) {
      Buffer next = audio.poll();
      if (next != null) {
        socket.writeBinaryMessage(next);
      }
    }
  }

  private void drained() {
    flushAudio();
    if (closed) {
      audio.clear();
    }
    List<Promise<Void>> waiting = List.copyOf(waitingForDrain);
    waitingForDrain.clear();
    waiting.forEach(Promise::tryComplete);
  }
}
