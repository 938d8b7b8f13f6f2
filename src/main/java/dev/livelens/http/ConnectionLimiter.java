package dev.livelens.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts open stream connections in total and per client address, shared by every HTTP verticle. */
public final class ConnectionLimiter {

  private final int maxTotal;
  private final int maxPerAddress;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();

  public ConnectionLimiter(int maxTotal, int maxPerAddress) {
    this.maxTotal = maxTotal;
    this.maxPerAddress = maxPerAddress;
  }

  /** Takes a slot for a new connection from {@code address}; false when a limit is reached. */
  public boolean tryAcquire(String address) {
    if (total.incrementAndGet() > maxTotal) {
      total.decrementAndGet();
      return false;
    }
    boolean[] granted = {false};
    perAddress.compute(address, (key, count) -> {
      int current = count == null ? 0 : count;
      granted[0] = current < maxPerAddress;
      return granted[0] ? current + 1 : count;
    });
    if (!granted[0]) {
      total.decrementAndGet();
    }
    return granted[0];
  }

  public void release(String address) {
    total.decrementAndGet();
    perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
  }

  /** Addresses with open connections: stays small when connections come and go. */
  int trackedAddresses() {
    return perAddress.size();
  }
}
