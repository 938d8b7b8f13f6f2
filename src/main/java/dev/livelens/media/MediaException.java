package dev.livelens.media;

/**
 * Media could not be made, for a reason written for a person (what happened and what to do), never a
 * server path or an FFmpeg internal: it is shown as it is on the video's card and page.
 */
public final class MediaException extends RuntimeException {

  public MediaException(String reasonForPeople) {
    super(reasonForPeople);
  }
}
