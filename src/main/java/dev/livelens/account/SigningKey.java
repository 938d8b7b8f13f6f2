package dev.livelens.account;

import dev.livelens.web.KeyFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The key that signs session cookies, made once in the data directory, so a restart keeps people signed in.
 * Blocking file I/O: call it from a worker.
 */
final class SigningKey {

  static final String FILE_NAME = "session.key";
  static final int BYTES = KeyFile.BYTES;

  private SigningKey() {
  }

  static byte[] loadOrCreate(Path dataDir) throws IOException {
    return KeyFile.loadOrCreate(dataDir, FILE_NAME);
  }
}
