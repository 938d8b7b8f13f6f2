#!/usr/bin/env python3
"""Times the social API of a running server seeded by social-data.py, one request at a time on one
keep-alive connection (as a browser's page makes them): the feed, a watch page's calls, liking.
Prints Markdown table rows: p50, p95 and max in ms.

  bench/social-measure.py PORT LABEL [--requests N]
"""
import argparse
import http.client
import json
import time

p = argparse.ArgumentParser()
p.add_argument("port", type=int)
p.add_argument("label")
p.add_argument("--requests", type=int, default=500)
a = p.parse_args()
conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=30)
cookie = ""


def call(method, path, body=None):
    global cookie
    headers = {"Cookie": cookie} if cookie else {}
    if body is not None:
        headers["Content-Type"] = "application/json"
    started = time.perf_counter()
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status >= 400:
        raise SystemExit(f"{method} {path} answered {response.status}: {data[:200]!r}")
    set_cookie = response.getheader("Set-Cookie")
    if set_cookie:
        cookie = set_cookie.split(";", 1)[0]
    return elapsed, data


def vid(i):
    return "b%015d" % i


public = [i for i in range(1, 10001) if i % 10 < 7]
call("POST", "/api/auth/signup", {"username": "bencher", "password": "correct horse battery"})


def paced(method, path, pace_ms):
    """One call, then a pause so that calls start at most every pace_ms (the server's per-address budget)."""
    started = time.perf_counter()
    elapsed = call(method, path)[0]
    time.sleep(max(0.0, pace_ms / 1000 - (time.perf_counter() - started)))
    return elapsed


def measure(what, paths, repeat=a.requests, pace_ms=0):
    for method, path in paths[:50 if pace_ms else 200]:
        paced(method, path, pace_ms)  # warm-up: JIT, statement caches
    times = sorted(paced(method, path, pace_ms) for method, path in (paths * (repeat // len(paths) + 1))[:repeat])
    pick = lambda q: times[min(len(times) - 1, int(len(times) * q))]
    print(f"| {a.label} | {what} | {pick(0.5):.1f} | {pick(0.95):.1f} | {times[-1]:.1f} | {len(times)} |", flush=True)


for k in range(1, 31):
    paced("POST", f"/api/users/user{k * 31}/follow", 55)
n = a.requests
measure("GET /api/feed?tab=for-you (10 videos, a viewer's history, 30 followed)",
        [("GET", f"/api/feed?tab=for-you&viewer=viewer{10000 + k % 5000}&limit=10&offset={(k % 5) * 10}") for k in range(n)])
measure("GET /api/feed?tab=following (10 videos)",
        [("GET", f"/api/feed?tab=following&limit=10&offset={(k % 5) * 10}") for k in range(n)])
pages = [public[(k * 7919) % len(public)] for k in range(n)]
measure("watch page: GET /api/videos/<id> (likes, liked, replies, replyTo)", [("GET", f"/api/videos/{vid(i)}") for i in pages])
measure("watch page: GET /api/videos/<id>/replies", [("GET", f"/api/videos/{vid(i)}/replies") for i in pages])
measure("watch page: GET /api/videos/<id>/engagement (an admin)", [("GET", f"/api/videos/{vid(i)}/engagement") for i in pages])
measure("GET /api/users/<name> (a profile)", [("GET", f"/api/users/user{k % 1000 + 1}") for k in range(n)])
likes = [public[(k * 104729) % len(public)] for k in range(n)]
# Writes at 18 a second: under the server's 20 a second per address (ChangeBudgets).
measure("POST /api/videos/<id>/like", [("POST", f"/api/videos/{vid(i)}/like") for i in likes], pace_ms=55)
measure("DELETE /api/videos/<id>/like", [("DELETE", f"/api/videos/{vid(i)}/like") for i in likes], pace_ms=55)
