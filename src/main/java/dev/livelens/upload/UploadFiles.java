package dev.livelens.upload;

import dev.livelens.web.RandomIds;

import io.vertx.core.json.JsonObject;
import dev.livelens.config.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads on disk, {@code <data-dir>/uploads/<id>/}: the bytes in {@code data}, the state in
 * {@code upload.json}. Blocking: only ever called on the upload pool.
 */
final class UploadFiles {

  private static final Logger LOG = LoggerFactory.getLogger(UploadFiles.class);
  private static final String INFO = "upload.json";

  private final Path root;

  UploadFiles(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  Path data(String id) {
    return dir(id).resolve("data");
  }

  private Path dir(String id) {
    if (!RandomIds.LONG.isValid(id)) {
      throw new IllegalArgumentException("not an upload id: " + id);
    }
    return root.resolve(id);
  }

  void create(Upload upload) throws IOException {
    PrivateFiles.directory(dir(upload.id()));
    PrivateFiles.createFile(data(upload.id()));
    save(upload);
  }

  /**
   * Replaces the state in one step (written aside, synced, renamed over), so a crash leaves the old
   * state or the new one, never half of one.
   */
  void save(Upload upload) throws IOException {
    Path info = dir(upload.id()).resolve(INFO);
    Path next = info.resolveSibling(INFO + ".next");
    try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(java.nio.ByteBuffer.wrap(upload.toJson().encode().getBytes(StandardCharsets.UTF_8)));
      out.force(true);
    }
    Files.move(next, info, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Every upload found on disk. A data file longer than its acknowledged offset (the server stopped
   * during a PATCH) is cut back to it: the client resends from the offset HEAD reports.
   */
  List<Upload> loadAll() throws IOException {
    List<Upload> found = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      PrivateFiles.directory(root);
      return found;
    }
    PrivateFiles.directory(root);
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(d -> RandomIds.LONG.isValid(d.getFileName().toString())).toList()) {
        try {
          Upload upload = Upload.fromJson(new JsonObject(Files.readString(dir.resolve(INFO))));
          Path data = data(upload.id());
          if (Files.exists(data) && Files.size(data) > upload.offset()) {
            try (FileChannel channel = FileChannel.open(data, StandardOpenOption.WRITE)) {
              channel.truncate(upload.offset());
            }
          }
          found.add(upload);
        } catch (IOException | RuntimeException e) {
          LOG.warn("upload directory {} is unreadable, removed: {}", dir.getFileName(), e.toString());
          deleteAll(dir.getFileName().toString());
        }
      }
    }
    return found;
  }

  void deleteData(String id) throws IOException {
    Files.deleteIfExists(data(id));
  }

  void deleteAll(String id) throws IOException {
    Path dir = dir(id);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
