-- Watch analytics: raw events (for audit and recomputation) and aggregates kept up to date as events
-- arrive, so reading a video's analytics never scans its events. Portable SQL (SQLite, PostgreSQL).
CREATE TABLE watch_views (
  id               VARCHAR(32)  NOT NULL PRIMARY KEY,  -- issued by the server, one per page load
  video_id         VARCHAR(32)  NOT NULL,
  viewer           VARCHAR(64)  NOT NULL,              -- the account, else the browser's own random id
  started_at       BIGINT       NOT NULL,
  last_event_at    BIGINT       NOT NULL,
  watched_ms       BIGINT       NOT NULL DEFAULT 0,     -- wall time spent playing
  completed        INTEGER      NOT NULL DEFAULT 0,
  pauses           INTEGER      NOT NULL DEFAULT 0,
  stalls           INTEGER      NOT NULL DEFAULT 0,
  stall_ms         BIGINT       NOT NULL DEFAULT 0,
  longest_stall_ms BIGINT       NOT NULL DEFAULT 0,
  seeks            INTEGER      NOT NULL DEFAULT 0,
  stall_started_at BIGINT                              -- client time a stall began, until it ends
);
CREATE INDEX watch_views_by_video ON watch_views (video_id, started_at);

CREATE TABLE watch_events (
  view_id     VARCHAR(32)   NOT NULL,
  seq         INTEGER       NOT NULL,
  video_id    VARCHAR(32)   NOT NULL,
  type        VARCHAR(16)   NOT NULL,
  body        VARCHAR(400)  NOT NULL,                  -- the event as sent, JSON
  received_at BIGINT        NOT NULL,
  PRIMARY KEY (view_id, seq)
);

-- One row per second of a video that something happened in.
CREATE TABLE watch_seconds (
  video_id  VARCHAR(32) NOT NULL,
  second    INTEGER     NOT NULL,
  plays     INTEGER     NOT NULL DEFAULT 0,
  skips     INTEGER     NOT NULL DEFAULT 0,
  rewatches INTEGER     NOT NULL DEFAULT 0,
  stalls    INTEGER     NOT NULL DEFAULT 0,
  pauses    INTEGER     NOT NULL DEFAULT 0,
  PRIMARY KEY (video_id, second)
);

-- Wall time watched at each playback rate.
CREATE TABLE watch_rates (
  video_id VARCHAR(32) NOT NULL,
  rate     VARCHAR(8)  NOT NULL,
  ms       BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (video_id, rate)
);
