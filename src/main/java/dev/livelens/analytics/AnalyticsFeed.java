package dev.livelens.analytics;

import dev.livelens.bus.Addresses;
import dev.livelens.web.CloseCodes;
import dev.livelens.web.SocketMessages;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;

/**
 * Tells an analytics page that its video's numbers changed, at most twice a second, so it reads them
 * again: the page always shows what the API says, live while people watch.
 */
final class AnalyticsFeed {

  static final long MIN_INTERVAL_MS = 500;
  /** The page sends nothing; a client that does is closed at its first frame. */
  static final int MAX_MESSAGE_BYTES = 1024;

  private AnalyticsFeed() {
  }

  static void serve(Vertx vertx, ServerWebSocket socket, SocketMessages messages, String videoId) {
    long[] lastSent = {0};
    boolean[] pending = {false};
    MessageConsumer<String> changes = vertx.eventBus().consumer(Addresses.analytics(videoId), message -> {
      if (pending[0]) {
        return;
      }
      long wait = Math.max(0, lastSent[0] + MIN_INTERVAL_MS - System.currentTimeMillis());
      pending[0] = true;
      vertx.setTimer(Math.max(1, wait), t -> {
        pending[0] = false;
        lastSent[0] = System.currentTimeMillis();
        if (!socket.isClosed() && !socket.writeQueueFull()) {
          socket.writeTextMessage("{\"type\":\"changed\"}");
        }
      });
    });
    socket.handler(data -> socket.close(CloseCodes.UNSUPPORTED_DATA, "this socket only sends"));
    messages.onClose(changes::unregister);
  }
}
