package dev.livelens.media;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A way to stop a job's FFmpeg processes from outside: the processes are attached as they start, and
 * cancelling kills those running and any started later, so a cancelled job frees its CPU at once.
 */
public final class Cancel {

  /** Thrown where a job notices it was cancelled, so its failure is not taken for FFmpeg's. */
  public static final class Cancelled extends RuntimeException {
    public Cancelled() {
      super("cancelled");
    }
  }

  private final List<Process> processes = new CopyOnWriteArrayList<>();
  private final List<Runnable> stops = new CopyOnWriteArrayList<>();
  private volatile boolean cancelled;

  /** Kills every attached process; later ones die as they are attached. */
  public void cancel() {
    cancelled = true;
    processes.forEach(Process::destroyForcibly);
    stops.forEach(Runnable::run);
  }

  /** Runs {@code stop} when the job is cancelled (at once if it already is): work that is not a process. */
  public void whenCancelled(Runnable stop) {
    stops.add(stop);
    if (cancelled) {
      stop.run();
    }
  }

  public boolean cancelled() {
    return cancelled;
  }

  /** @throws Cancelled when the job was cancelled */
  public void check() {
    if (cancelled) {
      throw new Cancelled();
    }
  }

  void attach(Process process) {
    processes.add(process);
    if (cancelled) {
      process.destroyForcibly();
    }
  }
}
