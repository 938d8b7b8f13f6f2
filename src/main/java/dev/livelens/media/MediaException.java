package dev.livelens.media;

/** FFmpeg could not do what was asked; the message is FFmpeg's own reason, fit to show a person. */
public final class MediaException extends RuntimeException {

  public MediaException(String message) {
    super(message);
  }
}
