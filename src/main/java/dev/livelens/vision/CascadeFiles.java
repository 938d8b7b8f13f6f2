package dev.livelens.vision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;

/** OpenCV reads cascades only from files, so the ones in the jar are copied out once per process. */
public final class CascadeFiles {

  private static final ConcurrentHashMap<String, Path> EXTRACTED = new ConcurrentHashMap<>();

  private CascadeFiles() {
  }

  /** A filesystem path to the named cascade XML shipped under {@code /cascades/} in the jar. */
  public static Path path(String fileName) {
    return EXTRACTED.computeIfAbsent(fileName, CascadeFiles::extract);
  }

  private static Path extract(String fileName) {
    try (InputStream in = CascadeFiles.class.getResourceAsStream("/cascades/" + fileName)) {
      if (in == null) {
        throw new IllegalArgumentException("no cascade named " + fileName + " in the jar");
      }
      Path file = Files.createTempFile("livelens-", "-" + fileName);
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract cascade " + fileName, e);
    }
  }
}
