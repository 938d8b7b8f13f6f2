// Speed and time left of a transfer, from the bytes sent over the last few seconds (a moving window,
// so a pause or a slow spell shows within seconds rather than being averaged away).

const WINDOW_MS = 5000;

export class TransferRate {
  constructor() {
    this.samples = [];
  }

  /** Notes that `sent` bytes are through at this moment. */
  add(sent, now = performance.now()) {
    this.samples.push({ sent, now });
    while (this.samples.length > 2 && now - this.samples[0].now > WINDOW_MS) this.samples.shift();
  }

  /** Forgets the past (after a pause: the time paused is no slowness). */
  reset() {
    this.samples = [];
  }

  /** Bytes a second, or null until there is a pace to go by. */
  bytesPerSecond() {
    if (this.samples.length < 2) return null;
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const seconds = (last.now - first.now) / 1000;
    return seconds < 0.2 ? null : (last.sent - first.sent) / seconds;
  }

  /** Seconds left for `total` bytes, or null. */
  secondsLeft(total) {
    const speed = this.bytesPerSecond();
    if (!speed || this.samples.length === 0) return null;
    return (total - this.samples[this.samples.length - 1].sent) / speed;
  }
}
