package dev.livelens.web;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes held by every socket of the node for messages that came fragmented and are not complete yet. A
 * frame is at most {@code --max-websocket-frame-bytes}, so what a socket holds beyond that is here, and
 * the sum stays under one bound however many sockets send half a message.
 */
public final class MessageBudget {

  private final long max;
  private final AtomicLong held = new AtomicLong();

  public MessageBudget(long max) {
    this.max = max;
  }

  /** Takes {@code bytes}; false, taking nothing, when they do not fit. */
  boolean tryTake(long bytes) {
    long now;
    do {
      now = held.get();
      if (now + bytes > max) {
        return false;
      }
    } while (!held.compareAndSet(now, now + bytes));
    return true;
  }

  void give(long bytes) {
    held.addAndGet(-bytes);
  }

  public long held() {
    return held.get();
  }

  public long max() {
    return max;
  }
}
