package dev.livelens.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * SQLite: a write the API answered is committed, also after a transaction ran on the writer's connection
 * (deleting a video runs one). Read from outside the server, through a connection of the test's own.
 */
class SqliteCommitsTest {

  @Test
  void aRenameAfterADeletionIsCommitted() throws Exception {
    Path files = TempDirs.create("livelens-commits-");
    Path data = TempDirs.create("livelens-commits-data-");
    Path clip = TestVideos.make(files, "clip.mp4", 1);
    try (TestServer server = TestServer.start("--workers", "1", "--data-dir", data.toString())) {
      ApiClient owner = new ApiClient(server.port());
      owner.send("POST", "/api/auth/signup", new JsonObject().put("username", "committer")
          .put("password", TestAccounts.PASSWORD).encode());
      long ownerId = owner.json("/api/me").getLong("id");
      String gone = TestVideos.add(server, clip, "Gone", ownerId).id();
      String kept = TestVideos.add(server, clip, "Kept", ownerId).id();
      assertEquals(204, owner.send("DELETE", "/api/videos/" + gone, null).statusCode());
      assertEquals(200, owner.send("PATCH", "/api/videos/" + kept, new JsonObject().put("title", "Renamed").encode())
          .statusCode());
      try (Connection outside = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
          ResultSet row = outside.createStatement().executeQuery("SELECT title FROM videos WHERE id = '" + kept + "'")) {
        row.next();
        assertEquals("Renamed", row.getString(1), "the rename is committed, not held in a transaction nobody ends");
      }
    } finally {
      TempDirs.delete(files);
      TempDirs.delete(data);
    }
  }
}
