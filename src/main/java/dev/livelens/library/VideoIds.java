package dev.livelens.library;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Video ids: 96 random bits, URL-safe (16 characters): unguessable, and safe as a directory name. */
public final class VideoIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{16}");

  private VideoIds() {
  }

  public static String next() {
    byte[] bits = new byte[12];
    RANDOM.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  /** Whether {@code id} could be a video id: anything else (a path, `..`) is not looked up at all. */
  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  static String require(String id) {
    if (!isValid(id)) {
      throw new IllegalArgumentException("not a video id: " + id);
    }
    return id;
  }
}
