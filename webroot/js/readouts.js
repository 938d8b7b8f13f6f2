// Client-side counters (rates, round trip and its parts, skips, the settings in force) and the
// numbers shown for them.
// Rates are recomputed on a timer so they fall to zero when frames stop coming.

const RATE_WINDOW_MS = 1000;
const RTT_SAMPLES = 30;
const REFRESH_MS = 250;
const FACES_STALE_MS = 1000;

/** Counts events within the last second. */
class RateWindow {
  constructor() {
    this.times = [];
  }
  mark(now) {
    this.times.push(now);
  }
  rate(now) {
    while (this.times.length && now - this.times[0] > RATE_WINDOW_MS) this.times.shift();
    return this.times.length;
  }
  clear() {
    this.times.length = 0;
  }
}

function median(values) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const IDS = ['sent-fps', 'recv-fps', 'rtt', 'server-ms', 'server-p95', 'drops', 'skipped', 'faces',
  'total-ms', 'capture-ms', 'network-ms', 'decode-ms', 'settings', 'adapt'];
const SPLIT = { 'total-ms': 'roundTrip', 'capture-ms': 'captureEncode', 'network-ms': 'networkServer',
  'decode-ms': 'decodeDraw' };

export class Readouts {
  /** @param {import('./latency.js').LatencySplit} latency */
  constructor(latency, doc = document) {
    this.latency = latency;
    this.el = {};
    for (const id of IDS) this.el[id] = doc.getElementById(id);
    this.sending = null; // the size and quality of the last frame sent
    this.why = '';
    this.sent = new RateWindow();
    this.received = new RateWindow();
    this.reset();
    setInterval(() => this.render(), REFRESH_MS);
  }

  /** Zeroes everything; called on Start and on Stop, so each run is read on its own and none lingers. */
  reset() {
    this.sending = null;
    this.why = '';
    this.sentFrames = 0;
    this.receivedFrames = 0;
    this.skipped = 0;
    this.drops = 0;
    this.serverP50Ms = 0;
    this.serverP95Ms = 0;
    this.rtts = [];
    this.faces = [];
    this.facesAt = 0;
    this.sent.clear();
    this.received.clear();
    this.latency.reset();
    this.render();
  }

  /** @param {{width: number, height: number, quality: number}} frame */
  frameSent(now, frame) {
    this.sentFrames++;
    this.sent.mark(now);
    this.sending = { width: frame.width, height: frame.height, quality: frame.quality };
  }

  framesSkipped(count) {
    this.skipped += count;
  }

  /** What the adaptation last did and why, shown beside the settings. */
  adapted(why) {
    this.why = why;
  }

  frameReceived(now, rttMs) {
    this.receivedFrames++;
    this.received.mark(now);
    if (rttMs !== null) {
      this.rtts.push(rttMs);
      if (this.rtts.length > RTT_SAMPLES) this.rtts.shift();
    }
  }

  facesSeen(faces, now) {
    this.faces = Array.isArray(faces) ? faces : [];
    this.facesAt = now;
  }

  clearFaces() {
    this.faces = [];
  }

  stats(msg) {
    // Stats are per connection on the server; show them as they come.
    if (Number.isFinite(msg.dropped)) this.drops = msg.dropped;
    if (Number.isFinite(msg.serverP50Ms)) this.serverP50Ms = msg.serverP50Ms;
    if (Number.isFinite(msg.serverP95Ms)) this.serverP95Ms = msg.serverP95Ms;
  }

  /** A snapshot of the numbers, used by the display and the test hook. */
  snapshot(now = performance.now()) {
    // Faces are only reported when found, so an old count must not linger.
    if (this.faces.length && now - this.facesAt > FACES_STALE_MS) this.faces = [];
    return {
      sentFrames: this.sentFrames,
      receivedFrames: this.receivedFrames,
      sentFps: this.sent.rate(now),
      recvFps: this.received.rate(now),
      rttMs: Math.round(median(this.rtts) * 10) / 10,
      drops: this.drops,
      skipped: this.skipped,
      serverP50Ms: this.serverP50Ms,
      serverP95Ms: this.serverP95Ms,
      faces: this.faces.map((f) => ({ ...f })),
      split: this.latency.summary(),
      sending: this.sending && { ...this.sending },
      adapt: this.why,
    };
  }

  render() {
    const s = this.snapshot();
    this.set('sent-fps', s.sentFps);
    this.set('recv-fps', s.recvFps);
    this.set('rtt', Math.round(s.rttMs));
    this.set('server-ms', Math.round(s.serverP50Ms * 10) / 10);
    this.set('server-p95', Math.round(s.serverP95Ms * 10) / 10);
    this.set('drops', s.drops);
    this.set('skipped', s.skipped);
    this.set('faces', s.faces.length);
    for (const [id, part] of Object.entries(SPLIT)) {
      const { p50, p95 } = s.split[part];
      this.set(id, s.split.frames ? `${Math.round(p50)} / ${Math.round(p95)}` : '–');
    }
    const f = s.sending;
    this.set('settings', f ? `${f.width}×${f.height}, q ${Math.round(f.quality * 100)}` : '–');
    this.set('adapt', s.adapt || '–');
  }

  set(id, value) {
    const text = String(value);
    const el = this.el[id];
    if (el && el.textContent !== text) el.textContent = text; // avoid needless DOM churn
  }
}
