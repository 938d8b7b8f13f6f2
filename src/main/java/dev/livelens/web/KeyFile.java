package dev.livelens.web;

import dev.livelens.config.PrivateFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A secret key of 32 random bytes made once in the data directory (readable by the server's user only), so
 * a restart keeps what it signed valid. Blocking file I/O: call it from a worker.
 */
public final class KeyFile {

  public static final int BYTES = 32;

  private KeyFile() {
  }

  public static byte[] loadOrCreate(Path dataDir, String fileName) throws IOException {
    Path file = dataDir.resolve(fileName);
    if (!Files.exists(file)) {
      create(dataDir, file, fileName);
    }
    byte[] key = Files.readAllBytes(file);
    if (key.length != BYTES) {
      throw new IOException(file + " holds " + key.length + " bytes, not a " + BYTES + "-byte key; delete it "
          + "to make a new one (what it signed stops working)");
    }
    return key;
  }

  private static void create(Path dataDir, Path file, String fileName) throws IOException {
    PrivateFiles.directory(dataDir);
    byte[] key = new byte[BYTES];
    new SecureRandom().nextBytes(key);
    // Written under a temporary name, owner-only from its creation, then moved: no reader ever sees half a key.
    Path partial = Files.createTempFile(dataDir, fileName, ".new",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(partial, key);
    try {
      Files.move(partial, file);
    } catch (FileAlreadyExistsException e) {
      Files.delete(partial); // another start made it first: use theirs
    }
  }
}
