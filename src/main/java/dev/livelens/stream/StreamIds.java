package dev.livelens.stream;

import java.security.SecureRandom;
import java.util.Base64;

/** Stream ids: 128 random bits, URL-safe base64 (22 characters), so a stream's bus address cannot be guessed. */
final class StreamIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private StreamIds() {
  }

  static String next() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return ENCODER.encodeToString(bits);
  }
}
