package dev.livelens.subtitles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * The node's one Vosk model, loaded on first use (it adds about 265 MB to the process, so a node that never
 * transcribes never pays for it) and released when the feature stops. The bundled US-English model rides in
 * the jar as Vosk's Android archive; the first use unzips its model folder under {@code data-dir/models/}.
 * Vosk counts references to a model: a recogniser still running keeps it alive past {@link #release}.
 */
final class SpeechModel {

  static final String BUNDLED = "/speech/vosk-model-en.aar";
  private static final String FOLDER_IN_ARCHIVE = "assets/model-en-us/";
  static final String UNPACKED_NAME = "vosk-model-en-us-0.3.45";
  private static final String COMPLETE = ".complete";
  private static final Logger LOG = LoggerFactory.getLogger(SpeechModel.class);

  private final Path modelsDir;
  private final Optional<Path> chosen;
  private Model model;

  /** @param chosen a model folder named by the operator, or empty for the bundled one */
  SpeechModel(Path modelsDir, Optional<Path> chosen) {
    this.modelsDir = modelsDir;
    this.chosen = chosen;
  }

  /** The model, loading it the first time; call from a worker thread (loading reads ~60 MB). */
  synchronized Model get() throws IOException {
    if (model == null) {
      Path dir = chosen.isPresent() ? chosen.get() : unpacked();
      long started = System.nanoTime();
      LibVosk.setLogLevel(LogLevel.WARNINGS);
      model = new Model(dir.toString());
      LOG.info("speech model loaded from {} in {} ms", dir, (System.nanoTime() - started) / 1_000_000);
    }
    return model;
  }

  synchronized void release() {
    if (model != null) {
      model.close();
      model = null;
    }
  }

  /** The bundled model's folder, unzipped once; a half-done unzip (a crash) is never taken for a model. */
  private Path unpacked() throws IOException {
    Path target = modelsDir.resolve(UNPACKED_NAME);
    if (Files.exists(target.resolve(COMPLETE))) {
      return target;
    }
    Files.createDirectories(modelsDir);
    Path temp = Files.createTempDirectory(modelsDir, ".unpacking-");
    try (InputStream archive = SpeechModel.class.getResourceAsStream(BUNDLED)) {
      if (archive == null) {
        throw new IOException("the speech model is not in this build (" + BUNDLED + ")");
      }
      unzip(archive, temp);
      Files.createFile(temp.resolve(COMPLETE));
      deleteTree(target);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(temp);
    }
    return target;
  }

  private static void unzip(InputStream archive, Path into) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(archive)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (!entry.getName().startsWith(FOLDER_IN_ARCHIVE) || entry.isDirectory()) {
          continue;
        }
        Path file = into.resolve(entry.getName().substring(FOLDER_IN_ARCHIVE.length())).normalize();
        if (!file.startsWith(into)) {
          throw new IOException("the speech model archive names a file outside its folder: " + entry.getName());
        }
        Files.createDirectories(file.getParent());
        Files.copy(zip, file);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
