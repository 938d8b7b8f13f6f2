package dev.livelens.media;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/** An FFmpeg process whose pipes the caller reads and writes itself (frames in or out). */
public final class FfmpegProcess {

  private final Process process;
  private final ErrorTail errors;
  private final Cancel cancel;

  FfmpegProcess(Process process, Cancel cancel) {
    this.process = process;
    this.errors = ErrorTail.drain(process.getErrorStream());
    this.cancel = cancel;
  }

  public InputStream output() {
    return process.getInputStream();
  }

  public OutputStream input() {
    return process.getOutputStream();
  }

  /** Waits for the end; fails with what FFmpeg wrote, or as cancelled. */
  public void await(long timeoutMinutes) throws InterruptedException {
    if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new MediaException(FailureReason.tookTooLong(timeoutMinutes));
    }
    cancel.check();
    if (process.exitValue() != 0) {
      String log = errors.text();
      throw new FfmpegFailure(Ffmpeg.lastLine(log, process.exitValue()), log);
    }
  }

  /** Stops it at once (the job failed elsewhere). */
  public void kill() {
    process.destroyForcibly();
  }
}
