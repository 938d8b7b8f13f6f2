package dev.livelens.upload;

import io.vertx.core.json.JsonObject;

/** Waits for an uploaded video to leave "processing" (remux and packaging take a few seconds). */
final class UploadVideos {

  private UploadVideos() {
  }

  /** As the browser that uploaded it sees it (a new video is private: its uploader's alone). */
  static JsonObject await(TusClient browser, String videoId) {
    long deadline = System.currentTimeMillis() + 90_000;
    try {
      while (true) {
        JsonObject video = new JsonObject(browser.send(java.net.http.HttpRequest.newBuilder(
            browser.uri("/api/videos/" + videoId))).body());
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
