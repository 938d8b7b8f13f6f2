package dev.livelens.media;

/** FFmpeg could not do what was asked; the message is FFmpeg's own reason, fit to show a person. */
public final class MediaException extends RuntimeException {

  private final String log;

  public MediaException(String message) {
    this(message, message);
  }

  /** @param log the end of what FFmpeg wrote, to tell causes apart (never shown: it names server paths) */
  public MediaException(String message, String log) {
    super(message);
    this.log = log;
  }

  public String log() {
    return log;
  }
}
