-- Comments on videos, reports of comments and videos, and videos hidden by moderators. Portable SQL (SQLite,
-- PostgreSQL): application-made ids, epoch-ms times. A video's comments and reports go with the video, a
-- person's comments and reports with the person (a guest that expires), a comment's reports with the comment.
CREATE TABLE comments (
  id         VARCHAR(32)   NOT NULL PRIMARY KEY,
  video_id   VARCHAR(32)   NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
  author_id  BIGINT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  reply_to   VARCHAR(32),                      -- the top comment of its thread, or null for a top comment
  body       VARCHAR(8000) NOT NULL,           -- exactly as typed (shown as text)
  at_ms      BIGINT,                           -- a time in the video it speaks of, or null
  created_at BIGINT        NOT NULL,
  edited_at  BIGINT,
  hidden_at  BIGINT                            -- hidden by a moderator: shown to admins only
);
-- A page of a video's top comments, newest first, and each one's replies.
CREATE INDEX comments_by_video ON comments (video_id, reply_to, created_at);
CREATE INDEX comments_by_thread ON comments (reply_to, created_at);

CREATE TABLE reports (
  id          VARCHAR(32)  NOT NULL PRIMARY KEY,
  video_id    VARCHAR(32)  NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
  comment_id  VARCHAR(32)  REFERENCES comments (id) ON DELETE CASCADE, -- null: the video itself is reported
  target_id   VARCHAR(32)  NOT NULL,           -- the comment's id, or the video's (16 characters, never a comment's 22)
  reporter_id BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  reason      VARCHAR(2000) NOT NULL,
  created_at  BIGINT       NOT NULL,
  state       VARCHAR(16)  NOT NULL,           -- open, hidden, dismissed, restored
  resolved_by BIGINT,
  resolved_at BIGINT
);
-- One report per person and thing.
CREATE UNIQUE INDEX reports_once ON reports (reporter_id, target_id);
CREATE INDEX reports_by_state ON reports (state, created_at);

-- A video hidden by a moderator is private until restored; this keeps the visibility to restore (null: not
-- hidden). Its owner cannot make it unlisted or public again; an admin can.
ALTER TABLE videos ADD COLUMN hidden_from VARCHAR(16);
