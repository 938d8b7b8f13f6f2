-- Listing the library: each scope's rows already in the page's order (created_at DESC, id), so a page is read
-- from the index without sorting (before: "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY" for the id), and a
-- keyset page (?before=) starts where the last one ended. Portable SQL (SQLite, PostgreSQL).
DROP INDEX videos_by_owner;
DROP INDEX videos_by_visibility;
CREATE INDEX videos_by_owner ON videos (owner_id, created_at, id);
CREATE INDEX videos_by_visibility ON videos (visibility, created_at, id);
CREATE INDEX videos_by_created_id ON videos (created_at, id);
DROP INDEX videos_by_created;

-- Viewers known by account: who watched (the account or guest identity, else NULL: the browser id in
-- `viewer` counts), and whether it was the video's owner watching their own video (not its audience).
ALTER TABLE watch_views ADD COLUMN account_id BIGINT;
ALTER TABLE watch_views ADD COLUMN own INTEGER NOT NULL DEFAULT 0;
