package dev.livelens.library;

import java.nio.file.Path;

/**
 * Where a video's files live: the one place media paths are decided, so that an object store can
 * replace the local directory later. Paths are only ever built from checked video ids.
 */
public interface MediaStore {

  /** The directory holding everything of one video (created on demand by whoever writes). */
  Path directory(String videoId);

  /** The progressive MP4 with its index at the front: what is played and downloaded. */
  default Path mp4(String videoId) {
    return directory(videoId).resolve("video.mp4");
  }

  /** The HLS playlist; its fMP4 segments sit beside it. */
  default Path hlsPlaylist(String videoId) {
    return directory(videoId).resolve("hls").resolve("index.m3u8");
  }

  default Path poster(String videoId) {
    return directory(videoId).resolve("poster.jpg");
  }

  /** The picture a processing job shows behind the person (replace-background with its image on). */
  default Path background(String videoId) {
    return directory(videoId).resolve("background.jpg");
  }

  /** A file kept as it was received or recorded, before packaging. */
  default Path original(String videoId, String extension) {
    return directory(videoId).resolve("original." + extension);
  }
}
