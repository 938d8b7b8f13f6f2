package dev.livelens.testing;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tests of a class, again on a fresh PostgreSQL database each time they ask for one: {@code class
 * XOnPostgresTest extends XTest implements OnPostgres {}}. Skipped, or failed in CI, without PostgreSQL.
 */
@ExtendWith(PostgresRequired.class)
public interface OnPostgres extends OnDatabase {

  @Override
  default TestDatabase database() {
    return TestPostgres.create();
  }
}
