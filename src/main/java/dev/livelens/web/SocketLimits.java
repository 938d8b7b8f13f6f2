package dev.livelens.web;

import dev.livelens.config.SocketsConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's bounds on WebSocket memory, shared by every event loop: how many sockets one address may hold
 * on each path (one {@link ConnectionLimiter} a path), and the {@link MessageBudget} for messages still
 * incomplete. With the frame limit these bound what one address can make the node hold: sockets a path
 * times one frame each, plus at most the budget.
 */
public final class SocketLimits {

  private final int maxTotal;
  private final int maxPerAddress;
  private final MessageBudget budget;
  private final Map<String, ConnectionLimiter> perPath = new ConcurrentHashMap<>();

  public SocketLimits(int maxTotal, int maxPerAddress, long maxBufferedBytes) {
    this.maxTotal = maxTotal;
    this.maxPerAddress = maxPerAddress;
    this.budget = new MessageBudget(maxBufferedBytes);
  }

  public static SocketLimits of(SocketsConfig config, int maxConnections) {
    return new SocketLimits(maxConnections, config.maxSocketsPerAddress(), config.maxBufferedMessageBytes());
  }

  /** The connection counts of one path, the same object on every event loop. */
  ConnectionLimiter path(String path) {
    return perPath.computeIfAbsent(path, p -> new ConnectionLimiter(maxTotal, maxPerAddress));
  }

  /** A reader of one socket's messages of at most {@code maxMessageBytes}, within the node's budget. */
  SocketMessages messages(int maxMessageBytes) {
    return new SocketMessages(maxMessageBytes, budget);
  }

  public MessageBudget budget() {
    return budget;
  }

  public int maxPerAddress() {
    return maxPerAddress;
  }
}
