package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.config.DatabaseConfig;
import dev.livelens.db.Database;
import dev.livelens.testing.PostgresRequired;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes, each with its own pool on one PostgreSQL database, racing for the same leases: every
 * unfinished video whose lease lapsed goes to exactly one of them, and none a live node holds.
 */
@ExtendWith(PostgresRequired.class)
class VideoLeasesOnPostgresTest {

  private static final long LEASE_MS = 30_000;
  private static final int LAPSED_VIDEOS = 60;

  private Vertx vertx;
  private TestPostgres postgres;
  private Path dataDir;
  private Database nodeA;
  private Database nodeB;
  private VideoLeases leasesA;
  private VideoLeases leasesB;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    postgres = TestPostgres.create();
    dataDir = TempDirs.create("livelens-leases-");
    DatabaseConfig config = new DatabaseConfig(Optional.of(postgres.database()), 4);
    nodeA = Database.open(vertx, dataDir, config).await();
    nodeB = Database.open(vertx, dataDir, config).await();
    leasesA = new VideoLeases(nodeA.pool(), "node-a", LEASE_MS, true);
    leasesB = new VideoLeases(nodeB.pool(), "node-b", LEASE_MS, true);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
    postgres.close();
    TempDirs.delete(dataDir);
  }

  @Test
  void twoNodesRacingForLapsedLeasesGetEachVideoOnceBetweenThem() {
    long lapsed = System.currentTimeMillis() - 1;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < LAPSED_VIDEOS; i++) {
      ids.add(insert(Video.PROCESSING, "gone-node", lapsed));
    }
    // Both nodes ask for every video at once, each through its own connections: the row lock and
    // PostgreSQL's re-check of the WHERE on the updated row decide.
    List<Future<Boolean>> byA = new ArrayList<>();
    List<Future<Boolean>> byB = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      // Who asks first alternates, so each node wins some of the races.
      Future<Boolean> a = i % 2 == 0 ? leasesA.take(ids.get(i), leasesA.lapsed()) : null;
      byB.add(leasesB.take(ids.get(i), leasesB.lapsed()));
      byA.add(a != null ? a : leasesA.take(ids.get(i), leasesA.lapsed()));
    }
    Future.join(new ArrayList<Future<?>>(byA)).await();
    Future.join(new ArrayList<Future<?>>(byB)).await();
    int wonByA = 0;
    for (int i = 0; i < ids.size(); i++) {
      boolean a = byA.get(i).await();
      boolean b = byB.get(i).await();
      assertTrue(a ^ b, "video " + i + " taken by " + (a && b ? "both nodes" : "neither node"));
      assertEquals(a ? "node-a" : "node-b", owner(ids.get(i)), "the row names the winner");
      wonByA += a ? 1 : 0;
    }
    System.out.printf("lapsed leases taken: node-a %d, node-b %d%n", wonByA, ids.size() - wonByA);
  }

  @Test
  void aLeaseALiveNodeHoldsIsNotTakenByAnotherEvenAtItsStart() {
    String held = insert(Video.PROCESSING, "node-a", System.currentTimeMillis() + LEASE_MS);
    assertFalse(leasesB.take(held, leasesB.lapsed()).await());
    assertFalse(leasesB.take(held, leasesB.atStart()).await());
    assertEquals("node-a", owner(held));
    // Only node-a itself takes it back without waiting, as it starts again under its name.
    assertTrue(leasesA.take(held, leasesA.atStart()).await());
  }

  @Test
  void aFinishedVideoIsNotTakenHoweverLongItsLeaseHasLapsed() {
    String ready = insert(Video.READY, "gone-node", 0);
    assertFalse(leasesA.take(ready, leasesA.lapsed()).await());
    assertFalse(leasesA.take(ready, leasesA.atStart()).await());
    assertEquals("gone-node", owner(ready));
  }

  @Test
  void renewingPushesBackOnlyTheNodesOwnLeasesOfVideosStillProcessing() {
    long soon = System.currentTimeMillis() + 1000;
    String mine = insert(Video.PROCESSING, "node-a", soon);
    String theirs = insert(Video.PROCESSING, "node-b", soon);
    String done = insert(Video.READY, "node-a", soon);
    assertEquals(1, leasesA.renew().await());
    assertTrue(until(mine) >= System.currentTimeMillis() + LEASE_MS - 5_000, "renewed for a whole lease");
    assertEquals(soon, until(theirs));
    assertEquals(soon, until(done));
  }

  private String insert(String status, String owner, long until) {
    String id = VideoIds.next();
    nodeA.pool().preparedQuery("INSERT INTO videos (id, title, source, created_at, status, lease_owner, lease_until) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)").execute(Tuple.of(id, "Clip", "upload", 1L, status, owner)
        .addLong(until)).await();
    return id;
  }

  private String owner(String id) {
    return nodeA.pool().preparedQuery("SELECT lease_owner FROM videos WHERE id = ?").execute(Tuple.of(id)).await()
        .iterator().next().getString("lease_owner");
  }

  private long until(String id) {
    return nodeA.pool().preparedQuery("SELECT lease_until FROM videos WHERE id = ?").execute(Tuple.of(id)).await()
        .iterator().next().getLong("lease_until");
  }
}
