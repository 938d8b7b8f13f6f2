-- The library's videos. Portable SQL: SQLite by default, PostgreSQL for a cluster.
CREATE TABLE videos (
  id          VARCHAR(32)   NOT NULL PRIMARY KEY,
  title       VARCHAR(200)  NOT NULL,
  source      VARCHAR(16)   NOT NULL,          -- recording, upload, url, cut, processed
  parent_id   VARCHAR(32),                     -- the video a cut or processed video was made from
  created_at  BIGINT        NOT NULL,          -- epoch ms
  duration_ms BIGINT,
  width       INTEGER,
  height      INTEGER,
  codec       VARCHAR(32),
  size_bytes  BIGINT,
  status      VARCHAR(16)   NOT NULL,          -- processing, ready, failed
  reason      VARCHAR(1000),                   -- why it failed, or why a recording ended
  poster      INTEGER       NOT NULL DEFAULT 0 -- 1 when poster.jpg exists
);

CREATE INDEX videos_by_created ON videos (created_at);
