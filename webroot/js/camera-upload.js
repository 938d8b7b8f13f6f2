// One recording's tus upload (tus-js-client, vendored): created as the recording starts with its length
// deferred, fed a fixed-size chunk at a time, and after any failure resumed from the offset the server
// reports (HEAD), with retries backing off. The last PATCH's answer names the library video.

import { ChecksumHttpStack } from './checksum-http.js';

const ENDPOINT = '/api/uploads';
export const CHUNK_SIZE = 256 * 1024;
const BACKOFF_S = [1, 2, 4, 8, 15];

/** Answers no retry can mend, and what a person can do about them. */
const FATAL = {
  404: 'The server no longer has this upload (it was deleted). Record again.',
  410: 'The upload expired on the server before it was finished. Record again.',
  413: 'The recording is larger than the server accepts. Record a shorter video.',
  507: 'The server is out of disk space. Your recording is kept in this browser: try “Resume upload” later.',
};

export class CameraUpload {
  /**
   * hooks: onState(state, seconds) with 'uploading' | 'retrying' | 'resumed', onUploaded(bytes),
   * onDone(videoId), onFatal(message).
   */
  constructor({ store, rec, source, hooks }) {
    Object.assign(this, { store, rec, source, hooks });
    this.failures = 0;
    this.timer = null;
    this.upload = null;
  }

  start() {
    const tus = window.tus;
    const options = {
      chunkSize: CHUNK_SIZE,
      uploadLengthDeferred: true,
      retryDelays: null, // retries are ours: unlimited, backing off, and shown on the page
      // The title has the server recording's form ("Recording 2026-12-06 01:52"); the file keeps its extension.
      metadata: { title: `Camera recording ${minute(this.rec.createdAt)}`,
        filename: `Camera recording ${minute(this.rec.createdAt)}.webm`, filetype: this.rec.mimeType },
      fingerprint: async () => null, // the upload URL is kept with the recording in IndexedDB instead
      storeFingerprintForResuming: false,
      fileReader: { openFile: async () => this.source },
      httpStack: new ChecksumHttpStack(new tus.DefaultHttpStack()),
      onUploadUrlAvailable: () => this.urlAvailable(),
      onChunkComplete: (size, accepted) => this.acknowledged(accepted),
      onSuccess: ({ lastResponse }) => this.hooks.onDone(lastResponse.getHeader('Livelens-Video-Id')),
      onError: (error) => this.failed(error),
    };
    // With a known URL there is no endpoint: a lost upload must be reported, not silently begun anew.
    if (this.rec.uploadUrl) options.uploadUrl = this.rec.uploadUrl;
    else options.endpoint = ENDPOINT;
    this.upload = new tus.Upload(this.source, options);
    this.upload.start();
  }

  stop() {
    clearTimeout(this.timer);
    this.upload?.abort();
  }

  urlAvailable() {
    if (!this.rec.uploadUrl) {
      this.rec.uploadUrl = this.upload.url;
      this.store.update(this.rec);
    }
    if (this.failures > 0) this.hooks.onState('resumed');
  }

  acknowledged(offset) {
    this.failures = 0;
    this.source.dropBelow(offset);
    this.store.ack(this.rec, offset);
    this.hooks.onUploaded(offset);
    this.hooks.onState('uploading');
  }

  failed(error) {
    const status = error.originalResponse?.getStatus?.() ?? 0;
    const fatal = FATAL[status] ?? (error.message?.includes('no longer has the start') ? FATAL[404] : null);
    if (fatal) {
      this.hooks.onFatal(fatal, status);
      return;
    }
    const seconds = BACKOFF_S[Math.min(this.failures, BACKOFF_S.length - 1)];
    this.failures += 1;
    this.hooks.onState('retrying', seconds);
    this.timer = setTimeout(() => this.start(), seconds * 1000);
  }
}

/** "2026-12-06 01:53": this browser's local time, to the minute. */
function minute(epochMs) {
  const d = new Date(epochMs);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
