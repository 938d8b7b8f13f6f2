package dev.livelens.social;

import dev.livelens.testing.OnPostgres;

/** The ranking on PostgreSQL. */
class RankingOnPostgresTest extends RankingTest implements OnPostgres {
}
