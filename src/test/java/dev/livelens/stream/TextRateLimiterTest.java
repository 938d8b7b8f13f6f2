package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRateLimiterTest {

  /** nanoTime's origin is arbitrary: it may be negative or huge, and the first window starts at the first message. */
  @ParameterizedTest
  @ValueSource(longs = {-9_000_000_000_000L, -1, 0, 500_000_000L, 9_000_000_000_000L})
  void allowsNPerSecondWhateverTheClocksOrigin(long start) {
    TextRateLimiter limiter = new TextRateLimiter(3);
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.tryAcquire(start + i));
    }
    assertFalse(limiter.tryAcquire(start + 999_999_999L));
    assertTrue(limiter.tryAcquire(start + 1_000_000_000L), "a new window a second after the first message");
  }
}
