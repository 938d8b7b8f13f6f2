package dev.livelens.library;

import dev.livelens.testing.OnPostgres;

/** The library's API with its videos and jobs in PostgreSQL, as a cluster keeps them. */
class LibraryApiOnPostgresTest extends LibraryApiTest implements OnPostgres {
}
