package dev.livelens.db;

import dev.livelens.config.DatabaseConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, shared by the nodes of a cluster: Flyway migrates through the JDBC driver (off the event
 * loop), then the server's statements go through Vert.x's non-blocking PostgreSQL client. Its pool speaks
 * the project's {@code ?} statements (see {@link PostgresPool}).
 */
final class PostgresDatabase {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);

  private PostgresDatabase() {
  }

  static Future<Pool> open(Vertx vertx, DatabaseConfig.Postgres server, int poolSize) {
    return vertx.executeBlocking(() -> Migrations.migrate(server.jdbcUrl(), server.user(), server.password()), false)
        .map(applied -> {
          LOG.info("database {}: {} migrations applied; {} connections", server.describe(), applied, poolSize);
          PgConnectOptions connect = new PgConnectOptions().setHost(server.host()).setPort(server.port())
              .setDatabase(server.database()).setUser(server.user()).setPassword(server.password())
              .setCachePreparedStatements(true);
          Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(poolSize).setName(Database.POOL_NAME))
              .connectingTo(connect).using(vertx).build();
          return new PostgresPool(pool);
        });
  }
}
