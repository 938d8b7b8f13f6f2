#!/usr/bin/env python3
"""The social benchmark's data set, as SQL for sqlite3 or psql: 1,000 accounts, 10,000 videos (70 % public),
200,000 likes, 20,000 follows, 2,000 video replies, 250,000 views and 1,000,000 watch events. Rows are made
by the database itself (recursive CTEs); numbers that look random come from multiplying by primes.

  bench/social-data.py sqlite|postgres [--users N] [--videos N] [--likes N] [--events N]
"""
import argparse
import time

p = argparse.ArgumentParser()
p.add_argument("dialect", choices=["sqlite", "postgres"])
p.add_argument("--users", type=int, default=1000)
p.add_argument("--videos", type=int, default=10000)
p.add_argument("--likes", type=int, default=200000)
p.add_argument("--events", type=int, default=1000000)
a = p.parse_args()
views = a.events // 4
likes_per_video = a.likes // a.videos
# A video's likers are 37 j + v (mod users), j < likes per video: distinct while users is no multiple of 37.
assert likes_per_video <= a.users and a.users % 37 != 0, "likes must stay unique"


def vid(expr):
    """A video id: 'b' and 15 digits, 16 URL-safe characters as the server's own."""
    if a.dialect == "sqlite":
        return f"printf('b%015d', {expr})"
    return f"('b' || lpad(CAST({expr} AS TEXT), 15, '0'))"


def numbers(n):
    return f"WITH RECURSIVE n(i) AS (SELECT CAST(1 AS BIGINT) UNION ALL SELECT i + 1 FROM n WHERE i < {n})"


DAY = 86_400_000
NOW = str(int(time.time() * 1000))  # the videos are 0-30 days old
out = []
if a.dialect == "postgres":
    out.append("BEGIN;")
else:
    out.append("PRAGMA journal_mode=WAL; BEGIN;")
out.append(f"""{numbers(a.users)}
INSERT INTO users (id, username, username_key, password_hash, session_epoch, created_at, password_changed_at, guest)
SELECT 100000 + i, 'user' || i, 'user' || i, '', 0, 0, 0, 0 FROM n;""")
out.append(f"""{numbers(a.videos)}
INSERT INTO videos (id, title, source, created_at, duration_ms, width, height, codec, size_bytes, status, poster,
                    owner_id, visibility)
SELECT {vid('i')}, 'Bench video ' || i, 'upload', {NOW} - (i * 7919 % 30) * {DAY} - i, 30000 + (i * 31 % 30) * 1000,
       640, 480, 'h264', 1000000, 'ready', 0, 100001 + (i * 13 % {a.users}),
       CASE WHEN i % 10 < 7 THEN 'public' ELSE 'private' END FROM n;""")
# Likes: video v gets likes_per_video distinct users (37 j + v mod users, j < likes_per_video).
out.append(f"""{numbers(a.likes)}
INSERT INTO video_likes (video_id, user_id, created_at)
SELECT {vid(f'(i - 1) % {a.videos} + 1')}, 100001 + (((i - 1) / {a.videos}) * 37 + (i - 1) % {a.videos}) % {a.users},
       {NOW} FROM n;""")
out.append(f"""{numbers(a.users * 20)}
INSERT INTO follows (follower_id, followee_id, created_at)
SELECT 100001 + (i - 1) / 20, 100001 + ((i - 1) / 20 + ((i - 1) % 20) * 13 + 1) % {a.users}, {NOW} FROM n;""")
replies = a.videos // 5
out.append(f"""{numbers(replies)}
INSERT INTO video_replies (video_id, parent_id, created_at)
SELECT {vid(f'{a.videos} - i + 1')}, {vid(f'(i * 7919) % ({a.videos} - {replies}) + 1')}, {NOW} FROM n;""")
# Views: watched share and completion vary by video, so the ranking has something to rank.
out.append(f"""{numbers(views)}
INSERT INTO watch_views (id, video_id, viewer, started_at, last_event_at, watched_ms, completed)
SELECT 'view' || i, {vid(f'(i * 7919) % {a.videos} + 1')}, 'viewer' || (10000 + i % 5000), {NOW}, {NOW},
       (i * 104729 % 60) * 1000, CASE WHEN (i * 7919 % {a.videos}) % 7 < 3 AND i % 3 > 0 THEN 1 ELSE 0 END FROM n;""")
out.append(f"""{numbers(a.events)}
INSERT INTO watch_events (view_id, seq, video_id, type, body, received_at)
SELECT 'view' || ((i - 1) / 4 + 1), (i - 1) % 4, {vid(f'(((i - 1) / 4 + 1) * 7919) % {a.videos} + 1')}, 'timeupdate',
       '{{"t":1}}', {NOW} FROM n;""")
out.append("COMMIT;")
out.append("ANALYZE;")
print("\n".join(out))
