package dev.livelens.social.moderation;

import dev.livelens.testing.OnPostgres;

/** Reports and the queue on PostgreSQL. */
class ModerationOnPostgresTest extends ModerationTest implements OnPostgres {
}
