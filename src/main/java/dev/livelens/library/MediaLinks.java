package dev.livelens.library;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed links to a video's media: {@code ?t=<expiry ms>.<HMAC-SHA256 of "id.expiry">}, with a key
 * kept in the data directory ({@code media.key}). A player fetches HLS playlists, segments, the MP4 and the
 * poster with no cookie on every request; a copied link stops working when it expires; a public video's
 * media needs no token at all (a CDN or proxy may cache it). Checking needs no database.
 */
public final class MediaLinks {

  static final String KEY_FILE = "media.key";
  static final String PARAM = "t";
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final int MAX_TOKEN = 100;

  private final SecretKeySpec key;
  private final Duration lifetime;

  public MediaLinks(byte[] key, Duration lifetime) {
    this.key = new SecretKeySpec(key, ALGORITHM);
    this.lifetime = lifetime;
  }

  /** A token for the video's media valid until {@code nowMs} plus the link lifetime. */
  String token(String videoId, long nowMs) {
    long expires = nowMs + lifetime.toMillis();
    return expires + "." + B64.encodeToString(mac(videoId + "." + expires));
  }

  /** Whether {@code token} was made by this server for this video and has not expired at {@code nowMs}. */
  boolean valid(String videoId, String token, long nowMs) {
    if (token == null || token.length() > MAX_TOKEN) {
      return false;
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    long expires;
    try {
      expires = Long.parseLong(token.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    byte[] expected = B64.encodeToString(mac(videoId + "." + expires)).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))
        && expires > nowMs;
  }

  /** The video's JSON with its media links signed, unless it is public (whose media anyone may fetch). */
  JsonObject signed(Video video, JsonObject json) {
    if (Video.PUBLIC.equals(video.visibility())) {
      return json;
    }
    String query = "?" + PARAM + "=" + token(video.id(), System.currentTimeMillis());
    for (String field : new String[] {"mp4", "hls", "poster"}) {
      if (json.getValue(field) instanceof String url) {
        json.put(field, url + query);
      }
    }
    return json.put("linksExpire", System.currentTimeMillis() + lifetime.toMillis());
  }

  /** An HLS playlist whose every URI (segments, the init segment) carries {@code token}. */
  static String withToken(String playlist, String token) {
    String query = "?" + PARAM + "=" + token;
    StringBuilder out = new StringBuilder(playlist.length() + 64);
    for (String line : playlist.split("\n", -1)) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        out.append(trimmed).append(query);
      } else if (trimmed.contains("URI=\"")) {
        out.append(trimmed.replaceAll("URI=\"([^\"?]*)\"", "URI=\"$1" + query + "\""));
      } else {
        out.append(line);
      }
      out.append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe, and event loops share this
      mac.init(key);
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
