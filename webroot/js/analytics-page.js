// The analytics page of one video: numbers, a per-second chart along the video (plays, skips, re-watches,
// stalls, pauses) and the latest views; read from the API, and read again whenever the server says the
// numbers changed (a feed socket), so it is live while people watch.

import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const $ = (id) => document.getElementById(id);
const videoId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const SERIES = [
  { key: 'plays', label: 'Plays', colour: '--series-1' },
  { key: 'skips', label: 'Skips', colour: '--series-2' },
  { key: 'rewatches', label: 'Re-watches', colour: '--series-3' },
  { key: 'stalls', label: 'Stalls', colour: '--series-4' },
  { key: 'pauses', label: 'Pauses', colour: '--series-5' },
];
let plot = null;
let latest = null;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const cssVar = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

async function load() {
  const response = await fetch(`/api/videos/${encodeURIComponent(videoId)}/analytics`);
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    problem(`${body.message ?? 'The analytics could not be read'}. Check the address, or go back to the library.`);
    return;
  }
  latest = await response.json();
  show(latest);
}

function show(a) {
  $('video-title').textContent = a.title; // text, never HTML
  $('back-to-video').href = `/watch/${encodeURIComponent(videoId)}`;
  $('stat-views').textContent = a.views;
  $('stat-viewers').textContent = a.uniqueViewers;
  $('stat-own').textContent = `${a.ownViews.views} · ${seconds(a.ownViews.watchedMs)}`;
  $('stat-watch').textContent = `${seconds(a.watchTime.averageMs)} / ${seconds(a.watchTime.medianMs)}`;
  $('stat-completion').textContent = `${Math.round(a.completionRate * 100)} %`;
  $('stat-pauses').textContent = `${a.pauses.total} (${a.pauses.perView.toFixed(1)})`;
  $('stat-buffering').textContent = `${a.buffering.stalls} · ${seconds(a.buffering.totalMs)} · `
    + seconds(a.buffering.longestMs);
  $('stat-seeks').textContent = String(a.seeks ?? 0);
  const rates = Object.entries(a.rates).sort((x, y) => Number(x[0]) - Number(y[0]));
  $('stat-rates').textContent = rates.length ? rates.map(([rate, ms]) => `${rate}×: ${seconds(ms)}`).join(', ') : '–';
  chart(a.seconds);
  views(a.recentViews);
}

function chart(perSecond) {
  const xs = perSecond.plays.map((_, i) => i);
  const data = [xs, ...SERIES.map((s) => perSecond[s.key])];
  if (plot) {
    plot.setData(data);
    return;
  }
  const container = $('chart-heatmap');
  plot = new uPlot({
    width: container.clientWidth || 600,
    height: 240,
    scales: { x: { time: false } },
    // The legend names the series; live values under the cursor would read "--" until one hovers.
    legend: { live: false },
    axes: [{ label: 'second of the video', stroke: cssVar('--muted') }, { stroke: cssVar('--muted') }],
    series: [{ label: 'second' }, ...SERIES.map((s) => ({
      label: s.label, stroke: cssVar(s.colour), width: 2, paths: uPlot.paths.stepped({ align: 1 }),
    }))],
  }, data, container);
  new ResizeObserver(() => plot.setSize({ width: container.clientWidth, height: 240 })).observe(container);
}

function views(rows) {
  const body = $('table-views').tBodies[0];
  body.replaceChildren(...rows.map((v) => {
    const tr = document.createElement('tr');
    for (const text of [new Date(v.started).toLocaleString(), viewerName(v), seconds(v.watchedMs),
      v.completed ? 'yes' : 'no', v.pauses, v.seeks, v.stalls]) {
      const td = document.createElement('td');
      td.textContent = String(text);
      tr.append(td);
    }
    return tr;
  }));
}

/** The owner's own views say so; a signed-in viewer (account or guest) is counted once whatever browser. */
function viewerName(v) {
  if (v.own) return 'you';
  return `${v.viewer.slice(0, 8)}${v.signedIn ? ' (signed in)' : ''}`;
}

function problem(text) {
  $('problem').hidden = false;
  $('problem').textContent = text;
}

function follow() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${scheme}//${location.host}/ws/analytics?video=${encodeURIComponent(videoId)}`);
  ws.onopen = () => status('live', 'Live');
  ws.onmessage = () => load();
  ws.onclose = () => {
    status('lost', 'Not live: reconnecting…');
    setTimeout(follow, 2000);
  };
}

function status(state, text) {
  $('feed-status').dataset.state = state;
  $('feed-status').textContent = text;
}

// Read-only hook for browser tests.
window.livelensAnalytics = Object.freeze({ latest: () => latest, drawn: () => plot !== null });

load().then(follow);
