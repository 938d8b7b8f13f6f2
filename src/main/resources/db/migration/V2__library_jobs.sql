-- The library's jobs (cut, import, process): one per video they make, so a restart finds every one.
-- Portable SQL: SQLite by default, PostgreSQL for a cluster.
CREATE TABLE jobs (
  video_id   VARCHAR(32)   NOT NULL PRIMARY KEY REFERENCES videos (id) ON DELETE CASCADE,
  kind       VARCHAR(16)   NOT NULL,          -- cut, import, process
  input      VARCHAR(4000) NOT NULL,          -- what was asked, as JSON
  state      VARCHAR(16)   NOT NULL,          -- queued, running, done, failed
  attempts   INTEGER       NOT NULL DEFAULT 0, -- runs started: a job interrupted twice is not tried again
  created_at BIGINT        NOT NULL,
  updated_at BIGINT        NOT NULL
);

CREATE INDEX jobs_by_state ON jobs (state);
-- A video's cuts and processed versions, listed on its page.
CREATE INDEX videos_by_parent ON videos (parent_id);
