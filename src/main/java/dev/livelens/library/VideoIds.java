package dev.livelens.library;

import dev.livelens.web.RandomIds;

/** Video ids: 96 random bits, URL-safe (16 characters): unguessable, and safe as a directory name. */
public final class VideoIds {

  private VideoIds() {
  }

  public static String next() {
    return RandomIds.SHORT.next();
  }

  /** Whether {@code id} could be a video id: anything else (a path, `..`) is not looked up at all. */
  public static boolean isValid(String id) {
    return RandomIds.SHORT.isValid(id);
  }

  static String require(String id) {
    if (!isValid(id)) {
      throw new IllegalArgumentException("not a video id: " + id);
    }
    return id;
  }
}
