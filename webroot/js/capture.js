// Feeds camera frames to the encoder worker with the camera's own timing, by the best means the
// browser has: the track's frames themselves (MediaStreamTrackProcessor, read in the worker, so the
// main thread never touches a frame), else a bitmap per presented frame (requestVideoFrameCallback),
// else a bitmap per timer tick.

import { nowMs } from './frame-geometry.js';

/**
 * Starts feeding; returns the means used and a function that stops it.
 * @param {MediaStream} stream
 * @param {HTMLVideoElement} video  plays the same stream
 * @param {Worker} encoder
 * @param {() => boolean} wanted  whether the encoder can use a frame now (saves grabbing one for nothing)
 */
export function startCapture(stream, video, encoder, wanted) {
  const track = stream.getVideoTracks()[0];
  if (typeof MediaStreamTrackProcessor === 'function' && track) {
    try {
      const { readable } = new MediaStreamTrackProcessor({ track });
      encoder.postMessage({ type: 'readable', readable }, [readable]);
      return { via: 'track-processor', stop: () => encoder.postMessage({ type: 'stop' }) };
    } catch {
      // a browser that cannot transfer the stream takes the bitmap path below
    }
  }
  let stopped = false;
  const grab = () => {
    if (stopped || !wanted() || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
    const capturedAt = nowMs();
    createImageBitmap(video)
      .then((bitmap) => encoder.postMessage({ type: 'frame', bitmap, capturedAt }, [bitmap]))
      .catch(() => {}); // a frame that could not be grabbed is one frame less
  };
  if (typeof video.requestVideoFrameCallback === 'function') {
    const onFrame = () => {
      if (stopped) return;
      grab();
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
    return { via: 'video-frame-callback', stop: () => { stopped = true; } };
  }
  const timer = setInterval(grab, 1000 / 60);
  return { via: 'timer', stop: () => { stopped = true; clearInterval(timer); } };
}
