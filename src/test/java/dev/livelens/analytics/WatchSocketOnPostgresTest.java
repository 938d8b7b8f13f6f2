package dev.livelens.analytics;

import dev.livelens.testing.OnPostgres;

/** Watch events ingested into PostgreSQL's aggregates and read back, exactly as on SQLite. */
class WatchSocketOnPostgresTest extends WatchSocketTest implements OnPostgres {
}
