package dev.livelens.subtitles;

import dev.livelens.testing.OnPostgres;

/** Subtitles with the transcripts and their words in PostgreSQL, as a cluster keeps them. */
class SubtitlesApiOnPostgresTest extends SubtitlesApiTest implements OnPostgres {
}
