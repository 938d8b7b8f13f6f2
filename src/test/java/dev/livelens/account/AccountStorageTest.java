package dev.livelens.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.CookieClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What accounts leave in the data directory: no password in the clear, a private key, sessions kept. */
class AccountStorageTest {

  private Path dataDir;

  @BeforeEach
  void makeDataDir() {
    dataDir = TempDirs.create("livelens-accounts-");
  }

  @AfterEach
  void deleteDataDir() {
    TempDirs.delete(dataDir);
  }

  @Test
  void theDatabaseFilesHoldNoPasswordInPlainText() throws Exception {
    String password = "plain-text-canary-7731";
    try (TestServer server = TestServer.start("--data-dir", dataDir.toString())) {
      CookieClient browser = new CookieClient(server.port());
      assertEquals(201, browser.signUp("Canary", password).statusCode());
      assertEquals(200, browser.post("/api/auth/password", new JsonObject().put("current", password)
          .put("password", password + "-2")).statusCode());
      byte[] all = databaseBytes();
      for (String secret : List.of(password, password + "-2")) {
        assertFalse(contains(all, secret.getBytes(StandardCharsets.UTF_8)), secret);
        assertFalse(contains(all, secret.getBytes(StandardCharsets.UTF_16LE)), secret + " in UTF-16");
        assertFalse(contains(all, HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.US_ASCII)), secret + " in hex");
      }
      assertTrue(contains(all, "$argon2id$v=19$m=19456,t=2,p=1$".getBytes(StandardCharsets.US_ASCII)),
          "the Argon2id hash is what is stored");
      assertTrue(contains(all, "Canary".getBytes(StandardCharsets.US_ASCII)), "the files read are the database's");
    }
  }

  @Test
  void theSigningKeyIsPrivateAndARestartKeepsPeopleSignedInButNotSignedOut() throws Exception {
    String kept;
    String ended;
    try (TestServer server = TestServer.start("--data-dir", dataDir.toString())) {
      CookieClient browser = new CookieClient(server.port());
      kept = AccountApiTest.sessionToken(browser.signUp("Keeper", AccountApiTest.PASSWORD));
      CookieClient other = new CookieClient(server.port());
      ended = AccountApiTest.sessionToken(other.logIn("Keeper", AccountApiTest.PASSWORD));
      other.send(other.request("/api/auth/logout").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    }
    Path key = dataDir.resolve(SigningKey.FILE_NAME);
    assertEquals(SigningKey.BYTES, Files.size(key));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    byte[] before = Files.readAllBytes(key);
    try (TestServer server = TestServer.start("--data-dir", dataDir.toString())) {
      assertEquals(200, me(server, kept).statusCode(), "still signed in after the restart");
      assertEquals(401, me(server, ended).statusCode(), "a session signed out stays signed out");
    }
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(key)), "the key is made once");
  }

  private static HttpResponse<String> me(TestServer server, String token) throws Exception {
    CookieClient fresh = new CookieClient(server.port());
    return fresh.send(fresh.request("/api/me").header("Cookie", CookieSessions.COOKIE + "=" + token));
  }

  /** Every file of the database: the main file and its write-ahead log, where fresh rows live first. */
  private byte[] databaseBytes() throws Exception {
    List<byte[]> parts = new ArrayList<>();
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("livelens.db")).toList()) {
        parts.add(Files.readAllBytes(file));
      }
    }
    int size = parts.stream().mapToInt(p -> p.length).sum();
    byte[] all = new byte[size];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
