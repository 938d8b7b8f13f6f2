package dev.livelens.worker;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the calling thread below live work on the CPU, as FFmpeg's job processes already are: nice 19
 * on Linux, set on the thread's own id (Linux schedules each thread as a task with its own nice value),
 * and Java's lowest priority, which Linux ignores and other systems honour. A runnable live thread then
 * takes the core from it at once, and it still gets a small share under constant load (the scheduler's
 * weight of nice 19 is 15 against 1024 for nice 0), so a job slows down but never stops.
 * Only threads that never run live work may be lowered: a lowered thread stays lowered.
 */
public final class BelowLive {

  static final int NICE = 19;
  private static final Logger LOG = LoggerFactory.getLogger(BelowLive.class);
  private static final int PRIO_PROCESS = 0;
  private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> false);

  /** libc's setpriority, loaded on first use only (never on a system without /proc/thread-self). */
  private interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int setpriority(int which, int who, int prio);
  }

  private BelowLive() {
  }

  /** Lowers the calling thread, once; later calls on the same thread cost a thread-local read. */
  public static void lowerThisThread() {
    if (LOWERED.get()) {
      return;
    }
    LOWERED.set(true);
    Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
    Path self = Path.of("/proc/thread-self");
    if (!Files.exists(self)) {
      LOG.info("no /proc/thread-self: thread {} runs at Java's lowest priority only", Thread.currentThread().getName());
      return;
    }
    try {
      // "<pid>/task/<tid>": the thread's own id, which setpriority takes as a process id.
      Path task = Files.readSymbolicLink(self);
      int tid = Integer.parseInt(task.getFileName().toString());
      if (LibC.INSTANCE.setpriority(PRIO_PROCESS, tid, NICE) != 0) {
        LOG.warn("setpriority refused nice {} for thread {}: it runs beside live work at their priority", NICE,
            Thread.currentThread().getName());
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      LOG.warn("could not lower thread {} below live work: {}", Thread.currentThread().getName(), e.toString());
    }
  }
}
