// Draws processed JPEG replies onto a canvas whose captureStream() feeds the
// "Processed" <video>, so both panes behave like ordinary videos.

export class Renderer {
  constructor(video) {
    this.video = video;
    this.canvas = document.createElement('canvas');
    this.canvas.width = 640;
    this.canvas.height = 480;
    this.ctx = this.canvas.getContext('2d', { alpha: false });
    this.stream = null;
    this.lastDrawnId = -1;
  }

  /** Attaches the canvas stream to the video (once per Start). */
  attach() {
    this.lastDrawnId = -1;
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height); // no stale frame from the last run
    if (!this.stream) this.stream = this.canvas.captureStream();
    this.video.srcObject = this.stream;
  }

  detach() {
    this.video.srcObject = null;
  }

  /** Decodes and draws one reply; stale replies (decoded out of order) are skipped. */
  async draw(id, jpegBytes) {
    let bitmap;
    try {
      bitmap = await createImageBitmap(new Blob([jpegBytes], { type: 'image/jpeg' }));
    } catch {
      return false; // an undecodable reply is skipped, the next one will do
    }
    try {
      if (id < this.lastDrawnId) return false;
      this.lastDrawnId = id;
      if (this.canvas.width !== bitmap.width || this.canvas.height !== bitmap.height) {
        this.canvas.width = bitmap.width;
        this.canvas.height = bitmap.height;
      }
      this.ctx.drawImage(bitmap, 0, 0);
      return true;
    } finally {
      bitmap.close(); // frees the decoded pixels now rather than at GC time
    }
  }
}
