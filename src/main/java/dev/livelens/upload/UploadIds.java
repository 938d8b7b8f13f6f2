package dev.livelens.upload;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Upload ids: 128 random bits, URL-safe (22 characters). Until accounts exist the upload's URL is the only
 * key to it, so it must be unguessable; it is also a directory name, so nothing else is ever looked up.
 */
final class UploadIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{22}");

  private UploadIds() {
  }

  static String next() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }
}
