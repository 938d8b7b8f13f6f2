package dev.livelens.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The tus 1.0 vocabulary this server speaks: headers, extensions, checksums, metadata and dates. */
final class Tus {

  static final String VERSION = "1.0.0";
  static final String EXTENSIONS = "creation,creation-defer-length,checksum,termination,expiration";
  static final String CONTENT_TYPE = "application/offset+octet-stream";
  /** tus asks for sha1 at least; the page uses sha256. */
  static final Map<String, String> CHECKSUMS = Map.of("sha1", "SHA-1", "sha256", "SHA-256");
  static final String CHECKSUM_ALGORITHMS = "sha1,sha256";
  /** tus' own status for a chunk whose checksum does not match. */
  static final int CHECKSUM_MISMATCH = 460;
  static final String VIDEO_ID_HEADER = "Livelens-Video-Id";
  static final int MAX_METADATA_CHARS = 4096;
  /** A stopping node's answer (503) to a new chunk or upload, or to a chunk it had to cut short. */
  static final String STOPPING_CODE = "server_stopping";
  static final String STOPPING = "the server is stopping: ask HEAD for the offset in a few seconds and send from there";
  static final String RETRY_AFTER_SECONDS = "5";

  private static final Pattern METADATA_PAIR = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+( [A-Za-z0-9+/]*={0,2})?");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  /** A PATCH's {@code Upload-Checksum}: the hasher to feed and the digest it must end with. */
  record Checksum(MessageDigest digest, byte[] expected) {

    boolean matches(byte[] actual) {
      return MessageDigest.isEqual(expected, actual);
    }
  }

  private Tus() {
  }

  static String httpDate(long epochMs) {
    return HTTP_DATE.format(Instant.ofEpochMilli(epochMs));
  }

  /**
   * Reads {@code Upload-Checksum: <algorithm> <base64 digest>}; null when the header is absent.
   *
   * @throws IllegalArgumentException for an unknown algorithm or a malformed value (a 400)
   */
  static Checksum checksum(String header) {
    if (header == null) {
      return null;
    }
    String[] parts = header.strip().split(" ");
    String algorithm = parts.length == 2 ? CHECKSUMS.get(parts[0]) : null;
    if (algorithm == null) {
      throw new IllegalArgumentException("Upload-Checksum must be '<algorithm> <base64 digest>' with one of "
          + CHECKSUM_ALGORITHMS);
    }
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      byte[] expected = Base64.getDecoder().decode(parts[1]);
      if (expected.length != digest.getDigestLength()) {
        throw new IllegalArgumentException("the Upload-Checksum digest has the wrong length for " + parts[0]);
      }
      return new Checksum(digest, expected);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether an {@code Upload-Metadata} value is well formed: comma-separated "key base64value" pairs. */
  static boolean validMetadata(String header) {
    if (header.length() > MAX_METADATA_CHARS) {
      return false;
    }
    for (String pair : header.split(",", -1)) {
      if (!METADATA_PAIR.matcher(pair.strip()).matches()) {
        return false;
      }
    }
    return true;
  }

  /** One metadata value, decoded; null when absent or not UTF-8 text. */
  static String metadataValue(String header, String key) {
    if (header == null || header.isEmpty()) {
      return null;
    }
    for (String pair : header.split(",")) {
      String[] parts = pair.strip().split(" ", 2);
      if (parts[0].equals(key) && parts.length == 2) {
        try {
          return new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** A non-negative whole number header, or -1 when absent; -2 when present but not such a number. */
  static long number(String header) {
    if (header == null) {
      return -1;
    }
    try {
      long value = Long.parseLong(header.strip());
      return value >= 0 && header.strip().chars().allMatch(Character::isDigit) ? value : -2;
    } catch (NumberFormatException e) {
      return -2;
    }
  }
}
