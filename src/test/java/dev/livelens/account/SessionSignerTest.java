package dev.livelens.account;

import dev.livelens.web.User;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signed session tokens: only ours, only unexpired, only unchanged. */
class SessionSignerTest {

  private static final long NOW = 1_800_000_000_000L;
  private final SessionSigner signer = new SessionSigner(key(1));
  private final SessionToken token = new SessionToken(new User(42, "Ada"), "0123abcd", 3, NOW + 60_000);

  @Test
  void aTokenReadsBackUntilItExpires() {
    String signed = signer.sign(token);
    assertEquals(Optional.of(token), signer.verify(signed, NOW));
    assertEquals(Optional.of(token), signer.verify(signed, NOW + 59_999));
    assertEquals(Optional.empty(), signer.verify(signed, NOW + 60_000));
  }

  @Test
  void anotherKeysTokenIsRefused() {
    assertEquals(Optional.empty(), new SessionSigner(key(2)).verify(signer.sign(token), NOW));
  }

  @Test
  void aChangedPayloadIsRefused() {
    String signed = signer.sign(token);
    String otherUser = signer.sign(new SessionToken(new User(43, "Eve"), "0123abcd", 3, NOW + 60_000));
    String spliced = otherUser.substring(0, otherUser.indexOf('.')) + signed.substring(signed.indexOf('.'));
    assertEquals(Optional.empty(), signer.verify(spliced, NOW));
  }

  @Test
  void garbageIsNobody() {
    for (String text : new String[] {"", ".", "a.b", "a.b.c", "%%%.%%%", "x".repeat(5000), signer.sign(token) + "."}) {
      assertTrue(signer.verify(text, NOW).isEmpty(), text);
    }
  }

  private static byte[] key(int seed) {
    byte[] key = new byte[SigningKey.BYTES];
    java.util.Arrays.fill(key, (byte) seed);
    return key;
  }
}
