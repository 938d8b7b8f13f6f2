package dev.livelens.upload;

import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;

/** Waits for an uploaded video to leave "processing" (remux and packaging take a few seconds). */
final class UploadVideos {

  private UploadVideos() {
  }

  static JsonObject await(TestServer server, String videoId) {
    long deadline = System.currentTimeMillis() + 90_000;
    try {
      while (true) {
        JsonObject video = new JsonObject(server.get("/api/videos/" + videoId).body());
        if (!"processing".equals(video.getString("status")) || System.currentTimeMillis() > deadline) {
          return video;
        }
        Thread.sleep(200);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
