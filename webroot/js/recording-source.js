// One recording's bytes as tus-js-client reads them (its "file source": slice(start, end) resolves to
// {value, done}). Bytes arrive while recording; a slice waits until a whole chunk is there or the
// recording has ended, so every PATCH but the last has the same size. Bytes the server acknowledged are
// dropped; asking for them again means the server lost the upload, which no retry can mend.

export class RecordingSource {
  /** parts: [{start, blob}] already recorded (after a reload), ended: no more will come. */
  constructor(parts = [], ended = false) {
    this.parts = [...parts];
    const last = this.parts[this.parts.length - 1];
    this.end = last ? last.start + last.blob.size : 0;
    this.floor = this.parts.length ? this.parts[0].start : 0;
    this.ended = ended;
    this.waiting = [];
  }

  append(blob) {
    this.parts.push({ start: this.end, blob });
    this.end += blob.size;
    this.wake();
  }

  finish() {
    this.ended = true;
    this.wake();
  }

  dropBelow(offset) {
    this.parts = this.parts.filter((p) => p.start + p.blob.size > offset);
    this.floor = Math.max(this.floor, this.parts.length ? this.parts[0].start : offset);
  }

  async slice(start, end) {
    if (start < this.floor) {
      throw new Error('the server no longer has the start of this recording, and this device no longer has it either');
    }
    while (!this.ended && this.end < end) {
      await new Promise((resolve) => this.waiting.push(resolve));
    }
    const stop = Math.min(end, this.end);
    const pieces = this.parts.filter((p) => p.start < stop && p.start + p.blob.size > start)
      .map((p) => p.blob.slice(Math.max(0, start - p.start), stop - p.start));
    return { value: new Blob(pieces), done: this.ended && stop >= this.end };
  }

  close() {}

  wake() {
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((resolve) => resolve());
  }
}
