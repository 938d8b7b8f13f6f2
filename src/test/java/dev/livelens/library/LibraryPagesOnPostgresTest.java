package dev.livelens.library;

import dev.livelens.testing.OnPostgres;

/** Keyset pages of the library on PostgreSQL. */
class LibraryPagesOnPostgresTest extends LibraryPagesTest implements OnPostgres {
}
