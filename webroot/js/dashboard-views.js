// The text parts of the dashboard: tiles, tables and totals. Text only (textContent), never markup
// built from data, so a filter or address name cannot inject anything.

import * as format from './dashboard-format.js';
import {DROP_REASONS, STAGES} from './dashboard-series.js';

const CLIENT_PARTS = [['roundTripMs', 'camera to screen'], ['captureEncodeMs', 'capture → encode'],
  ['networkServerMs', 'network + server'], ['decodeDrawMs', 'decode → draw']];

function setText(id, text) {
  const element = document.getElementById(id);
  if (element.textContent !== text) {
    element.textContent = text;
  }
}

function row(header, cells) {
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = header;
  tr.append(th, ...cells.map(text => {
    const td = document.createElement('td');
    td.textContent = text;
    return td;
  }));
  return tr;
}

function fillTable(id, rows) {
  const body = document.querySelector(`#${id} tbody`);
  if (rows.length === 0) {
    const empty = document.createElement('td');
    empty.colSpan = document.querySelectorAll(`#${id} thead th`).length;
    empty.className = 'empty';
    empty.textContent = 'Nothing yet: start a stream on the camera page.';
    const tr = document.createElement('tr');
    tr.append(empty);
    body.replaceChildren(tr);
    return;
  }
  body.replaceChildren(...rows);
}

export function renderTiles(s) {
  setText('stat-frames-in', format.rate(s.framesIn));
  setText('stat-frames-out', format.rate(s.framesOut));
  setText('stat-drops', format.rate(Object.values(s.drops ?? {}).reduce((a, b) => a + b, 0)));
  setText('stat-sessions', format.count(s.sessions));
  setText('stat-in-flight', format.count(s.inFlight));
  setText('stat-workers', `${format.percent(s.workers?.utilisation)} of ${s.workers?.count ?? '–'}`);
  setText('stat-cpu', format.percentPair(s.cpu?.process, s.cpu?.system));
  const {heapUsed, heapMax} = s.memory ?? {};
  setText('stat-heap', heapMax > 0 ? format.mebibytesOf(heapUsed, heapMax) : format.mebibytes(heapUsed));
  setText('stat-rss', format.mebibytes(s.memory?.rss));
}

export function renderTables(s) {
  const filters = Object.entries(s.filters ?? {}).sort(([a], [b]) => a.localeCompare(b));
  fillTable('table-filters', filters.map(([name, f]) => row(name, [
    format.rate(f.in), format.rate(f.out), ...DROP_REASONS.map(reason => format.rate(f.drops?.[reason] ?? 0)),
  ])));
  fillTable('table-latency', filters.flatMap(([name, f]) => STAGES
    .filter(stage => f.latency?.[stage] != null)
    .map(stage => row(name, [stage, ...f.latency[stage].map(format.millis)]))));
  renderNodes(s.cluster);
  const addresses = Object.entries(s.eventBus ?? {}).sort(([a], [b]) => a.localeCompare(b));
  fillTable('table-eventbus', addresses.map(([address, e]) => row(address, [
    format.rate((e.sent ?? 0) + (e.published ?? 0)), format.rate(e.received ?? 0), format.rate(e.delivered ?? 0),
    format.rate(e.processed ?? 0), format.count(e.pending ?? 0), format.count(e.handlers ?? 0),
    format.rate(e.discarded ?? 0), format.rate(e.replyFailures ?? 0),
  ])));
  // Each report's p50 and p95 are meters of their own: [p50, p95, p99] over the reports of the last 10 s.
  fillTable('table-clients', CLIENT_PARTS.filter(([key]) => s.clients?.[key]?.p50)
    .map(([key, label]) => row(label, [format.millis(s.clients[key].p50[0]), format.millis(s.clients[key].p95?.[0]),
      format.millis(s.clients[key].p95?.[1])])));
  setText('total-received', format.count(s.totals?.received));
  setText('total-processed', format.count(s.totals?.processed));
  for (const reason of DROP_REASONS) {
    setText(`total-${reason}`, format.count(s.totals?.dropped?.[reason]));
  }
}

export function renderStatus(state, text) {
  const status = document.getElementById('feed-status');
  status.dataset.state = state;
  status.textContent = text;
}

function nodeCells(n) {
  return [format.count(n.workers), format.percent(n.utilisation), format.rate(n.processed), format.rate(n.late),
    format.count(n.sessions), format.rate(n.framesIn), format.rate(n.framesOut), format.rate(n.drops)];
}

// One row per node that reported in the last seconds (every node of a cluster), then the cluster's totals.
function renderNodes(cluster) {
  const nodes = cluster?.nodes ?? [];
  const rows = nodes.map(n => row(n.node, [n.role, ...nodeCells(n), format.percent(n.cpu)]));
  if (nodes.length > 1) {
    const totals = row(`all ${nodes.length} nodes`, ['', ...nodeCells(cluster.totals), '']);
    totals.className = 'totals';
    rows.push(totals);
  }
  fillTable('table-nodes', rows);
}
