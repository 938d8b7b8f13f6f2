package dev.livelens.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * Writes to one client. Nothing is queued for a client that does not read: while the socket's write
 * queue is full (or it is closing), every message is skipped and the caller learns so.
 */
final class ClientChannel {

  private static final int WRITE_QUEUE_BYTES = 256 * 1024;

  private final ServerWebSocket socket;
  private boolean closed;

  ClientChannel(ServerWebSocket socket) {
    this.socket = socket;
    socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
  }

  /** A closing socket throws on writeQueueFull(), so closed is checked first. */
  boolean cannotWrite() {
    return isClosed() || socket.writeQueueFull();
  }

  boolean isClosed() {
    return closed || socket.isClosed();
  }

  void markClosed() {
    closed = true;
  }

  /** Writes unless the client cannot take it; returns whether it was written. */
  boolean text(String message) {
    if (cannotWrite()) {
      return false;
    }
    socket.writeTextMessage(message);
    return true;
  }

  /** Writes a processed frame the way its original came, unless the client cannot take it. */
  boolean image(long id, boolean json, Buffer jpeg) {
    if (cannotWrite()) {
      return false;
    }
    if (json) {
      socket.writeTextMessage(WireFormat.jsonFrame(id, jpeg));
    } else {
      socket.writeBinaryMessage(WireFormat.binaryFrame(id, jpeg));
    }
    return true;
  }

  void ping() {
    if (!isClosed()) {
      socket.writePing(Buffer.buffer());
    }
  }

  void close(short code, String reason) {
    socket.close(code, reason);
  }
}
