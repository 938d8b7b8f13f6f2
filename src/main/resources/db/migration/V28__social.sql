-- Social: likes, following, video replies and the per-video engagement the feed ranks by. Portable SQL
-- (SQLite, PostgreSQL).

-- One like per person (an account or a guest) per video; the count is COUNT(*) of a video's rows, so it is
-- exact however many like at once. The primary key answers a video's count from its index.
CREATE TABLE video_likes (
  video_id   VARCHAR(32) NOT NULL,
  user_id    BIGINT      NOT NULL,
  created_at BIGINT      NOT NULL,             -- epoch ms
  PRIMARY KEY (video_id, user_id)
);
CREATE INDEX video_likes_by_user ON video_likes (user_id, created_at);

-- Who follows whom.
CREATE TABLE follows (
  follower_id BIGINT NOT NULL,
  followee_id BIGINT NOT NULL,
  created_at  BIGINT NOT NULL,                 -- epoch ms
  PRIMARY KEY (follower_id, followee_id)
);
CREATE INDEX follows_by_followee ON follows (followee_id);

-- A video made as a reply to another (its parent). Kept when the parent is deleted: the reply then says
-- "reply to a deleted video". A video replies to at most one parent.
CREATE TABLE video_replies (
  video_id   VARCHAR(32) NOT NULL PRIMARY KEY,
  parent_id  VARCHAR(32) NOT NULL,
  created_at BIGINT      NOT NULL              -- epoch ms
);
CREATE INDEX video_replies_by_parent ON video_replies (parent_id, created_at);

-- What a viewer (the browser's own id) watched to the end, for "For you".
CREATE INDEX watch_views_by_viewer ON watch_views (viewer, completed);
