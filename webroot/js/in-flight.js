// Tracks frames sent but not yet answered, so the page never has more than a
// couple in flight and adapts its rate to what the server gives back.

// A frame the server dropped is never answered, and the page only learns of it from the next
// stats message. Waiting a few round trips (never less than the server's own queue bound plus
// some work, never more than maxTimeoutMs) keeps a stream under overload from freezing for long.
const MIN_TIMEOUT_MS = 300;
const ROUND_TRIPS_BEFORE_GIVING_UP = 4;

export class InFlight {
  constructor(max = 2, maxTimeoutMs = 1000) {
    this.max = max;
    this.maxTimeoutMs = maxTimeoutMs;
    this.sentAt = new Map(); // frame id -> performance.now() at send
    this.lastAnswerAt = 0;
    this.typicalRttMs = 0;   // moving average of round trips
  }

  get timeoutMs() {
    if (this.typicalRttMs === 0) return this.maxTimeoutMs;
    const wait = ROUND_TRIPS_BEFORE_GIVING_UP * this.typicalRttMs;
    return Math.min(this.maxTimeoutMs, Math.max(MIN_TIMEOUT_MS, wait));
  }

  get size() {
    return this.sentAt.size;
  }

  /** Slots free now, after giving up frames unanswered for too long. */
  free(now) {
    this.expire(now);
    return Math.max(0, this.max - this.sentAt.size);
  }

  add(id, now) {
    this.sentAt.set(id, now);
  }

  /**
   * Marks a frame answered and returns its round-trip time, or null when the id
   * was not outstanding. Older ids are forgotten too: the server drops frames
   * silently (it reports drops in stats), so they will never be answered.
   */
  answer(id, now) {
    const sent = this.sentAt.get(id);
    for (const pending of this.sentAt.keys()) {
      if (pending <= id) this.sentAt.delete(pending);
    }
    if (sent === undefined) return null;
    this.lastAnswerAt = now;
    const rtt = now - sent;
    this.typicalRttMs = this.typicalRttMs === 0 ? rtt : 0.9 * this.typicalRttMs + 0.1 * rtt;
    return rtt;
  }

  /** Forgets the frames in flight (a new connection); what was learnt of round trips stays. */
  clear() {
    this.sentAt.clear();
  }

  // If nothing came back for a while, forget everything so the stream cannot stall.
  expire(now) {
    if (this.sentAt.size === 0) return;
    const oldest = Math.min(...this.sentAt.values());
    if (now - Math.max(oldest, this.lastAnswerAt) >= this.timeoutMs) this.sentAt.clear();
  }
}
