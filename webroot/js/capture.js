// Grabs the current camera frame as a JPEG at the chosen size.

const JPEG_QUALITY = 0.8;

export class FrameGrabber {
  constructor(video) {
    this.video = video;
    // A detached canvas: it is only a scratch surface for the encoder.
    this.canvas = document.createElement('canvas');
    this.ctx = this.canvas.getContext('2d', { alpha: false });
  }

  /** True once the video element has a frame to copy. */
  get ready() {
    return this.video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && this.video.videoWidth > 0;
  }

  /** Resolves to a JPEG Blob (or null if the encoder gave nothing). */
  grab(width, height) {
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    // Scaled to the requested size; the server sees exactly width x height.
    this.ctx.drawImage(this.video, 0, 0, width, height);
    return new Promise((resolve) => this.canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  }
}
