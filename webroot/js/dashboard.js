// The dashboard page: keeps the last two minutes of snapshots from the feed and draws them.
// window.livelensDashboard = {snapshots, last, connected} lets browser tests watch it work:
// snapshots counts the live snapshots received (not the history sent on connecting).

import {connectFeed} from './dashboard-feed.js';
import {TimeChart} from './dashboard-charts.js';
import * as series from './dashboard-series.js';
import * as format from './dashboard-format.js';
import {renderStatus, renderTables, renderTiles} from './dashboard-views.js';

const WINDOW = 120;
const snapshots = [];
const hook = {snapshots: 0, last: null, connected: false};
window.livelensDashboard = hook;

const chartOf = (id, options) => new TimeChart(document.getElementById(id), options);
const charts = {
  frames: chartOf('chart-frames', {format: format.rate}),
  drops: chartOf('chart-drops', {format: format.rate}),
  latency: chartOf('chart-latency', {format: format.millis}),
  eventBus: chartOf('chart-eventbus', {format: format.rate}),
  sessions: chartOf('chart-sessions', {format: v => v.toFixed(0)}),
  cpu: chartOf('chart-cpu', {format: v => v.toFixed(0), max: 100}),
  memory: chartOf('chart-memory', {format: v => v.toFixed(0)}),
};

const filterSelect = document.getElementById('latency-filter');
const percentileSelect = document.getElementById('latency-percentile');
let chosenFilter = null;
let drawPending = false;

function keep(snapshot) {
  const last = snapshots[snapshots.length - 1];
  if (last && snapshot.t <= last.t) {
    return;
  }
  snapshots.push(snapshot);
  if (snapshots.length > WINDOW) {
    snapshots.splice(0, snapshots.length - WINDOW);
  }
}

/** Offers every filter seen; keeps the one the operator chose, else follows the busiest. */
function updateFilterChoices() {
  const names = series.filterNames(snapshots);
  const current = [...filterSelect.options].map(option => option.value);
  if (names.join() !== current.join()) {
    filterSelect.replaceChildren(...names.map(name => new Option(name, name)));
  }
  filterSelect.value = chosenFilter && names.includes(chosenFilter) ? chosenFilter
    : (series.busiestFilter(snapshots) ?? '');
}

function draw() {
  drawPending = false;
  if (snapshots.length === 0) {
    return;
  }
  updateFilterChoices();
  const times = snapshots.map(s => s.t / 1000);
  charts.frames.update(times, series.frames(snapshots));
  charts.drops.update(times, series.drops(snapshots));
  charts.latency.update(times, series.latency(snapshots, filterSelect.value, Number(percentileSelect.value)));
  charts.eventBus.update(times, series.eventBus(snapshots));
  charts.sessions.update(times, series.sessions(snapshots));
  charts.cpu.update(times, series.cpu(snapshots));
  charts.memory.update(times, series.memory(snapshots));
  const last = snapshots[snapshots.length - 1];
  renderTiles(last);
  renderTables(last);
}

/** At most one drawing per animation frame, and none while the tab is hidden (it catches up when shown). */
function scheduleDraw() {
  if (!drawPending) {
    drawPending = true;
    requestAnimationFrame(draw);
  }
}

filterSelect.addEventListener('change', () => {
  chosenFilter = filterSelect.value;
  scheduleDraw();
});
percentileSelect.addEventListener('change', scheduleDraw);
document.querySelector('.controls').addEventListener('submit', event => event.preventDefault());
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
  Object.values(charts).forEach(chart => chart.rebuild());
});

connectFeed({
  onHistory(history) {
    history.forEach(keep);
    hook.last = snapshots[snapshots.length - 1] ?? hook.last;
    scheduleDraw();
  },
  onSnapshot(snapshot) {
    keep(snapshot);
    hook.snapshots += 1;
    hook.last = snapshot;
    scheduleDraw();
  },
  onStatus(state, text) {
    hook.connected = state === 'live';
    renderStatus(state, text);
  },
});
