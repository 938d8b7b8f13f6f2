package dev.livelens.stream;

import io.vertx.core.buffer.Buffer;
import dev.livelens.web.SocketMessages;
import io.vertx.core.json.JsonObject;

/** Reads protocol v1 from one client's socket and tells the stream what the client asked for. */
final class ClientReader {

  /** What a client's messages amount to. */
  interface Commands {
    void selectFilter(String name, JsonObject params);

    void frame(long id, Buffer jpeg, boolean json, long capturedAtMs);

    void record(boolean on);

    /** A picture to show behind the person, or null to take it away. */
    void background(Buffer image);

    /** The page's own measurements, checked. */
    void clientStats(JsonObject stats);

    /** A message that was recognisably a frame but cannot be used. */
    void unusableFrame(long id, ErrorCode code, String message);

    /** A message that is not about a frame and cannot be used; {@code flood} when it came too fast to read. */
    void badMessage(ErrorCode code, String message, boolean flood);
  }

  private final Commands commands;
  private final int maxFrameBytes;
  private final TextRateLimiter textLimiter;
  private final int textPerSecond;
  private int maxMessageBytes;

  ClientReader(Commands commands, int maxFrameBytes, int textPerSecond) {
    this.commands = commands;
    this.maxFrameBytes = maxFrameBytes;
    this.textPerSecond = textPerSecond;
    this.textLimiter = new TextRateLimiter(textPerSecond);
  }

  void readFrom(SocketMessages messages) {
    maxMessageBytes = messages.maxMessageBytes();
    messages.binary(this::onBinary).text(this::onText).refused(this::onRefused);
  }

  private void onBinary(Buffer message) {
    if (message.length() < WireFormat.ID_BYTES) {
      commands.badMessage(ErrorCode.BAD_FRAME, "a binary message starts with a 4-byte frame id; this one has "
          + message.length() + " bytes", false);
      return;
    }
    commands.frame(message.getUnsignedInt(0), message.slice(WireFormat.ID_BYTES, message.length()), false, 0);
  }

  private void onText(String text) {
    if (!textLimiter.tryAcquire(System.nanoTime())) {
      commands.badMessage(ErrorCode.BUSY, "more than " + textPerSecond
          + " text messages in one second; this one was ignored", true);
      return;
    }
    try {
      TextMessage message = TextMessage.parse(text, maxFrameBytes);
      if (message instanceof TextMessage.SelectFilter select) {
        commands.selectFilter(select.filter(), select.params());
      } else if (message instanceof TextMessage.Frame frame) {
        commands.frame(frame.id(), frame.jpeg(), true, frame.capturedAtMs());
      } else if (message instanceof TextMessage.Record record) {
        commands.record(record.on());
      } else if (message instanceof TextMessage.Background background) {
        commands.background(background.image());
      } else if (message instanceof TextMessage.ClientStats stats) {
        commands.clientStats(stats.stats());
      }
    } catch (TextMessage.Invalid e) {
      if (e.frameId() == null) {
        commands.badMessage(e.code(), e.getMessage(), false);
      } else {
        commands.unusableFrame(e.frameId(), e.code(), e.getMessage());
      }
    }
  }

  /** A message dropped unread: over the socket's limit, or no room left for incomplete messages. */
  private void onRefused(SocketMessages.Refusal why) {
    if (why == SocketMessages.Refusal.TOO_LARGE) {
      commands.badMessage(ErrorCode.TOO_LARGE, "message over the limit of " + maxMessageBytes + " bytes", false);
    } else {
      commands.badMessage(ErrorCode.BUSY, "the server holds too many large messages at the moment; this one "
          + "was dropped, send it again", false);
    }
  }
}
