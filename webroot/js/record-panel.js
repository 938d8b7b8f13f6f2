// The "Record camera" panel: records the camera (and microphone) while uploading the recording, shows
// recorded vs uploaded bytes and the upload's state, and offers to resume an upload that a reloaded tab
// left unfinished. The state lives in one data-state attribute that CSS and tests read.

import { openStore } from './recording-store.js';
import { RecordingSource } from './recording-source.js';
import { CameraRecorder, openRecordingMedia } from './camera-recorder.js';
import { CameraUpload } from './camera-upload.js';
import { replyTo } from './social-api.js';

/** Where a finished video is watched: its page in the library. */
export const videoUrl = (id) => `/watch/${encodeURIComponent(id)}`;

const $ = (id) => document.getElementById(id);
const LABELS = {
  idle: 'Not recording', starting: 'Starting the camera…', uploading: 'Recording and uploading',
  retrying: 'Retrying', resumed: 'Resumed', finishing: 'Uploading the rest…', processing: 'Processing on the server…',
  done: 'Done', failed: 'Failed',
};
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

const els = {
  panel: $('record-panel'), button: $('record-camera'), state: $('rec-state'), recorded: $('rec-recorded'),
  uploaded: $('rec-uploaded'), message: $('rec-message'), link: $('rec-link'), sha: $('rec-sha256'),
  offer: $('rec-resume'), offerText: $('rec-resume-text'), resume: $('rec-resume-button'), discard: $('rec-discard'),
};
let store = null;
let current = null; // { rec, source, recorder, upload, writes }
let countdown = null;

function setState(state, seconds) {
  clearInterval(countdown);
  els.state.dataset.state = state;
  els.state.textContent = LABELS[state];
  if (state === 'retrying') {
    let left = seconds;
    const tick = () => { els.state.textContent = `Connection lost – retrying in ${left} s`; left -= 1; };
    tick();
    countdown = setInterval(tick, 1000);
  }
}

function message(text) {
  els.message.textContent = text;
}

async function startRecording() {
  setState('starting');
  message('');
  els.link.hidden = true;
  els.offer.hidden = true;
  let stream;
  try {
    stream = await openRecordingMedia();
  } catch (err) {
    setState('failed');
    message(err.message);
    return;
  }
  const source = new RecordingSource();
  const recorder = new CameraRecorder(stream, (blob) => {
    source.append(blob);
    // Stored in order; the upload never waits for IndexedDB, IndexedDB only backs it up.
    current.writes = current.writes.then(() => store.append(current.rec, blob)).catch(storageFailed);
    els.recorded.textContent = mb(source.end);
  });
  const rec = await store.create(recorder.mimeType);
  current = { rec, source, recorder, writes: Promise.resolve() };
  current.upload = uploadFor(rec, source);
  recorder.start();
  current.upload.start();
  setState('uploading');
  if (!recorder.hasAudio) message('Recording without sound: the microphone was not allowed or not found.');
  els.button.textContent = 'Stop recording';
  els.button.setAttribute('aria-pressed', 'true');
}

async function stopRecording() {
  const { recorder, source, rec } = current;
  els.button.disabled = true;
  await recorder.stop();
  await current.writes;
  rec.stopped = true;
  await store.update(rec);
  source.finish();
  els.sha.textContent = await recorder.sha256();
  els.button.textContent = 'Record camera';
  els.button.setAttribute('aria-pressed', 'false');
  if (els.state.dataset.state === 'uploading') setState('finishing');
}

function uploadFor(rec, source) {
  els.uploaded.textContent = mb(rec.acked);
  return new CameraUpload({
    store, rec, source,
    hooks: {
      onState: (state, seconds) => setState(current?.rec.stopped && state === 'uploading' ? 'finishing' : state, seconds),
      onUploaded: (bytes) => { els.uploaded.textContent = mb(bytes); },
      onDone: (videoId) => uploaded(rec, videoId),
      onFatal: (text, status) => {
        setState('failed');
        message(text);
        if (status === 507) offer(rec);
      },
    },
  });
}

async function uploaded(rec, videoId) {
  await store.remove(rec);
  els.button.disabled = false;
  els.panel.dataset.video = videoId;
  setState('processing');
  message('Uploaded. The server is preparing the video for playback…');
  await linkReply(videoId);
  for (;;) {
    const video = await fetch(`/api/videos/${videoId}`).then((r) => r.json()).catch(() => null);
    if (video?.status === 'ready') break;
    if (video?.status === 'failed') {
      setState('failed');
      message(`The server could not use the recording: ${video.reason}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  setState('done');
  message('');
  els.link.href = videoUrl(videoId);
  els.link.hidden = false;
}

/** Opened from a video's "Record a reply" (/?replyTo=<id>): the recording answers that video. */
async function linkReply(videoId) {
  const parent = new URLSearchParams(location.search).get('replyTo');
  if (!parent) return;
  try {
    await replyTo(videoId, parent);
  } catch (e) {
    message(`Uploaded, but it could not be linked as a reply: ${e.message}`);
  }
}

function storageFailed(err) {
  message(`This browser could not keep the recording for resuming (${err?.message || err}); the upload goes on.`);
}

/** Shows the unfinished upload a reloaded tab left behind, with Resume and Discard. */
function offer(rec) {
  els.offerText.textContent = `An upload from ${new Date(rec.createdAt).toLocaleString()} did not finish: `
    + `${mb(rec.recorded)} recorded, ${mb(rec.acked)} on the server.`;
  els.offer.hidden = false;
  els.resume.onclick = () => resume(rec);
  els.discard.onclick = () => discard(rec);
  els.resume.focus();
}

async function resume(rec) {
  els.offer.hidden = true;
  message('');
  rec.stopped = true; // the recording itself ended with the old tab; what it left is uploaded
  await store.update(rec);
  const source = new RecordingSource(await store.chunks(rec), true);
  els.recorded.textContent = mb(rec.recorded);
  current = { rec, source, recorder: null, writes: Promise.resolve() };
  current.upload = uploadFor(rec, source);
  els.button.disabled = true;
  setState('finishing');
  current.upload.start();
}

async function discard(rec) {
  els.offer.hidden = true;
  if (rec.uploadUrl) {
    await fetch(rec.uploadUrl, { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0' } }).catch(() => {});
  }
  await store.remove(rec);
  message('The unfinished upload was discarded.');
}

export async function initRecordPanel() {
  if (!window.MediaRecorder || !window.indexedDB || !window.tus?.isSupported) {
    els.button.disabled = true;
    message('This browser cannot record and upload video here (it needs MediaRecorder and IndexedDB).');
    return;
  }
  store = await openStore();
  setState('idle');
  els.button.addEventListener('click', () => (current?.recorder && els.button.getAttribute('aria-pressed') === 'true'
    ? stopRecording() : startRecording()));
  const [unfinished] = await store.unfinished();
  if (unfinished) offer(unfinished);
}

initRecordPanel().catch((err) => message(`Recording is not available: ${err?.message || err}`));
