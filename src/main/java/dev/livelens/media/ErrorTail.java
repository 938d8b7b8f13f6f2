package dev.livelens.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a process's error output on a thread of its own, keeping its last few kilobytes for the reason. */
final class ErrorTail {

  private static final int KEEP = 4096;

  private final StringBuilder tail = new StringBuilder();
  private final Thread reader;

  private ErrorTail(InputStream errors) {
    reader = new Thread(() -> read(errors), "livelens-ffmpeg-stderr");
    reader.setDaemon(true);
  }

  static ErrorTail drain(InputStream errors) {
    ErrorTail tail = new ErrorTail(errors);
    tail.reader.start();
    return tail;
  }

  private void read(InputStream errors) {
    byte[] chunk = new byte[1024];
    try (errors) {
      int n;
      while ((n = errors.read(chunk)) > 0) {
        synchronized (tail) {
          tail.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
          if (tail.length() > KEEP) {
            tail.delete(0, tail.length() - KEEP);
          }
        }
      }
    } catch (IOException closed) {
      // the process ended
    }
  }

  /** What the process wrote, once it has ended (waits a moment for the reader to catch up). */
  String text() throws InterruptedException {
    reader.join(1000);
    synchronized (tail) {
      return tail.toString();
    }
  }
}
