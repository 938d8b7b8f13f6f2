package dev.livelens.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two HTTP nodes of one cluster on loopback: node A in this JVM ({@code --role all}, the only OpenCV worker),
 * node B in a JVM of its own ({@code --role http}), joined by Hazelcast and sharing what a cluster shares:
 * PostgreSQL and the data directory (the session and media keys). Both start at once (a JVM of its own is
 * the slow part) and each lists the other, so whichever is up first forms the cluster and the other joins.
 */
public record TwoHttpNodes(TestServer a, NodeProcess b, TestPostgres database, Path shared) implements AutoCloseable {

  public static TwoHttpNodes start(String prefix) {
    TestPostgres database = TestPostgres.create();
    Path shared = TempDirs.create(prefix);
    int clusterPortA = NodeProcess.freePort();
    int clusterPortB = NodeProcess.freePort();
    List<String> b = new ArrayList<>(List.of("--role", "http", "--node-name", "node-b", "--cluster",
        "--cluster-port", String.valueOf(clusterPortB), "--cluster-members", "127.0.0.1:" + clusterPortA,
        "--data-dir", shared.toString()));
    b.addAll(database.flags());
    NodeProcess nodeB = NodeProcess.start(b.toArray(String[]::new));
    List<String> a = new ArrayList<>(List.of("--role", "all", "--workers", "1", "--node-name", "node-a",
        "--cluster", "--cluster-port", String.valueOf(clusterPortA), "--cluster-members", "127.0.0.1:" + clusterPortB,
        "--data-dir", shared.toString()));
    a.addAll(database.flags());
    TestServer nodeA = TestServer.start(a.toArray(String[]::new));
    nodeB.awaitHealthy();
    return new TwoHttpNodes(nodeA, nodeB, database, shared);
  }

  @Override
  public void close() {
    try {
      b.close();
      a.close();
    } finally {
      database.close();
      TempDirs.delete(shared);
    }
  }
}
