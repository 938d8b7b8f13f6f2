package dev.livelens.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts one socket's frames together into messages, with the limit of its path instead of the server-wide
 * one Vert.x would use: a fragment that would take a message past {@code maxMessageBytes}, or past what the
 * node's {@link MessageBudget} has left, drops the message (the rest of its fragments are skipped) and is
 * reported; the socket stays usable. A message in one frame needs no budget: the frame limit bounds it.
 * The socket's close comes here too ({@link #onClose}): what it held is given back, its slot freed, before
 * the feature hears of it.
 */
public final class SocketMessages implements Handler<WebSocketFrame> {

  /** Why a message was dropped unread. */
  public enum Refusal {
    /** Over this path's limit: the client should send less. */
    TOO_LARGE,
    /** The node holds too many incomplete messages: the client is told, then closed (1013), and may try again. */
    BUSY
  }

  private final int maxMessageBytes;
  private final MessageBudget budget;
  private Handler<String> text = s -> { };
  private Handler<Buffer> binary = b -> { };
  private Handler<Refusal> refused = r -> { };
  private Runnable release = () -> { };
  private ServerWebSocket socket;
  private Runnable closed = () -> { };
  /** The fragments of the message in progress, kept as they came: no copy until the message is whole. */
  private List<Buffer> partial;
  private int partialBytes;
  private boolean partialIsText;
  private boolean skipping;

  SocketMessages(int maxMessageBytes, MessageBudget budget) {
    this.maxMessageBytes = maxMessageBytes;
    this.budget = budget;
  }

  /**
   * Reads {@code socket}'s messages from now on (call on its event loop, before it has read anything);
   * {@code release} runs once when it closes.
   */
  SocketMessages readFrom(ServerWebSocket socket, Runnable release) {
    this.release = release;
    this.socket = socket;
    socket.frameHandler(this);
    socket.closeHandler(v -> {
      drop();
      this.release.run();
      closed.run();
    });
    return this;
  }

  /** Runs {@code handler} once when the socket has closed (instead of the socket's own close handler). */
  public SocketMessages onClose(Runnable handler) {
    this.closed = handler;
    return this;
  }

  public SocketMessages text(Handler<String> handler) {
    this.text = handler;
    return this;
  }

  public SocketMessages binary(Handler<Buffer> handler) {
    this.binary = handler;
    return this;
  }

  public SocketMessages refused(Handler<Refusal> handler) {
    this.refused = handler;
    return this;
  }

  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  @Override
  public void handle(WebSocketFrame frame) {
    if (frame.isText() || frame.isBinary()) {
      drop();
      skipping = false;
      if (frame.isFinal()) {
        whole(frame.isText(), frame.binaryData());
        return;
      }
      partialIsText = frame.isText();
      partial = new ArrayList<>();
      partialBytes = 0;
      append(frame.binaryData(), false);
    } else if (frame.isContinuation() && !skipping && partial != null) {
      append(frame.binaryData(), frame.isFinal());
    } else if (frame.isContinuation() && frame.isFinal()) {
      skipping = false;
    }
  }

  private void whole(boolean isText, Buffer data) {
    if (data.length() > maxMessageBytes) {
      refused.handle(Refusal.TOO_LARGE);
    } else if (isText) {
      text.handle(data.toString());
    } else {
      binary.handle(data);
    }
  }

  private void append(Buffer data, boolean last) {
    if (partialBytes + data.length() > maxMessageBytes) {
      refuse(Refusal.TOO_LARGE, last);
      return;
    }
    if (!budget.tryTake(data.length())) {
      refuse(Refusal.BUSY, last);
      return;
    }
    partial.add(data);
    partialBytes += data.length();
    if (last) {
      Buffer message = Buffer.buffer(partialBytes);
      partial.forEach(message::appendBuffer);
      drop();
      whole(partialIsText, message);
    }
  }

  private void refuse(Refusal why, boolean last) {
    drop();
    skipping = !last;
    refused.handle(why);
    if (why == Refusal.BUSY && socket != null) {
      // The node holds all the incomplete messages it will: this socket is told, then closed, so that its
      // remaining fragments are not even read.
      socket.close(CloseCodes.TRY_AGAIN_LATER, "server busy: too many incomplete messages");
    }
  }

  /** Gives back what the incomplete message held; also when the socket closes. */
  void drop() {
    if (partial != null) {
      budget.give(partialBytes);
      partial = null;
      partialBytes = 0;
    }
  }
}
