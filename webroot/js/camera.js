// Camera capture: open the webcam, close it again, and turn failures into
// messages a person can act on.

export class CameraError extends Error {
  constructor(kind, message, cause) {
    super(message);
    this.name = 'CameraError';
    this.kind = kind; // 'denied' | 'missing' | 'other'
    this.cause = cause;
  }
}

/** Asks for the camera and returns its MediaStream. Throws CameraError. */
export async function openCamera() {
  if (!navigator.mediaDevices?.getUserMedia) {
    // Also what browsers do on plain http from a non-localhost origin.
    throw new CameraError('missing',
      'No camera found: this browser offers no camera access here ' +
      '(the page must be opened over https or from localhost).');
  }
  try {
    return await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
  } catch (err) {
    throw toCameraError(err);
  }
}

/** Stops every track so the camera light goes off. */
export function closeCamera(stream) {
  stream?.getTracks().forEach((track) => track.stop());
}

/** Number of tracks still delivering frames. */
export function liveTrackCount(stream) {
  return stream ? stream.getTracks().filter((t) => t.readyState === 'live').length : 0;
}

function toCameraError(err) {
  switch (err?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CameraError('denied',
        'Camera permission denied. Allow camera access for this site ' +
        '(click the camera or lock icon in the address bar, set Camera to Allow), then press Start again.', err);
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new CameraError('missing',
        'No camera found. Connect a camera (or enable it in your system settings), then press Start again.', err);
    case 'NotReadableError':
      return new CameraError('other',
        'The camera could not be opened; another application may be using it. Close it and press Start again.', err);
    default:
      return new CameraError('other', `The camera could not be opened (${err?.message || err}).`, err);
  }
}
