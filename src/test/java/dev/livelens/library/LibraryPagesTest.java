package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.OnDatabase;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Keyset pages of the library: each full page names where the next starts, and they cover the list once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibraryPagesTest implements OnDatabase {

  private TestDatabase database;
  private TestServer server;
  private Path files;

  @BeforeAll
  void start() {
    files = TempDirs.create("livelens-pages-");
    database = database();
    server = TestServer.start(database.serverFlags("--workers", "1"));
  }

  @AfterAll
  void stop() {
    server.close();
    database.close();
    TempDirs.delete(files);
  }

  @Test
  void pagesByKeysetCoverTheListNewestFirstWithNeitherGapNorRepeat() throws Exception {
    Path clip = TestVideos.make(files, "clip.mp4", 1);
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(0, TestVideos.publish(server, TestVideos.add(server, clip, "Page " + i, null).id()));
    }
    ApiClient visitor = new ApiClient(server.port());
    List<String> seen = new ArrayList<>();
    String next = null;
    do {
      JsonObject page = visitor.json("/api/videos?limit=2" + (next == null ? "" : "&after=" + next));
      assertEquals(5, page.getLong("total"), "the total is the whole list's, whatever the page");
      page.getJsonArray("videos").forEach(video -> seen.add(((JsonObject) video).getString("id")));
      next = page.getString("next");
    } while (next != null);
    assertEquals(made, seen, "newest first, each once");
    assertEquals(400, visitor.get("/api/videos?after=not-a-place").statusCode());
    JsonObject beyond = visitor.json("/api/videos?limit=5&after=" + visitor.json("/api/videos?limit=5")
        .getString("next"));
    assertEquals(0, beyond.getJsonArray("videos").size(), "after the last video there is nothing");
    assertFalse(beyond.containsKey("next"));
  }
}
