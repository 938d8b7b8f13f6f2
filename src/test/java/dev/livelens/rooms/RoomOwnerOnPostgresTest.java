package dev.livelens.rooms;

import dev.livelens.testing.OnPostgres;

/** The room owner's controls with accounts in PostgreSQL. */
class RoomOwnerOnPostgresTest extends RoomOwnerTest implements OnPostgres {
}
