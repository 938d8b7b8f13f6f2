package dev.livelens.rooms;

import dev.livelens.testing.OnPostgres;

/** The rooms socket's tests again with the server's database on PostgreSQL (chat stored and read there). */
class RoomsSocketOnPostgresTest extends RoomsSocketTest implements OnPostgres {
}
