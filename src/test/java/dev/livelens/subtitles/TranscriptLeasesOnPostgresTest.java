package dev.livelens.subtitles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.config.DatabaseConfig;
import dev.livelens.db.Database;
import dev.livelens.library.VideoIds;
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
 * Two nodes, each with its own pool on one PostgreSQL database, taking the same videos' transcripts: each
 * transcript goes to one node only (never made twice); one a live node makes is not taken until its lease
 * lapses; a finished one is never made again.
 */
@ExtendWith(PostgresRequired.class)
class TranscriptLeasesOnPostgresTest {

  private static final long LEASE_MS = 30_000;
  private static final int VIDEOS = 40;

  private Vertx vertx;
  private TestPostgres postgres;
  private Path dataDir;
  private Database nodeA;
  private Transcripts byA;
  private Transcripts byB;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    postgres = TestPostgres.create();
    dataDir = TempDirs.create("livelens-transcript-leases-");
    DatabaseConfig config = new DatabaseConfig(Optional.of(postgres.database()), 4);
    nodeA = Database.open(vertx, dataDir, config).await();
    Database nodeB = Database.open(vertx, dataDir, config).await();
    byA = new Transcripts(nodeA.pool(), nodeA.reads());
    byB = new Transcripts(nodeB.pool(), nodeB.reads());
  }

  @AfterEach
  void stop() {
    vertx.close().await();
    postgres.close();
    TempDirs.delete(dataDir);
  }

  private static Future<Boolean> take(Transcripts node, String name, String videoId) {
    return node.begin(videoId, "en", name, System.currentTimeMillis() + LEASE_MS, System.currentTimeMillis());
  }

  @Test
  void twoNodesTakingTheSameVideosTranscriptsGetEachOnceBetweenThem() {
    // Each pool's first connection opens before the race: else the one that opens first can take all.
    take(byA, "node-a", VideoIds.next()).await();
    take(byB, "node-b", VideoIds.next()).await();
    List<String> ids = new ArrayList<>();
    List<Future<Boolean>> a = new ArrayList<>();
    List<Future<Boolean>> b = new ArrayList<>();
    for (int i = 0; i < VIDEOS; i++) {
      ids.add(VideoIds.next());
      // Who asks first alternates, so each node wins some.
      Future<Boolean> first = take(i % 2 == 0 ? byA : byB, i % 2 == 0 ? "node-a" : "node-b", ids.get(i));
      Future<Boolean> second = take(i % 2 == 0 ? byB : byA, i % 2 == 0 ? "node-b" : "node-a", ids.get(i));
      a.add(i % 2 == 0 ? first : second);
      b.add(i % 2 == 0 ? second : first);
    }
    Future.join(new ArrayList<Future<?>>(a)).await();
    Future.join(new ArrayList<Future<?>>(b)).await();
    int wonByA = 0;
    for (int i = 0; i < VIDEOS; i++) {
      assertTrue(a.get(i).await() ^ b.get(i).await(), "video " + i + " taken by both nodes or neither");
      assertEquals(a.get(i).await() ? "node-a" : "node-b", node(ids.get(i)), "the row names the one making it");
      wonByA += a.get(i).await() ? 1 : 0;
    }
    assertTrue(wonByA > 0 && wonByA < VIDEOS, "both nodes took some: node-a " + wonByA);
  }

  @Test
  void aTranscriptALiveNodeMakesIsTakenOnlyOnceItsLeaseLapsed() {
    String id = VideoIds.next();
    assertTrue(take(byA, "node-a", id).await());
    assertFalse(take(byB, "node-b", id).await(), "node-a renews its lease while it works");
    assertEquals(1, byA.renew("node-a", System.currentTimeMillis() + LEASE_MS).await());
    assertFalse(take(byB, "node-b", id).await());
    // node-a died: its lease lapses, and the next node to look takes the transcript over.
    nodeA.pool().preparedQuery("UPDATE transcripts SET lease_until = ? WHERE video_id = ?")
        .execute(Tuple.of(System.currentTimeMillis() - 1, id)).await();
    assertTrue(take(byB, "node-b", id).await());
    assertEquals("node-b", node(id));
  }

  @Test
  void aFinishedTranscriptIsNeverMadeAgain() {
    String id = VideoIds.next();
    assertTrue(take(byA, "node-a", id).await());
    byA.finish(id, List.of(new Word("hello", 0, 400, 900)), "en").await();
    nodeA.pool().preparedQuery("UPDATE transcripts SET lease_until = 0 WHERE video_id = ?").execute(Tuple.of(id))
        .await();
    assertFalse(take(byB, "node-b", id).await());
    assertFalse(take(byA, "node-a", id).await(), "not even by the node that made it");
    assertEquals(1, byA.words(id, 0, 10).await().size(), "its words stay");
  }

  private String node(String id) {
    return nodeA.pool().preparedQuery("SELECT node FROM transcripts WHERE video_id = ?").execute(Tuple.of(id))
        .await().iterator().next().getString("node");
  }
}
