package dev.livelens.library;

import dev.livelens.testing.OnPostgres;

/** Bad requests against a library kept in PostgreSQL: the same answers, nothing left behind. */
class LibraryBadInputOnPostgresTest extends LibraryBadInputTest implements OnPostgres {
}
