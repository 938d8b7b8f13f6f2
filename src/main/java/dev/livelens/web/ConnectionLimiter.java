package dev.livelens.web;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts open stream connections in total and per client address, shared by every HTTP verticle (and so
 * by several event loops). Each decision takes one lock, so the two counts move together: an attempt
 * refused for its address never holds a total slot, even for an instant, that another address's
 * connection needed. (An earlier version counted the total first and gave it back after the address
 * refused, so a connection racing with that one could be refused below the limit.)
 */
public final class ConnectionLimiter {

  private final int maxTotal;
  private final int maxPerAddress;
  private final Map<String, Integer> perAddress = new HashMap<>();
  private int total;

  public ConnectionLimiter(int maxTotal, int maxPerAddress) {
    this.maxTotal = maxTotal;
    this.maxPerAddress = maxPerAddress;
  }

  /** Takes a slot for a new connection from {@code address}; false when a limit is reached. */
  public synchronized boolean tryAcquire(String address) {
    int fromAddress = perAddress.getOrDefault(address, 0);
    if (total >= maxTotal || fromAddress >= maxPerAddress) {
      return false;
    }
    total++;
    perAddress.put(address, fromAddress + 1);
    return true;
  }

  public synchronized void release(String address) {
    total--;
    perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
  }

  /** Addresses with open connections: stays small when connections come and go. */
  synchronized int trackedAddresses() {
    return perAddress.size();
  }
}
