package dev.livelens.library;

import dev.livelens.testing.PostgresRequired;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** The library's API with its videos and jobs in PostgreSQL, as a cluster keeps them. */
@ExtendWith(PostgresRequired.class)
class LibraryApiOnPostgresTest extends LibraryApiTest {

  @Override
  TestDatabase database() {
    return TestPostgres.create();
  }
}
