package dev.livelens.rooms;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Room and message ids: 128 random bits, URL-safe base64 (22 characters), so a room cannot be guessed. */
final class RoomIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

  private RoomIds() {
  }

  static String next() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return ENCODER.encodeToString(bits);
  }

  static boolean isValid(Object id) {
    return id instanceof String s && SHAPE.matcher(s).matches();
  }
}
