package dev.livelens.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data directory holds password hashes, chats and people's videos: it and the directories LiveLens
 * makes in it are the owner's only (0700), so nothing beneath is readable by others whatever the umask
 * gave the files; the database files are 0600 themselves too. A file system without POSIX permissions is
 * left as it is.
 */
public final class PrivateFiles {

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private PrivateFiles() {
  }

  /** Creates {@code dir} (and its parents) if needed and makes it owner-only. Blocking: not on an event loop. */
  public static Path directory(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (POSIX) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
    return dir;
  }

  /** Makes {@code file} owner-only if it exists. Blocking. */
  public static void file(Path file) throws IOException {
    if (POSIX && Files.exists(file)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  /** Creates {@code file} empty and owner-only if it does not exist yet. Blocking. */
  public static void createFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      if (POSIX) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    }
    file(file);
  }
}
