package dev.livelens.db;

import dev.livelens.config.DatabaseConfig;
import dev.livelens.web.Feature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;

/** The node's database (SQLite under the data directory, or PostgreSQL), opened first and closed last. */
public final class DatabaseFeature implements Feature {

  private final Path dataDir;
  private final DatabaseConfig config;
  private Database database;

  public DatabaseFeature(Path dataDir, DatabaseConfig config) {
    this.dataDir = dataDir;
    this.config = config;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    return Database.open(vertx, dataDir, config).onSuccess(opened -> database = opened);
  }

  /** The open database; only after {@link #start}. */
  public Database database() {
    if (database == null) {
      throw new IllegalStateException("the database is not open yet");
    }
    return database;
  }

  @Override
  public Future<?> stop() {
    return database == null ? Future.succeededFuture() : database.close();
  }
}
