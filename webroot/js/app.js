// Wires camera, socket, sender, renderer, controls and readouts together and
// owns the Start/Stop lifecycle.

import { openCamera, closeCamera, liveTrackCount } from './camera.js';
import { StreamSocket, streamUrl } from './stream-socket.js';
import { InFlight } from './in-flight.js';
import { FrameSender } from './sender.js';
import { LatencySplit } from './latency.js';
import { QualityAdapter } from './adapt.js';
import { ClientStats } from './client-stats.js';
import { nowMs } from './frame-geometry.js';
import { Renderer } from './renderer.js';
import { Controls, fetchCosts, fetchFilters, normalizeFilter } from './controls.js';
import { ChainControls } from './chain-controls.js';
import { BackgroundPicture } from './background-picture.js';
import { Readouts } from './readouts.js';
import { StatusView } from './status.js';
import { ServerRecording } from './server-recording.js';
import { call } from './json-api.js';

const DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;
const $ = (id) => document.getElementById(id);

const els = {
  start: $('start'),
  local: $('local'),
  processed: $('processed'),
};

const status = new StatusView($('status'), $('message'));
const latency = new LatencySplit();
const readouts = new Readouts(latency);
const inFlight = new InFlight(2, 1000);
const renderer = new Renderer(els.processed, (id, at) => latency.drawn(id, at));
const controls = new Controls({
  select: $('filter'),
  paramsBox: $('params'),
  description: $('filter-description'),
  onChange: sendFilter,
});
const chain = new ChainControls({
  list: $('chain'),
  add: $('chain-add'),
  clear: $('chain-clear'),
  current: () => ({ name: controls.filter, params: controls.params }),
  onChange: () => sendFilter(controls.filter, controls.params),
  cost: $('chain-cost'),
  costs: fetchCosts,
});

const picture = new BackgroundPicture({
  input: $('background-file'),
  clear: $('background-clear'),
  state: $('background-state'),
  send: (msg) => socket.sendJson(msg),
  maxBytes: () => maxFrameBytes,
});

const recording = new ServerRecording(
  { button: $('record'), state: $('record-state'), link: $('record-link') },
  (msg) => socket.sendJson(msg));

let camera = null;        // the latest MediaStream (kept after Stop so tracksLive stays honest)
let running = false;      // the Start button is on
let session = 0;          // bumps on every Start/Stop so late async results can tell they are stale
let maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
let filterRepliesDue = 0; // filter messages the server has yet to send (ours, and its greeting)
let serverMessageAt = 0;  // when the last server error was shown
const SERVER_MESSAGE_MS = 5000;
const ADAPT_FRAMES = 30; // the last second or so: older frames were sent at other settings
const LOST_MESSAGES = {
  lost: 'Connection lost, retrying automatically. ',
  busy: 'The server has too many connections, retrying automatically. ',
  restarting: 'The server is restarting, reconnecting… ',
};

const socket = new StreamSocket({
  url: () => streamUrl(controls.filter),
  onConnecting: () => {
    if (!['lost', 'busy', 'restarting'].includes(status.state)) status.set('connecting');
  },
  onOpen,
  onImage,
  onMessage,
  onLost: (retryAt, why) => {
    inFlight.clear(); // nothing sent on the old socket will be answered
    recording.setStreaming(false);
    status.set(why);
    status.lost(retryAt, LOST_MESSAGES[why]);
  },
});

const sender = new FrameSender({
  socket,
  inFlight,
  readouts,
  latency,
  maxFrameBytes: () => maxFrameBytes,
  onTooLarge: () => status.message('A frame was larger than the server accepts; try a smaller frame size.', 'frame'),
});

const adapter = new QualityAdapter({
  selects: { fps: $('fps'), size: $('size'), quality: $('quality') },
  apply: (settings) => sender.configure(settings),
  explain: (why) => readouts.adapted(why),
});

const clientStats = new ClientStats({ socket, latency, adapter, readouts });

function onOpen() {
  inFlight.clear();
  sender.reset();
  // The server's greeting names the filter it starts with: that answer is not the one to ours.
  filterRepliesDue = 1;
  status.set('streaming');
  status.clearMessage('lost');
  recording.setStreaming(true);
  // The URL carried only the filter name; this also restores the chosen parameters.
  sendFilter(controls.filter, controls.params);
  picture.upload();
}

function onImage(id, message) {
  const now = performance.now();
  latency.received(id, nowMs());
  readouts.frameReceived(now, inFlight.answer(id, now));
  renderer.decode(id, message);
  sender.refill();
  // A server error stays in view a while, then frames flowing again take it away.
  if (now - serverMessageAt > SERVER_MESSAGE_MS) status.clearMessage('server');
}

function onMessage(msg) {
  switch (msg.type) {
    case 'hello':
      if (Number.isFinite(msg.maxFrameBytes) && msg.maxFrameBytes > 0) maxFrameBytes = msg.maxFrameBytes;
      // Fallback when /api/filters could not be read.
      if (controls.filters.length === 0 && Array.isArray(msg.filters)) {
        controls.setFilters(msg.filters.map(normalizeFilter).filter(Boolean));
      }
      break;
    case 'filter':
      filterRepliesDue = Math.max(0, filterRepliesDue - 1);
      // Only the answer to our latest change is shown, so a slider never jumps back.
      if (filterRepliesDue === 0 && !controls.changePending) controls.applyServer(msg.filter, msg.params);
      break;
    case 'faces':
      readouts.facesSeen(msg.faces, performance.now());
      break;
    case 'stats':
      readouts.stats(msg);
      adapter.observe(msg, latency.summary(ADAPT_FRAMES).networkServer);
      break;
    case 'recording':
      recording.onMessage(msg);
      break;
    case 'background':
      picture.kept(msg);
      break;
    case 'error':
      onServerError(msg);
      break;
    default:
      break; // newer servers may add message types; ignore them
  }
}

function onServerError(msg) {
  if (picture.refused(msg)) return;
  if (Number.isInteger(msg.id)) inFlight.answer(msg.id, performance.now());
  if (msg.code === 'unknown_filter' || msg.code === 'bad_params') {
    filterRepliesDue = Math.max(0, filterRepliesDue - 1);
  }
  // Frame errors are shown but never stop the stream.
  status.message(`Server: ${msg.message || msg.code || 'error'}`, 'server');
  serverMessageAt = performance.now();
}

function sendFilter(filter, params) {
  readouts.clearFaces();
  const message = chain.active ? chain.message : { type: 'filter', filter, params };
  if (socket.sendJson(message)) filterRepliesDue++;
}

async function start() {
  if (running) return;
  const mine = ++session;
  setRunning(true);
  status.clearMessage();
  status.set('connecting');
  readouts.reset();
  adapter.reset();
  inFlight.clear();
  let stream;
  try {
    stream = await openCamera();
  } catch (err) {
    if (mine !== session) return;
    setRunning(false);
    status.set('error');
    status.message(err.message, 'camera');
    return;
  }
  if (mine !== session) {
    closeCamera(stream); // Stop was pressed while the permission prompt was open
    return;
  }
  camera = stream;
  els.local.srcObject = stream;
  stream.getTracks().forEach((t) => t.addEventListener('ended', () => onCameraEnded(mine)));
  renderer.attach();
  // What this browser records is its own: without an account it gets a guest identity (a cookie) first.
  await call('POST', '/api/auth/guest').catch(() => {});
  socket.start();
  sender.start(stream, els.local);
  clientStats.start();
}

function stop(finalState = 'idle') {
  session++;
  setRunning(false);
  sender.stop();
  clientStats.stop();
  socket.stop();
  recording.setStreaming(false);
  inFlight.clear();
  closeCamera(camera);
  els.local.srcObject = null;
  renderer.detach();
  readouts.reset();
  status.clearMessage();
  status.set(finalState);
}

// The camera went away on its own (unplugged, or revoked in the browser).
function onCameraEnded(mine) {
  if (mine !== session || !running) return;
  stop('error');
  status.message('The camera stopped delivering video. Check it and press Start again.', 'camera');
}

function setRunning(on) {
  running = on;
  // The label says what a press does; a changing label must not also be a toggle (aria-pressed).
  els.start.textContent = on ? 'Stop' : 'Start';
  els.start.dataset.running = String(on);
}

els.start.addEventListener('click', () => (running ? stop() : start()));

fetchFilters()
  .then((filters) => controls.setFilters(filters))
  .catch(() => status.message('Could not load the filter list; only "none" is available until the server answers.', 'filters'));

status.set('idle');

// Read-only hook for browser tests.
window.livelens = Object.freeze({
  state() {
    const r = readouts.snapshot();
    return {
      status: status.state,
      sentFrames: r.sentFrames,
      receivedFrames: r.receivedFrames,
      recvFps: r.recvFps,
      sentFps: r.sentFps,
      rttMs: r.rttMs,
      drops: r.drops,
      skipped: r.skipped,
      serverP50Ms: r.serverP50Ms,
      serverP95Ms: r.serverP95Ms,
      faces: r.faces,
      socketOpen: socket.open,
      tracksLive: liveTrackCount(camera),
      filter: chain.active ? 'chain' : controls.filter,
      params: controls.params,
      chain: chain.message.chain,
      recording: recording.snapshot(),
      split: r.split,
      sending: r.sending,
      adapt: r.adapt,
      levels: adapter.levels(),
      settings: adapter.settings(),
      capture: sender.via,
    };
  },
  /** Every frame's split since the last reset (or the last 1200), for tests that take percentiles. */
  latencySamples() {
    return JSON.parse(JSON.stringify(latency.samples));
  },
  resetLatency() {
    latency.reset();
  },
});
