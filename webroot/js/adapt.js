// Quality that follows the server and the network. Under pressure (the server drops frames, or the
// round trip through it grows) the page lowers, in this order, JPEG quality, frame size, frame
// rate; with room again it raises them in the reverse order. Lowering needs one bad second, raising
// several good ones in a row, and the two thresholds are far apart: it does not oscillate. A setting
// a person picks by hand (anything but "Auto") is pinned and left alone.

const LADDERS = {
  quality: [0.8, 0.65, 0.5],
  size: [640, 480, 320],
  fps: [30, 20, 15],
};
const DOWN_ORDER = ['quality', 'size', 'fps'];
const NAMES = { quality: 'quality', size: 'frame size', fps: 'frame rate' };
// Pressure: the server sheds frames, or the typical frame queues for a worker well past one frame's
// time (the server gives up on a frame after 150 ms). Room: nothing dropped, next to no queue, a quick
// round trip. Medians, not tails: on a shared machine a few slow frames a second are noise, a slow
// median is load.
const PRESSURE = { dropShare: 0.05, roundTripP50Ms: 80, queueP50Ms: 40 };
const ROOM = { roundTripP50Ms: 30, queueP50Ms: 10 };
const GOOD_SECONDS_TO_RAISE = 3;
const SETTLE_MS = 1500; // a change needs this long to show in the numbers

export class QualityAdapter {
  /**
   * @param {object} opts
   * @param {{fps: HTMLSelectElement, size: HTMLSelectElement, quality: HTMLSelectElement}} opts.selects
   * @param {(settings: {fps: number, longSide: number, quality: number}) => void} opts.apply
   * @param {(why: string) => void} opts.explain
   */
  constructor({ selects, apply, explain }) {
    this.selects = selects;
    this.apply = apply;
    this.explain = explain;
    this.level = { quality: 0, size: 0, fps: 0 };
    for (const select of Object.values(selects)) select.addEventListener('change', () => this.push());
    this.reset();
  }

  /** A new run starts from the best settings. */
  reset() {
    this.level = { quality: 0, size: 0, fps: 0 };
    this.good = 0;
    this.changedAt = 0;
    this.last = null;
    this.push();
    this.explain('');
  }

  pinned(dimension) {
    return this.selects[dimension].value !== 'auto';
  }

  /** The settings in force: a pinned value as picked, the others from their ladder. */
  settings() {
    const value = (d) => (this.pinned(d) ? Number(this.selects[d].value) : LADDERS[d][this.level[d]]);
    return { quality: value('quality'), longSide: value('size'), fps: value('fps') };
  }

  push() {
    this.apply(this.settings());
  }

  /**
   * One reading a second: the server's stats message and the page's own split of the round trip.
   * @param {{dropped: number, received: number, queueP50Ms?: number}} stats
   * @param {{p50: number}} networkServer
   */
  observe(stats, networkServer, now = performance.now()) {
    const previous = this.last;
    this.last = { dropped: stats.dropped, received: stats.received };
    if (!previous || stats.received < previous.received) return; // first reading, or a new connection
    const arrived = stats.received - previous.received;
    const dropShare = arrived > 0 ? (stats.dropped - previous.dropped) / arrived : 0;
    const queue = Number.isFinite(stats.queueP50Ms) ? stats.queueP50Ms : 0;
    const reason = pressure(dropShare, networkServer.p50, queue);
    if (reason) {
      this.good = 0;
      if (now - this.changedAt >= SETTLE_MS) this.step(+1, reason, now);
    } else if (dropShare === 0 && networkServer.p50 < ROOM.roundTripP50Ms && queue < ROOM.queueP50Ms) {
      this.good++;
      if (this.good >= GOOD_SECONDS_TO_RAISE && now - this.changedAt >= SETTLE_MS) {
        this.good = 0;
        this.step(-1, `${GOOD_SECONDS_TO_RAISE} s without drops, round trip ${Math.round(networkServer.p50)} ms`,
          now);
      }
    } else {
      this.good = 0; // between the thresholds: hold
    }
  }

  /** +1 lowers the first dimension that can go down; -1 raises the last one lowered. */
  step(direction, reason, now) {
    const order = direction > 0 ? DOWN_ORDER : [...DOWN_ORDER].reverse();
    const dimension = order.find((d) => !this.pinned(d)
      && (direction > 0 ? this.level[d] < LADDERS[d].length - 1 : this.level[d] > 0));
    if (!dimension) return;
    this.level[dimension] += direction;
    this.changedAt = now;
    this.push();
    const value = this.settings()[dimension === 'size' ? 'longSide' : dimension];
    this.explain(`${direction > 0 ? 'lowered' : 'raised'} ${NAMES[dimension]} to ${format(dimension, value)}: ${reason}`);
  }

  /** Levels for the test hook and the client stats: 0 is the best of each ladder. */
  levels() {
    return { ...this.level };
  }
}

function pressure(dropShare, roundTrip, queue) {
  if (dropShare > PRESSURE.dropShare) return `the server dropped ${Math.round(dropShare * 100)}% of frames`;
  if (queue > PRESSURE.queueP50Ms) return `frames waited ${Math.round(queue)} ms for a worker`;
  if (roundTrip > PRESSURE.roundTripP50Ms) return `round trip ${Math.round(roundTrip)} ms`;
  return null;
}

function format(dimension, value) {
  if (dimension === 'quality') return String(Math.round(value * 100));
  if (dimension === 'size') return `${value} px`;
  return `${value} fps`;
}
