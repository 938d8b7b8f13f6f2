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

  /**
   * Resolves to a JPEG Blob (or null if the encoder gave nothing), scaled so its longer side is the
   * longer side of width x height and its shape is the camera's: a phone held upright (480x640) or
   * a 16:9 webcam is not squashed into 4:3.
   */
  grab(width, height) {
    const [w, h] = fitted(this.video.videoWidth, this.video.videoHeight, Math.max(width, height));
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    this.ctx.drawImage(this.video, 0, 0, w, h);
    return new Promise((resolve) => this.canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  }
}

/** The camera's size scaled (down or up) so its longer side is longSide pixels. */
function fitted(videoWidth, videoHeight, longSide) {
  const scale = longSide / Math.max(videoWidth, videoHeight);
  return [Math.max(1, Math.round(videoWidth * scale)), Math.max(1, Math.round(videoHeight * scale))];
}
