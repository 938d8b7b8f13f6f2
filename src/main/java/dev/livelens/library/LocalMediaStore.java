package dev.livelens.library;

import java.nio.file.Path;

/** Media under the data directory: {@code <data-dir>/media/<video id>/}. */
public final class LocalMediaStore implements MediaStore {

  private final Path root;

  public LocalMediaStore(Path dataDir) {
    this.root = dataDir.resolve("media");
  }

  @Override
  public Path directory(String videoId) {
    return root.resolve(VideoIds.require(videoId));
  }

  public Path root() {
    return root;
  }
}
