package dev.livelens.account;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import dev.livelens.config.PrivateFiles;
import java.security.SecureRandom;

/**
 * The key that signs session cookies: 32 random bytes made once in the data directory (readable by the
 * server's user only), so a restart keeps people signed in. Blocking file I/O: call it from a worker.
 */
final class SigningKey {

  static final String FILE_NAME = "session.key";
  static final int BYTES = 32;

  private SigningKey() {
  }

  static byte[] loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      create(dataDir, file);
    }
    byte[] key = Files.readAllBytes(file);
    if (key.length != BYTES) {
      throw new IOException(file + " holds " + key.length + " bytes, not a " + BYTES + "-byte key; delete it "
          + "to make a new one (everyone will have to sign in again)");
    }
    return key;
  }

  private static void create(Path dataDir, Path file) throws IOException {
    PrivateFiles.directory(dataDir);
    byte[] key = new byte[BYTES];
    new SecureRandom().nextBytes(key);
    // Written under a temporary name, owner-only from its creation, then moved: no reader ever sees half a key.
    Path partial = Files.createTempFile(dataDir, FILE_NAME, ".new",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(partial, key);
    try {
      Files.move(partial, file);
    } catch (FileAlreadyExistsException e) {
      Files.delete(partial); // another start made it first: use theirs
    }
  }
}
