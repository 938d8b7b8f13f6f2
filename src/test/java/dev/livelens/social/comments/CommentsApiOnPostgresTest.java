package dev.livelens.social.comments;

import dev.livelens.testing.OnPostgres;

/** The comments API on PostgreSQL, as a cluster's nodes share it. */
class CommentsApiOnPostgresTest extends CommentsApiTest implements OnPostgres {
}
