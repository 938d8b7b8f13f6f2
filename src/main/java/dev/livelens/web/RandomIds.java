package dev.livelens.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Unguessable ids, the one generator for every kind: random bits, URL-safe base64 without padding, so an id
 * is safe in a URL, a bus address and a directory name, and anything of another shape (a path, "..") is
 * never looked up.
 */
public final class RandomIds {

  /** Videos: 96 bits, 16 characters. */
  public static final RandomIds SHORT = new RandomIds(12);
  /** Streams, rooms, chat messages, uploads: 128 bits, 22 characters. */
  public static final RandomIds LONG = new RandomIds(16);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final int bytes;
  private final Pattern shape;

  private RandomIds(int bytes) {
    this.bytes = bytes;
    this.shape = Pattern.compile("[A-Za-z0-9_-]{" + (bytes * 4 + 2) / 3 + "}");
  }

  public String next() {
    byte[] bits = new byte[bytes];
    RANDOM.nextBytes(bits);
    return ENCODER.encodeToString(bits);
  }

  /** Whether {@code id} has this kind's shape. */
  public boolean isValid(Object id) {
    return id instanceof String text && shape.matcher(text).matches();
  }
}
