package dev.livelens.testing;

import java.time.Duration;

/**
 * A gate for FFmpeg's downloads: each one stops after a number of bytes and waits until the test releases
 * them, so a test has an FFmpeg job that runs exactly as long as it likes, using no CPU meanwhile. Only
 * imports' downloads (user agents "Lavf/..." and "LiveLens-import") are held: the pre-flight check goes through.
 */
final class HeldDownloads {

  private long holdAt = -1;
  private int held;
  private boolean released;

  synchronized void holdAfter(long bytes) {
    holdAt = bytes;
    released = false;
  }

  /** Where this request stops, or -1 when it is not held. */
  synchronized long holdAt(String userAgent) {
    return userAgent != null && (userAgent.startsWith("Lavf") || userAgent.startsWith("LiveLens-import")) && !released
        ? holdAt : -1;
  }

  /** On the server's thread for one download: waits at the gate until released. */
  synchronized void waitHere() throws InterruptedException {
    held++;
    notifyAll();
    try {
      while (!released) {
        wait();
      }
    } finally {
      held--;
    }
  }

  /** Waits until {@code count} downloads are held at once; false when that did not happen in time. */
  synchronized boolean await(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (held < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  synchronized int held() {
    return held;
  }

  synchronized void release() {
    released = true;
    holdAt = -1;
    notifyAll();
  }
}
