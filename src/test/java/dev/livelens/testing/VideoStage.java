package dev.livelens.testing;

import java.nio.file.Path;

/**
 * A server with a short clip to put in its library and the people who play a video's permissions over real
 * HTTP: its owner (signed up), another person (signed up), a visitor without a cookie and an admin
 * ({@code --admins}). Each name is unique on the server.
 */
public record VideoStage(TestServer server, TestDatabase database, Path files, Path clip, ApiClient owner,
    long ownerId, ApiClient other, ApiClient visitor, ApiClient admin) implements AutoCloseable {

  public static VideoStage start(TestDatabase database, String name) throws Exception {
    Path files = TempDirs.create("livelens-" + name + "-");
    Path clip = TestVideos.make(files, "clip.mp4", 2);
    String admin = "Boss-" + name;
    TestServer server = TestServer.start(database.serverFlags("--workers", "1", "--admins", admin));
    ApiClient owner = ApiClient.signedUp(server.port(), "owner-" + name);
    return new VideoStage(server, database, files, clip, owner, owner.json("/api/me").getLong("id"),
        ApiClient.signedUp(server.port(), "other-" + name), new ApiClient(server.port()), ApiClient.signedUp(
            server.port(), admin));
  }

  /** A new ready video of the owner's, private as every new video is. */
  public String ownersVideo(String title) {
    return TestVideos.add(server, clip, title, ownerId).id();
  }

  @Override
  public void close() {
    server.close();
    database.close();
    TempDirs.delete(files);
  }
}
