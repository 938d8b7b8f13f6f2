package dev.livelens.library.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.library.LocalMediaStore;
import dev.livelens.library.VideoIds;
import dev.livelens.testing.ApiClient;
import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.NodeProcess;
import dev.livelens.testing.PacedFilter;
import dev.livelens.testing.PostgresRequired;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestPostgres;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nodes sharing one PostgreSQL database and one data directory, as a cluster's HTTP nodes do: a job is run
 * by one node at a time. Leases are short here (2 s, renewed every 0.4 s) so that lapsing takes little time.
 */
@ExtendWith(PostgresRequired.class)
class JobTakeoverOnPostgresTest {

  private static final long LEASE_MS = 2000;
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /** A job's row and its video's lease, as the database has them. */
  private record Row(String owner, int attempts, String state) {
  }

  private TestPostgres postgres;
  private Path data;
  private Path files;
  private final List<AutoCloseable> nodes = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void create() {
    postgres = TestPostgres.create();
    data = TempDirs.create("livelens-takeover-");
    files = TempDirs.create("livelens-takeover-files-");
  }

  @AfterEach
  void remove() throws Exception {
    for (AutoCloseable node : nodes) {
      node.close();
    }
    postgres.close();
    TempDirs.delete(data);
    TempDirs.delete(files);
  }

  @Test
  void aJobLeftRunningByANodeThatIsGoneIsTakenByExactlyOneOfTwoStartingNodes() throws Exception {
    String source;
    try (TestServer seed = TestServer.start(PacedFilter.catalog(), flags("seed"))) {
      source = TestVideos.add(seed, TestVideos.make(files, "clip.mp4", 3), "Clip").id();
    }
    String job = orphan(source);

    CompletableFuture<TestServer> a = CompletableFuture.supplyAsync(() -> server("node-a"));
    CompletableFuture<TestServer> b = CompletableFuture.supplyAsync(() -> server("node-b"));
    ApiClient api = new ApiClient(a.get(60, TimeUnit.SECONDS).port());
    b.get(60, TimeUnit.SECONDS);

    JsonObject done = api.awaitVideo(job, PATIENCE);
    assertEquals("ready", done.getString("status"), done.encode());
    await(() -> !"running".equals(row(job).state()), "the job's row says it ended"); // written after the video's
    Row row = row(job);
    assertEquals("done", row.state());
    // The gone node's run and the winner's: the other node, looking every 0.4 s meanwhile, never ran it.
    assertEquals(2, row.attempts(), "runs of the job");
    assertTrue(Set.of("node-a", "node-b").contains(row.owner()), row.owner());
  }

  @Test
  void aJobIsLeftToTheLiveNodeRunningItAndTakenOverWhenThatNodeDies() throws Exception {
    NodeProcess doomed = NodeProcess.start(flags("node-a"));
    nodes.add(doomed);
    TestServer survivor = server("node-b");
    String source = TestVideos.add(survivor, TestVideos.make(files, "clip.mp4", 5), "Clip").id();
    ApiClient onA = new ApiClient(doomed.awaitHealthy().port());
    HttpResponse<String> accepted = onA.send("POST", "/api/videos/" + source + "/process", "{\"filter\":\"paced\"}");
    assertEquals(202, accepted.statusCode(), accepted.body());
    String job = new JsonObject(accepted.body()).getString("id");

    await(() -> "running".equals(row(job).state()), "the job's row says it runs");
    // Over two leases: unrenewed, node-a's lease would have lapsed and node-b (looking every 0.4 s) taken it.
    long watchUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEASE_MS * 22 / 10);
    while (System.nanoTime() < watchUntil) {
      assertEquals(new Row("node-a", 1, "running"), row(job));
      Thread.sleep(100);
    }
    assertEquals("running", onA.json("/api/jobs/" + job).getString("state"), "the watch ended while it ran");

    doomed.kill();
    long killedAt = System.nanoTime();
    await(() -> "node-b".equals(row(job).owner()), "node-b takes the job over");
    System.out.printf("node-b took the job over %d ms after node-a was killed%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));

    ApiClient onB = onA.at(survivor.port()); // the same browser: the job and its video are its own
    JsonObject done = onB.awaitVideo(job, PATIENCE);
    assertEquals("ready", done.getString("status"), done.encode());
    await(() -> !"running".equals(row(job).state()), "the job's row says it ended");
    assertEquals(new Row("node-b", 2, "done"), row(job));
    Path mp4 = onB.download(done.getString("mp4"), files.resolve("out.mp4"));
    assertEquals(5.0, Ffprobe.durationSeconds(Ffprobe.probe(mp4)), 0.3, "the whole video, made again from the start");
  }

  private String[] flags(String name) {
    List<String> flags = new ArrayList<>(List.of("--data-dir", data.toString(), "--workers", "1", "--node-name", name,
        "--lease-ms", String.valueOf(LEASE_MS), "--lease-renew-ms", String.valueOf(LEASE_MS / 5)));
    flags.addAll(postgres.flags());
    return flags.toArray(String[]::new);
  }

  private TestServer server(String name) {
    TestServer server = TestServer.start(PacedFilter.catalog(), flags(name));
    nodes.add(server);
    return server;
  }

  /** The rows a node that died in the middle of a job leaves: running, run once, its lease lapsed. */
  private String orphan(String source) throws Exception {
    String id = VideoIds.next();
    Files.createDirectories(new LocalMediaStore(data).directory(id));
    long now = System.currentTimeMillis();
    update("INSERT INTO videos (id, title, source, parent_id, created_at, status, poster, lease_owner, lease_until) "
        + "VALUES (?, 'Clip (paced)', 'processed', ?, ?, 'processing', 0, 'gone-node', ?)", id, source, now, now - 1);
    update("INSERT INTO jobs (video_id, kind, input, state, attempts, created_at, updated_at) "
        + "VALUES (?, 'process', ?, 'running', 1, ?, ?)", id,
        new JsonObject().put("from", source).put("filter", "paced").put("params", new JsonObject()).encode(), now, now);
    return id;
  }

  private Row row(String job) throws Exception {
    try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(
        "SELECT v.lease_owner, j.attempts, j.state FROM videos v JOIN jobs j ON j.video_id = v.id WHERE v.id = ?")) {
      select.setString(1, job);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return new Row(rows.getString(1), rows.getInt(2), rows.getString(3));
      }
    }
  }

  private void update(String sql, Object... values) throws Exception {
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(postgres.database().jdbcUrl(), postgres.database().user(),
        postgres.database().password());
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void await(Check check, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
