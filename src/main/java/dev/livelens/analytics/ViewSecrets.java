package dev.livelens.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret a page gets with its view and must show to resume it: view ids are seen by others (the
 * analytics pages, the page's own socket), so an id alone must not let anyone add events to a view. Only
 * its SHA-256 is stored.
 */
final class ViewSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ViewSecrets() {
  }

  static String next() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Whether {@code secret} is the one whose hash is {@code stored} (compared in constant time). */
  static boolean matches(String secret, String stored) {
    return secret != null && stored != null && MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII));
  }
}
