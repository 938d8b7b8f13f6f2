package dev.livelens.account;

import dev.livelens.testing.OnPostgres;

/** The guest's move into an account, in one PostgreSQL transaction. */
class GuestMoveOnPostgresTest extends GuestMoveTest implements OnPostgres {
}
