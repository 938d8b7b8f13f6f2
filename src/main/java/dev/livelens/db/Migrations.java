package dev.livelens.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The schema, brought up to date by Flyway from {@code classpath:db/migration}: the same portable
 * migrations for SQLite and PostgreSQL. Blocking JDBC work: callers run it off the event loop. On
 * PostgreSQL Flyway holds a lock while it migrates, so nodes of a cluster that start together are safe.
 */
final class Migrations {

  private static final String LOCATION = "classpath:db/migration";

  private Migrations() {
  }

  /** @return how many migrations were applied now */
  static int migrate(DataSource dataSource) {
    return migrate(Flyway.configure().dataSource(dataSource));
  }

  static int migrate(String jdbcUrl, String user, String password) {
    return migrate(Flyway.configure().dataSource(jdbcUrl, user, password));
  }

  private static int migrate(FluentConfiguration configuration) {
    return configuration.locations(LOCATION).load().migrate().migrationsExecuted;
  }
}
