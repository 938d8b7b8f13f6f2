package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.PostgresRequired;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestPostgres;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two HTTP nodes sharing one PostgreSQL database and one data directory, as a cluster's do: a permission
 * changed through one node holds on the other at the very next request (nothing is cached per node), and a
 * media link signed by one node plays from the other.
 */
@ExtendWith(PostgresRequired.class)
class PermissionsAcrossNodesTest {

  private TestPostgres postgres;
  private Path data;
  private Path files;
  private TestServer a;
  private TestServer b;

  @BeforeEach
  void start() {
    postgres = TestPostgres.create();
    data = TempDirs.create("livelens-perm-nodes-");
    files = TempDirs.create("livelens-perm-nodes-files-");
    a = TestServer.start(flags("node-a"));
    b = TestServer.start(flags("node-b"));
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    postgres.close();
    TempDirs.delete(data);
    TempDirs.delete(files);
  }

  private String[] flags(String name) {
    List<String> flags = new ArrayList<>(List.of("--data-dir", data.toString(), "--workers", "1", "--node-name", name));
    flags.addAll(postgres.flags());
    return flags.toArray(String[]::new);
  }

  @Test
  void aVisibilityChangedOnOneNodeHoldsOnTheOtherAtOnce() throws Exception {
    ApiClient ownerOnA = new ApiClient(a.port());
    String video = TestVideos.add(a, TestVideos.make(files, "clip.mp4", 2), "Across", ownerOnA.guest()).id();
    ApiClient ownerOnB = ownerOnA.at(b.port());
    ApiClient strangerOnA = new ApiClient(a.port());
    ApiClient strangerOnB = strangerOnA.at(b.port());

    assertEquals(404, strangerOnB.get("/api/videos/" + video).statusCode());
    assertEquals(200, ownerOnA.send("PATCH", "/api/videos/" + video, "{\"visibility\":\"unlisted\"}").statusCode());
    JsonObject seen = new JsonObject(strangerOnB.get("/api/videos/" + video).body());
    assertEquals("unlisted", seen.getString("visibility"));
    assertEquals(200, strangerOnA.get(seen.getString("mp4")).statusCode(), "a link signed by B plays from A");

    assertEquals(200, ownerOnB.send("PATCH", "/api/videos/" + video, "{\"visibility\":\"private\"}").statusCode());
    assertEquals(404, strangerOnA.get("/api/videos/" + video).statusCode());
    assertEquals(403, strangerOnA.get("/api/videos/" + video + "/video.mp4").statusCode());
    assertEquals(404, strangerOnB.send("DELETE", "/api/videos/" + video, null).statusCode(), "hidden on B too");
    assertEquals(200, ownerOnB.get("/api/videos/" + video).statusCode());
  }
}
