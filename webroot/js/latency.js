// Where a frame's time goes, from the camera to the screen: capture→encode (the frame reaching the
// page until its JPEG goes out), network+server (out until the reply is in), decode→draw (in until
// it is on screen). Times are on the clock of frame-geometry.js's nowMs(), shared with the workers.

const KEEP = 1200;            // frames kept for the test hook: 40 s at 30 fps
const RECENT = 60;            // frames the readouts and the client stats describe: about 2 s
const FORGET_AFTER_MS = 3000; // a frame the server dropped is never drawn

export const PARTS = ['captureEncode', 'networkServer', 'decodeDraw', 'roundTrip'];

export function percentile(values, q) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export class LatencySplit {
  constructor() {
    this.pending = new Map(); // id -> {capturedAt, sentAt, receivedAt}
    this.reset();
  }

  reset() {
    this.pending.clear();
    this.samples = Object.fromEntries(PARTS.map((part) => [part, []]));
  }

  sent(id, capturedAt, sentAt) {
    for (const [old, frame] of this.pending) {
      if (sentAt - frame.sentAt < FORGET_AFTER_MS) break; // insertion order is sending order
      this.pending.delete(old);
    }
    this.pending.set(id, { capturedAt, sentAt, receivedAt: 0 });
  }

  received(id, at) {
    const frame = this.pending.get(id);
    if (frame) frame.receivedAt = at;
  }

  drawn(id, at) {
    const frame = this.pending.get(id);
    this.pending.delete(id);
    if (!frame || !frame.receivedAt) return;
    this.add('captureEncode', frame.sentAt - frame.capturedAt);
    this.add('networkServer', frame.receivedAt - frame.sentAt);
    this.add('decodeDraw', at - frame.receivedAt);
    this.add('roundTrip', at - frame.capturedAt);
  }

  add(part, ms) {
    const list = this.samples[part];
    list.push(ms);
    if (list.length > KEEP) list.shift();
  }

  /** p50 and p95 of each part over the last `recent` frames, in ms with one decimal. */
  summary(recent = RECENT) {
    const out = {};
    for (const part of PARTS) {
      const values = this.samples[part].slice(-recent);
      out[part] = { p50: round(percentile(values, 0.5)), p95: round(percentile(values, 0.95)) };
    }
    out.frames = this.samples.roundTrip.length;
    return out;
  }
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}
