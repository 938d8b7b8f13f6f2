// Shows processed replies: a worker decodes each JPEG to a bitmap, and the bitmap is handed to a
// canvas without a copy (bitmaprenderer); the canvas's captureStream() feeds the "Processed" <video>,
// so both panes behave like ordinary videos.

import { nowMs } from './frame-geometry.js';

export class Renderer {
  /**
   * @param {HTMLVideoElement} video
   * @param {(id: number, at: number) => void} onDrawn  a reply is on the canvas (nowMs() time)
   */
  constructor(video, onDrawn) {
    this.video = video;
    this.onDrawn = onDrawn;
    this.canvas = document.createElement('canvas');
    this.canvas.width = 640;
    this.canvas.height = 480;
    this.ctx = this.canvas.getContext('bitmaprenderer');
    this.decoder = new Worker(new URL('./decode-worker.js', import.meta.url), { type: 'module' });
    this.decoder.onmessage = (event) => this.place(event.data);
    this.stream = null;
    this.attached = false;
    this.lastDrawnId = -1;
  }

  /** Attaches the canvas stream to the video (once per Start). */
  attach() {
    this.lastDrawnId = -1;
    this.attached = true;
    this.ctx.transferFromImageBitmap(null); // no stale frame from the last run
    if (!this.stream) this.stream = this.canvas.captureStream();
    this.video.srcObject = this.stream;
  }

  detach() {
    this.attached = false;
    this.video.srcObject = null;
  }

  /** Hands a reply (4-byte id + JPEG) to the decoder; the buffer moves there, it is not copied. */
  decode(id, buffer) {
    this.decoder.postMessage({ id, buffer }, [buffer]);
  }

  place({ id, bitmap }) {
    if (!bitmap) return;
    // Replies may be decoded out of order; an older one than on screen is skipped.
    if (!this.attached || id < this.lastDrawnId) {
      bitmap.close();
      return;
    }
    this.lastDrawnId = id;
    if (this.canvas.width !== bitmap.width || this.canvas.height !== bitmap.height) {
      this.canvas.width = bitmap.width;
      this.canvas.height = bitmap.height;
    }
    this.ctx.transferFromImageBitmap(bitmap); // the bitmap is the canvas's now: nothing to close
    this.onDrawn(id, nowMs());
  }
}
