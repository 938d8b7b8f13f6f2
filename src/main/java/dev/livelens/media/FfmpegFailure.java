package dev.livelens.media;

/**
 * FFmpeg (or ffprobe) ended with an error. Its message is FFmpeg's own last line, for the log only: it names
 * server paths and FFmpeg's internals. What a person is told comes from {@link FailureReason}.
 */
public final class FfmpegFailure extends RuntimeException {

  private final String log;

  FfmpegFailure(String lastLine, String log) {
    super(lastLine);
    this.log = log;
  }

  /** The end of what FFmpeg wrote, to tell causes apart. */
  public String log() {
    return log;
  }
}
