package dev.livelens.web;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter is shared by the event loops of every HTTP verticle: its decisions must hold under races. */
class ConnectionLimiterTest {

  /**
   * An address at its own limit keeps trying from one thread while another address takes and gives back
   * the last free slot from another: the refused attempts must never cost the other address its slot.
   */
  @Test
  void anAttemptRefusedForItsAddressNeverTakesTheTotalFromAnother() throws Exception {
    ConnectionLimiter limiter = new ConnectionLimiter(2, 1);
    assertTrue(limiter.tryAcquire("a"));
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong wronglyAdmitted = new AtomicLong();
    Thread atItsLimit = new Thread(() -> {
      while (running.get()) {
        if (limiter.tryAcquire("a")) {
          wronglyAdmitted.incrementAndGet();
        }
      }
    });
    atItsLimit.start();
    long refused = 0;
    try {
      for (int i = 0; i < 2_000_000; i++) {
        if (limiter.tryAcquire("b")) {
          limiter.release("b");
        } else {
          refused++;
        }
      }
    } finally {
      running.set(false);
      atItsLimit.join();
    }
    assertEquals(0, wronglyAdmitted.get(), "a second connection from an address whose limit is one");
    assertEquals(0, refused, "the last free slot refused to another address");
    assertFalse(limiter.tryAcquire("a"));
    assertTrue(limiter.tryAcquire("b"));
    assertFalse(limiter.tryAcquire("c"), "two in all");
    assertEquals(2, limiter.trackedAddresses());
  }
}
