package dev.livelens.subtitles;

import dev.livelens.testing.OnPostgres;

/** The transcript's uses with everything in PostgreSQL, as a cluster keeps it. */
class TranscriptUsesOnPostgresTest extends TranscriptUsesTest implements OnPostgres {
}
