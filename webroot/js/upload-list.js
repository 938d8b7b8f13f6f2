// The uploads on the library page: a row per file with its progress bar, bytes, speed and time left,
// and Pause / Resume / Cancel; and, after a reload, the unfinished uploads this browser remembers.

import { size } from './library-format.js';
import { TransferRate } from './transfer-rate.js';

const ACTIVE = new Set(['waiting', 'uploading', 'paused']);
const LABELS = {
  waiting: 'waiting', uploading: 'uploading', paused: 'paused', processing: 'processing on the server',
  ready: 'ready', failed: 'failed', cancelled: 'cancelled',
};

export function uploadList(list) {
  const rows = new Map();

  function row(upload) {
    let entry = rows.get(upload);
    if (entry) return entry;
    const li = document.createElement('li');
    li.className = 'upload';
    const name = document.createElement('span');
    name.className = 'upload-name';
    name.textContent = upload.file.name;
    const bar = document.createElement('progress');
    bar.max = 1;
    bar.setAttribute('aria-label', `${upload.file.name} uploaded`);
    const text = document.createElement('span');
    text.className = 'upload-text';
    const buttons = document.createElement('span');
    buttons.className = 'upload-buttons';
    const pause = button('Pause', upload, () => upload.pause());
    const resume = button('Resume', upload, () => upload.resume());
    const cancel = button('Cancel', upload, () => upload.cancel());
    buttons.append(pause, resume, cancel);
    li.append(name, bar, text, buttons);
    list.append(li);
    entry = { li, bar, text, pause, resume, cancel, rate: new TransferRate() };
    rows.set(upload, entry);
    return entry;
  }

  return function show(upload) {
    const { li, bar, text, pause, resume, cancel, rate } = row(upload);
    const total = upload.file.size;
    if (upload.state === 'uploading') rate.add(upload.sent);
    else rate.reset();
    bar.value = total > 0 ? upload.sent / total : 1;
    const parts = [LABELS[upload.state], `${size(upload.sent)} of ${size(total)}`];
    const speed = rate.bytesPerSecond();
    const left = rate.secondsLeft(total);
    if (upload.state === 'uploading' && speed) parts.push(`${size(speed)}/s`);
    if (upload.state === 'uploading' && left != null) parts.push(`${Math.ceil(left)} s left`);
    if (upload.resumedFrom) parts.push(`resumed at ${size(upload.resumedFrom)}`);
    text.textContent = parts.join(' · ') + (upload.message ? ` — ${upload.message}` : '');
    pause.hidden = upload.state !== 'uploading';
    resume.hidden = upload.state !== 'paused';
    cancel.hidden = !ACTIVE.has(upload.state);
    Object.assign(li.dataset, {
      state: upload.state, sent: upload.sent, total, name: upload.file.name,
      video: upload.videoId ?? '', resumedFrom: upload.resumedFrom ?? '',
    });
    list.hidden = false;
  };
}

function button(label, upload, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.setAttribute('aria-label', `${label} the upload of ${upload.file.name}`);
  b.addEventListener('click', action);
  return b;
}

/** The uploads a reload or a closed tab left unfinished, as tus-js-client remembers them in this browser. */
export async function showUnfinished(section, list) {
  const storage = window.tus.defaultOptions.urlStorage;
  const all = await storage.findAllUploads();
  list.replaceChildren(...all.map((entry) => {
    const li = document.createElement('li');
    const name = entry.metadata?.filename ?? 'a file';
    li.dataset.name = name;
    li.textContent = `${name} (${size(entry.size)}): choose or drop it again to go on where it stopped. `;
    const forget = document.createElement('button');
    forget.type = 'button';
    forget.textContent = 'Discard';
    forget.setAttribute('aria-label', `Discard the unfinished upload of ${name}`);
    forget.addEventListener('click', async () => {
      await fetch(entry.uploadUrl, { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0' } }).catch(() => {});
      await storage.removeUpload(entry.urlStorageKey);
      showUnfinished(section, list);
    });
    li.append(forget);
    return li;
  }));
  section.hidden = all.length === 0;
}
