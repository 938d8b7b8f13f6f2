// Tracks frames sent but not yet answered, so the page never has more than a
// couple in flight and adapts its rate to what the server gives back.

export class InFlight {
  constructor(max = 2, timeoutMs = 1000) {
    this.max = max;
    this.timeoutMs = timeoutMs;
    this.sentAt = new Map(); // frame id -> performance.now() at send
    this.lastAnswerAt = 0;
  }

  get size() {
    return this.sentAt.size;
  }

  /** True when another frame may go out now. */
  hasRoom(now) {
    this.expire(now);
    return this.sentAt.size < this.max;
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
    return now - sent;
  }

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
