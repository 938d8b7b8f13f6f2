// Encodes camera frames to JPEG off the main thread. Frames come at the camera's own pace, either
// straight from the track (a MediaStreamTrackProcessor's stream, transferred here) or as bitmaps
// the page grabbed; each is encoded at once if the page has granted a credit and the chosen rate
// says it is due, otherwise closed unread, so no stale frame ever waits in a queue.

import { fitted, nowMs } from './frame-geometry.js';

const TOLERANCE_MS = 4; // a camera's frames jitter by a few ms around their period

const settings = { longSide: 640, quality: 0.8, fps: 30 };
let credits = 0;
let epoch = 0;
let encoding = false;
let dueAt = 0;
let skipped = 0;
let reader = null;
let canvas = null;
let ctx = null;

self.onmessage = (event) => {
  const msg = event.data;
  switch (msg.type) {
    case 'readable':
      pump(msg.readable);
      break;
    case 'frame':
      offer(msg.bitmap, msg.capturedAt);
      break;
    case 'settings':
      Object.assign(settings, msg.settings);
      break;
    case 'grant':
      if (msg.epoch === epoch) credits++;
      break;
    case 'reset':
      credits = 0;
      epoch = msg.epoch;
      break;
    case 'stop':
      credits = 0;
      reader?.cancel().catch(() => {});
      reader = null;
      break;
    default:
      break;
  }
};

async function pump(readable) {
  reader?.cancel().catch(() => {});
  const mine = readable.getReader();
  reader = mine;
  try {
    for (;;) {
      const { value, done } = await mine.read();
      if (done || reader !== mine) {
        value?.close();
        return;
      }
      offer(value, nowMs());
    }
  } catch {
    // the track ended or the page stopped: nothing more to read
  }
}

/** Decides on arrival: encode now, or let the frame go. */
function offer(image, capturedAt) {
  if (encoding || !due(capturedAt)) {
    image.close();
    return;
  }
  if (credits <= 0) {
    skipped++; // due, but the page has two frames unanswered
    image.close();
    return;
  }
  credits--;
  encoding = true;
  encode(image, capturedAt, epoch).finally(() => {
    encoding = false;
  });
}

function due(now) {
  const period = 1000 / settings.fps;
  if (now < dueAt - TOLERANCE_MS) return false;
  // Far behind (a pause, a slow encode): start again from now rather than send a burst.
  dueAt = now - dueAt > period ? now + period : dueAt + period;
  return true;
}

async function encode(image, capturedAt, mine) {
  try {
    const [w, h] = fitted(image.displayWidth ?? image.width, image.displayHeight ?? image.height, settings.longSide);
    if (!canvas || canvas.width !== w || canvas.height !== h) {
      canvas = new OffscreenCanvas(w, h);
      ctx = canvas.getContext('2d', { alpha: false });
    }
    ctx.drawImage(image, 0, 0, w, h);
    image.close(); // the camera's buffer goes back to it before the slow part
    const quality = settings.quality;
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    // Four bytes kept in front for the frame id, so the page sends this buffer as it is.
    const message = new Uint8Array(4 + blob.size);
    message.set(new Uint8Array(await blob.arrayBuffer()), 4);
    self.postMessage({ type: 'jpeg', epoch: mine, buffer: message.buffer, capturedAt, width: w,
      height: h, quality, skipped }, [message.buffer]);
    skipped = 0;
  } catch (err) {
    image.close();
    self.postMessage({ type: 'failed', epoch: mine, message: String(err?.message || err) }); // the credit comes back
  }
}
