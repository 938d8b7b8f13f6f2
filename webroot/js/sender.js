// Paces outgoing frames at the chosen rate. A tick that finds two frames still
// unanswered is skipped instead of queued, so latency stays bounded.

export class FrameSender {
  /**
   * @param {object} deps
   * @param {import('./capture.js').FrameGrabber} deps.grabber
   * @param {import('./stream-socket.js').StreamSocket} deps.socket
   * @param {import('./in-flight.js').InFlight} deps.inFlight
   * @param {import('./readouts.js').Readouts} deps.readouts
   * @param {() => [number, number]} deps.frameSize
   * @param {() => number} deps.maxFrameBytes
   * @param {() => void} deps.onTooLarge
   */
  constructor(deps) {
    Object.assign(this, deps);
    this.timer = 0;
    this.running = false;
    this.encoding = false;
    this.nextId = 1;
  }

  start(fps) {
    this.stop();
    this.running = true;
    this.nextId = 1;
    this.setFps(fps);
  }

  setFps(fps) {
    this.period = 1000 / fps;
    if (!this.running) return;
    clearTimeout(this.timer);
    this.due = performance.now();
    this.schedule();
  }

  stop() {
    this.running = false;
    clearTimeout(this.timer);
  }

  // setTimeout against absolute due times: plain setInterval drifts below 30 fps.
  schedule() {
    const now = performance.now();
    this.due += this.period;
    if (this.due < now - this.period) this.due = now; // fell far behind (e.g. tab hidden): don't burst
    this.timer = setTimeout(() => {
      if (!this.running) return;
      this.tick();
      this.schedule();
    }, Math.max(0, this.due - now));
  }

  async tick() {
    if (!this.socket.open || !this.grabber.ready || this.encoding) return;
    if (!this.inFlight.hasRoom(performance.now())) {
      this.readouts.frameSkipped();
      return;
    }
    this.encoding = true;
    try {
      const [width, height] = this.frameSize();
      const jpeg = await this.grabber.grab(width, height);
      if (!jpeg || !this.running) return;
      if (jpeg.size + 4 > this.maxFrameBytes()) {
        this.onTooLarge();
        return;
      }
      const id = this.nextId;
      this.nextId = (this.nextId + 1) >>> 0;
      const sentAt = performance.now();
      if (this.socket.sendFrame(id, jpeg)) {
        this.inFlight.add(id, sentAt);
        this.readouts.frameSent(sentAt);
      }
    } finally {
      this.encoding = false;
    }
  }
}
