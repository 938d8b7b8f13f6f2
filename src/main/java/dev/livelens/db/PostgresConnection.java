package dev.livelens.db;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.spi.DatabaseMetadata;

/** A connection lent by {@link PostgresPool}: every statement numbered for PostgreSQL, the rest as it is. */
final class PostgresConnection extends PostgresClient<SqlConnection> implements SqlConnection {

  PostgresConnection(SqlConnection connection) {
    super(connection);
  }

  @Override
  public Future<PreparedStatement> prepare(String sql) {
    return client.prepare(PostgresStatements.of(sql));
  }

  @Override
  public Future<PreparedStatement> prepare(String sql, PrepareOptions options) {
    return client.prepare(PostgresStatements.of(sql), options);
  }

  @Override
  public SqlConnection exceptionHandler(Handler<Throwable> handler) {
    client.exceptionHandler(handler);
    return this;
  }

  @Override
  public SqlConnection closeHandler(Handler<Void> handler) {
    client.closeHandler(handler);
    return this;
  }

  @Override
  public Future<Transaction> begin() {
    return client.begin();
  }

  @Override
  public Transaction transaction() {
    return client.transaction();
  }

  @Override
  public boolean isSSL() {
    return client.isSSL();
  }

  @Override
  public DatabaseMetadata databaseMetadata() {
    return client.databaseMetadata();
  }
}
