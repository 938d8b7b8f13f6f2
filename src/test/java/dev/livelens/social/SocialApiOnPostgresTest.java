package dev.livelens.social;

import dev.livelens.testing.OnPostgres;

/** Likes, replies, following and privacy with PostgreSQL, as a cluster keeps them. */
class SocialApiOnPostgresTest extends SocialApiTest implements OnPostgres {
}
