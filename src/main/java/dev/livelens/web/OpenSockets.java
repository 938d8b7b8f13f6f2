package dev.livelens.web;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The long-lived sockets of a node (streams, rooms) that must hear it is going away before it stops:
 * each is closed with 1001 so its page reconnects, here after a restart or to another node. Shared by
 * every event loop; a socket's owner reports its close, so a long-running server holds only open ones.
 */
public final class OpenSockets {

  static final String REASON = "server stopping";

  private final Set<ServerWebSocket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  /**
   * Keeps {@code socket} until {@link #closed}; once the node is stopping, closes it (1001) instead and
   * answers false, so a socket upgraded in the last moment is not left behind.
   */
  public boolean admit(ServerWebSocket socket) {
    open.add(socket);
    if (closing) {
      // Checked after adding: closeAll either sees this socket or has set closing before this read.
      open.remove(socket);
      socket.close(CloseCodes.GOING_AWAY, REASON);
      return false;
    }
    return true;
  }

  /** The socket's owner saw it close. */
  public void closed(ServerWebSocket socket) {
    open.remove(socket);
  }

  public int count() {
    return open.size();
  }

  /** Closes every open socket with 1001 and refuses new ones; completes when each close is done. */
  public Future<Void> closeAll() {
    closing = true;
    List<Future<Void>> closes = open.stream()
        .map(socket -> socket.close(CloseCodes.GOING_AWAY, REASON).recover(alreadyClosed -> Future.succeededFuture()))
        .toList();
    return Future.join(closes).mapEmpty();
  }
}
