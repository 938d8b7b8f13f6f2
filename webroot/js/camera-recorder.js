// MediaRecorder on the camera and, when allowed, the microphone: a WebM chunk every second, handed on as
// it comes; all of them are also kept here so the page can show the SHA-256 of exactly what was recorded.

import { openCamera, closeCamera } from './camera.js';
import { sha256Hex } from './checksum-http.js';

const TYPES = ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm'];
const TIMESLICE_MS = 1000;

/** Camera and microphone; without a microphone (refused or missing) the camera alone. */
export async function openRecordingMedia() {
  try {
    return await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
  } catch {
    return openCamera(); // throws a CameraError a person can act on
  }
}

export class CameraRecorder {
  constructor(stream, onChunk) {
    this.stream = stream;
    this.blobs = [];
    this.mimeType = TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? '';
    this.recorder = new MediaRecorder(stream, { mimeType: this.mimeType, videoBitsPerSecond: 1_500_000 });
    this.recorder.ondataavailable = (event) => {
      if (event.data.size > 0) {
        this.blobs.push(event.data);
        onChunk(event.data);
      }
    };
  }

  get hasAudio() {
    return this.stream.getAudioTracks().length > 0;
  }

  start() {
    this.recorder.start(TIMESLICE_MS);
  }

  /** Resolves after the last chunk was handed on; the camera is off then. */
  stop() {
    return new Promise((resolve) => {
      this.recorder.onstop = () => {
        closeCamera(this.stream);
        resolve();
      };
      this.recorder.stop();
    });
  }

  sha256() {
    return sha256Hex(new Blob(this.blobs));
  }
}
