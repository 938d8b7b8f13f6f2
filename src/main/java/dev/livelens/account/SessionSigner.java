package dev.livelens.account;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session tokens as {@code base64url(json).base64url(HMAC-SHA256)}: anyone may read one, nobody without
 * the server's key can make or change one. Checking needs no database, so it runs on the event loop.
 */
final class SessionSigner {

  private static final String ALGORITHM = "HmacSHA256";
  /** Far more than any token we issue; longer cookies are refused before any work. */
  private static final int MAX_TOKEN_CHARS = 1024;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  SessionSigner(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  String sign(SessionToken token) {
    String payload = B64.encodeToString(token.toJson().encode().getBytes(StandardCharsets.UTF_8));
    return payload + "." + B64.encodeToString(mac(payload));
  }

  /** The token, when its signature is ours and it has not expired at {@code nowMs}. */
  Optional<SessionToken> verify(String text, long nowMs) {
    if (text == null || text.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    int dot = text.indexOf('.');
    if (dot <= 0 || dot != text.lastIndexOf('.')) {
      return Optional.empty();
    }
    String payload = text.substring(0, dot);
    try {
      if (!MessageDigest.isEqual(mac(payload), B64_DECODER.decode(text.substring(dot + 1)))) {
        return Optional.empty();
      }
      JsonObject json = new JsonObject(new String(B64_DECODER.decode(payload), StandardCharsets.UTF_8));
      return SessionToken.fromJson(json).filter(token -> token.expiresAtMs() > nowMs);
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(String payload) {
    try {
      // A Mac is not thread-safe and event loops share this signer: one per call costs microseconds.
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
