// Sends the encoder's JPEGs. The page keeps at most inFlight.max frames unanswered; the encoder
// worker may only encode a frame for which it holds a credit, and the page grants credits only
// for free slots, so a frame is encoded only when it can go out at once.

import { startCapture } from './capture.js';
import { nowMs } from './frame-geometry.js';

const REFILL_MS = 100; // frames given up by InFlight free their slot on the next look

export class FrameSender {
  /**
   * @param {object} deps
   * @param {import('./stream-socket.js').StreamSocket} deps.socket
   * @param {import('./in-flight.js').InFlight} deps.inFlight
   * @param {import('./readouts.js').Readouts} deps.readouts
   * @param {import('./latency.js').LatencySplit} deps.latency
   * @param {() => number} deps.maxFrameBytes
   * @param {() => void} deps.onTooLarge
   */
  constructor(deps) {
    Object.assign(this, deps);
    this.encoder = new Worker(new URL('./encode-worker.js', import.meta.url), { type: 'module' });
    this.encoder.onmessage = (event) => this.onEncoded(event.data);
    this.running = false;
    this.epoch = 0;       // tells a late JPEG of an earlier run from this one's
    this.granted = 0;     // credits the encoder holds or is spending
    this.nextId = 1;
    this.capture = null;
    this.settings = {};
    setInterval(() => this.refill(), REFILL_MS);
  }

  /** The means of capture in use, for the readouts and tests. */
  get via() {
    return this.capture?.via ?? '';
  }

  start(stream, video) {
    this.stop();
    this.running = true;
    this.nextId = 1;
    this.capture = startCapture(stream, video, this.encoder, () => this.granted > 0);
    this.refill();
  }

  stop() {
    this.running = false;
    this.capture?.stop();
    this.capture = null;
    this.reset();
  }

  /** Forgets the credits (a new connection: nothing sent before will be answered). */
  reset() {
    this.epoch++;
    this.granted = 0;
    this.encoder.postMessage({ type: 'reset', epoch: this.epoch });
  }

  /** {fps, longSide, quality}: applied from the next frame on. */
  configure(settings) {
    this.settings = { ...this.settings, ...settings };
    this.encoder.postMessage({ type: 'settings', settings: this.settings });
  }

  refill() {
    if (!this.running || !this.socket.open) return;
    const free = this.inFlight.free(performance.now()) - this.granted;
    for (let i = 0; i < free; i++) {
      this.granted++;
      this.encoder.postMessage({ type: 'grant', epoch: this.epoch });
    }
  }

  onEncoded(msg) {
    if (msg.epoch !== this.epoch) return; // encoded before a reset: its credit is gone with it
    this.granted = Math.max(0, this.granted - 1);
    if (msg.type === 'jpeg') this.send(msg);
    this.refill();
  }

  send(msg) {
    this.readouts.framesSkipped(msg.skipped);
    if (!this.running || !this.socket.open) return;
    if (msg.buffer.byteLength > this.maxFrameBytes()) {
      this.onTooLarge();
      return;
    }
    const id = this.nextId;
    this.nextId = (this.nextId + 1) >>> 0;
    const sentAt = nowMs();
    if (this.socket.sendFrame(id, msg.buffer)) {
      const now = performance.now();
      this.inFlight.add(id, now);
      this.readouts.frameSent(now, msg);
      this.latency.sent(id, msg.capturedAt, sentAt);
    }
  }
}
