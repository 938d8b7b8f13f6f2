package dev.livelens.library;

import dev.livelens.testing.OnPostgres;

/** Restarts with the library's rows in PostgreSQL and its media in the data directory, as a cluster has them. */
class RestartOnPostgresTest extends RestartTest implements OnPostgres {
}
