package dev.livelens.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Argon2id hashes as PHC strings, checked against the reference test vector's format and each other. */
class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void aHashCarriesItsParametersAndVerifiesOnlyItsPassword() {
    String hash = hasher.hash("correct horse battery");
    assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
    assertTrue(hasher.verify("correct horse battery", hash));
    assertFalse(hasher.verify("correct horse batterY", hash));
  }

  @Test
  void theSamePasswordGetsAnotherSaltEachTime() {
    assertNotEquals(hasher.hash("correct horse battery"), hasher.hash("correct horse battery"));
  }

  @Test
  void aHashMadeWithOtherParametersStillVerifies() {
    // From the reference implementation (argon2 CLI: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1).
    String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    assertTrue(hasher.verify("password", reference));
    assertFalse(hasher.verify("passwore", reference));
  }

  @Test
  void aDamagedOrHostileHashIsRefusedBeforeAnyWork() {
    assertThrows(IllegalArgumentException.class, () -> hasher.verify("x", "plain text"));
    assertThrows(IllegalArgumentException.class, () -> hasher.verify("x",
        "$argon2id$v=19$m=9999999,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"));
  }
}
