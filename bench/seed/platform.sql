-- 1,000 accounts and 10,000 ready videos of theirs (every other one public), for the social benchmarks.
-- Portable SQL (SQLite, PostgreSQL). Ids: 'bench' + 11 digits (16 characters, a video id's shape).
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
INSERT INTO users (id, username, username_key, password_hash, session_epoch, created_at, password_changed_at)
SELECT 100000 + i, 'bench' || i, 'bench' || i, '', 0, 0, 0 FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO videos (id, title, source, created_at, duration_ms, width, height, codec, size_bytes, status, poster,
                    owner_id, visibility)
SELECT 'bench' || substr(CAST(100000000000 + i AS TEXT), 2), 'Bench video ' || i, 'upload',
       1700000000000 + i * 1000, 60000, 640, 480, 'h264', 1000000, 'ready', 0, 100000 + 1 + i % 1000,
       CASE WHEN i % 2 = 0 THEN 'public' ELSE 'private' END FROM n;
