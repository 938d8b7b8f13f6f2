package dev.livelens.library;

import dev.livelens.testing.OnPostgres;

/** The permission table with owners, guests and visibility in PostgreSQL, as a cluster keeps them. */
class PermissionsOnPostgresTest extends PermissionsTest implements OnPostgres {
}
