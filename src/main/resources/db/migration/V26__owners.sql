-- People own what they make. A guest is a user row without a password (password_hash ''), made on first need
-- for a visitor who records or uploads without an account; a sign-up from that browser turns the row into
-- the account, so everything it owns stays. Portable SQL (SQLite, PostgreSQL).
ALTER TABLE users ADD COLUMN guest INTEGER NOT NULL DEFAULT 0;          -- 1: a guest identity, no password
CREATE INDEX users_guests ON users (guest, created_at);

-- A video's owner (NULL for the videos made before owners existed: only admins change those) and who may
-- watch it. Those older videos stay watchable by their links: 'unlisted'. New videos are made 'private'.
ALTER TABLE videos ADD COLUMN owner_id BIGINT;
ALTER TABLE videos ADD COLUMN visibility VARCHAR(16) NOT NULL DEFAULT 'unlisted'; -- private, unlisted, public
CREATE INDEX videos_by_owner ON videos (owner_id, created_at);
CREATE INDEX videos_by_visibility ON videos (visibility, created_at);

-- A job's owner: whoever asked for it (and so owns the video it makes); NULL for the jobs made before owners.
ALTER TABLE jobs ADD COLUMN owner_id BIGINT;
