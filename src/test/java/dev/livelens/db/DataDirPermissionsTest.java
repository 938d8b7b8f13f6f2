package dev.livelens.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.CookieClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Password hashes, chats and videos are the server's owner's only: read back from the file system. */
class DataDirPermissionsTest {

  @Test
  void aFreshDataDirectoryAndTheDatabaseFilesAreOwnerOnly() throws Exception {
    Path parent = TempDirs.create("livelens-perms-");
    Path dataDir = parent.resolve("data");
    try (TestServer server = TestServer.start("--data-dir", dataDir.toString())) {
      assertEquals(201, new CookieClient(server.port()).signUp("Private", "correct horse battery").statusCode());
      assertEquals("rwx------", mode(dataDir));
      assertEquals("rwx------", mode(dataDir.resolve("media")));
      assertEquals("rwx------", mode(dataDir.resolve("uploads")));
      for (String file : new String[] {"livelens.db", "livelens.db-wal", "livelens.db-shm", "session.key"}) {
        assertEquals("rw-------", mode(dataDir.resolve(file)), file);
      }
    } finally {
      TempDirs.delete(parent);
    }
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
