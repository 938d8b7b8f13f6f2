// One file from the person's disk uploaded with tus (tus-js-client, vendored): resumable across a lost
// connection and a reload (tus-js-client keeps the upload's address in localStorage under the file's
// name, type, size and date, so choosing the same file again goes on where the server has it), each
// chunk with its SHA-256 (checksum-http.js). Then the library video is followed until ready or failed.

import { ChecksumHttpStack } from './checksum-http.js';
import { getVideo } from './library-api.js';
import { size } from './library-format.js';

const ENDPOINT = '/api/uploads';
/** Large enough for speed on a fast link; a reload loses at most the chunk on its way. */
const CHUNK_BYTES = 8 * 1024 * 1024;
const RETRY_MS = [0, 1000, 3000, 5000, 10000, 20000, 30000];
/** Answers that no retry mends. */
const FINAL = new Set([400, 403, 404, 410, 412, 413, 415, 507]);
const POLL_MS = 1500;

/** The chunk size: a test or a person debugging may set sessionStorage 'livelens.uploadChunkBytes'. */
function chunkBytes() {
  const asked = Number(sessionStorage.getItem('livelens.uploadChunkBytes'));
  return asked >= 64 * 1024 ? asked : CHUNK_BYTES;
}

export class FileUpload {
  /** hooks: changed(upload) on every change of state or progress; videoAdded(videoId); ended(upload). */
  constructor(file, hooks) {
    this.file = file;
    this.hooks = hooks;
    this.state = 'waiting'; // waiting, uploading, paused, processing, ready, failed, cancelled
    this.sent = 0;
    this.resumedFrom = null;
    this.message = '';
    this.videoId = null;
    this.tus = null;
  }

  async start() {
    const tus = window.tus;
    this.tus = new tus.Upload(this.file, {
      endpoint: ENDPOINT,
      chunkSize: chunkBytes(),
      retryDelays: RETRY_MS,
      metadata: { filename: this.file.name, filetype: this.file.type || 'application/octet-stream' },
      removeFingerprintOnSuccess: true,
      httpStack: new ChecksumHttpStack(new tus.DefaultHttpStack()),
      onShouldRetry: (error) => !FINAL.has(error.originalResponse?.getStatus?.() ?? 0),
      onProgress: (sent) => this.progress(sent),
      onSuccess: ({ lastResponse }) => this.uploaded(lastResponse.getHeader('Livelens-Video-Id')),
      onError: (error) => this.failed(refusal(error, this.file)),
    });
    const previous = await this.tus.findPreviousUploads();
    if (previous.length > 0) {
      this.tus.resumeFromPreviousUpload(previous[0]);
      this.resuming = true;
    }
    this.set('uploading');
    this.tus.start();
  }

  progress(sent) {
    if (this.resuming) {
      this.resumedFrom = sent;
      this.resuming = false;
    }
    this.sent = sent;
    this.hooks.changed(this);
  }

  pause() {
    if (this.state !== 'uploading') return;
    this.tus.abort(false);
    this.set('paused');
  }

  resume() {
    if (this.state !== 'paused') return;
    this.set('uploading');
    this.tus.start();
  }

  /** Stops the upload and deletes what the server has of it (tus termination). */
  async cancel() {
    if (!['waiting', 'uploading', 'paused'].includes(this.state)) return;
    const wasStarted = this.tus !== null;
    this.set('cancelled');
    if (wasStarted) await this.tus.abort(true).catch(() => {});
    this.hooks.ended(this);
  }

  uploaded(videoId) {
    this.sent = this.file.size;
    this.videoId = videoId;
    this.set('processing');
    this.hooks.videoAdded(videoId);
    this.follow();
  }

  /** The video is packaged after the last byte: asked now and then until it is ready or failed. */
  async follow() {
    try {
      const video = await getVideo(this.videoId);
      if (video.status === 'processing') {
        setTimeout(() => this.follow(), POLL_MS);
        return;
      }
      this.message = video.status === 'failed' ? video.reason : '';
      this.set(video.status);
    } catch (e) {
      this.message = `Could not follow the video: ${e.message}`;
      this.set('failed');
    }
    this.hooks.ended(this);
  }

  failed(message) {
    if (this.state === 'cancelled') return;
    this.message = message;
    this.set('failed');
    this.hooks.ended(this);
  }

  set(state) {
    this.state = state;
    this.hooks.changed(this);
  }
}

/** What a person reads when the server refuses the upload, with the limit it names. */
function refusal(error, file) {
  const response = error.originalResponse;
  const status = response?.getStatus?.() ?? 0;
  let message = '';
  try {
    message = JSON.parse(response.getBody()).message ?? '';
  } catch (e) {
    // no JSON body: the generic words below
  }
  if (status === 413) {
    const max = Number(response.getHeader('Tus-Max-Size'));
    return max > 0 ? `${file.name} is ${size(file.size)}; this server takes files up to ${size(max)}.`
      : `${file.name} is larger than this server takes: ${message}`;
  }
  if (status === 507) return `No room for ${file.name} (${size(file.size)}): ${message || 'the server is out of space'}.`;
  if (status === 404 || status === 410) return 'The server no longer has this upload. Choose the file again to start anew.';
  if (message) return `The server refused the upload: ${message}`;
  return `The upload stopped: ${error.message}. Choose the file again to go on where it stopped.`;
}
