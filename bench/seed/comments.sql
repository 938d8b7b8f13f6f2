-- 50,000 comments over the videos and users already in the database (any data set): 45,000 spread over the
-- videos in blocks of five (a top comment, two more, then two replies to the first), and 5,000 on the first
-- public video, which the benchmark reads (3,000 top comments, 2,000 replies). Portable SQL (SQLite,
-- PostgreSQL); ids 'benchcomment' + 10 digits and 'benchhot' + 14 (22 characters, a comment id's shape).
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 44999),
v AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM videos),
u AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM users),
counts AS (SELECT (SELECT COUNT(*) FROM videos) AS videos, (SELECT COUNT(*) FROM users) AS users)
INSERT INTO comments (id, video_id, author_id, reply_to, body, at_ms, created_at)
SELECT 'benchcomment' || substr(CAST(10000000000 + n.i AS TEXT), 2), v.id, u.id,
       CASE WHEN n.i % 5 >= 3 THEN 'benchcomment' || substr(CAST(10000000000 + n.i - n.i % 5 AS TEXT), 2) END,
       'Bench comment ' || n.i || ', see https://example.com/' || n.i,
       CASE WHEN n.i % 7 = 0 THEN n.i % 60000 END, 1700000000000 + n.i * 1000
FROM n CROSS JOIN counts
JOIN v ON v.k = (n.i / 5) % counts.videos
JOIN u ON u.k = n.i % counts.users;

WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4999),
u AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM users),
counts AS (SELECT (SELECT COUNT(*) FROM users) AS users)
INSERT INTO comments (id, video_id, author_id, reply_to, body, at_ms, created_at)
SELECT 'benchhot' || substr(CAST(100000000000000 + n.i AS TEXT), 2),
       (SELECT MIN(id) FROM videos WHERE visibility = 'public'), u.id,
       CASE WHEN n.i % 5 >= 3 THEN 'benchhot' || substr(CAST(100000000000000 + n.i - n.i % 5 AS TEXT), 2) END,
       'Hot comment ' || n.i, NULL, 1800000000000 + n.i * 1000
FROM n CROSS JOIN counts
JOIN u ON u.k = n.i % counts.users;
