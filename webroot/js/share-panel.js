// The watch page's Share panel: the video's link (optionally at the current time, ?t=), an embed code for
// /embed/<id>, and "report this video". A private video cannot be shared: it says so instead.

import { askAndReport } from './report-dialog.js';

const id = decodeURIComponent(location.pathname.split('/').pop());
const player = document.getElementById('player');
const link = document.getElementById('share-link');
const embed = document.getElementById('embed-code');
const status = document.getElementById('share-status');
const atTime = document.getElementById('share-at-time');
const say = (text) => { status.textContent = text; };

function links() {
  const t = atTime.checked ? Math.floor(player.currentTime || 0) : 0;
  const query = t > 0 ? `?t=${t}` : '';
  link.value = `${location.origin}/watch/${encodeURIComponent(id)}${query}`;
  embed.value = `<iframe src="${location.origin}/embed/${encodeURIComponent(id)}${query}" width="640" height="400" `
    + 'title="LiveLens video" allow="fullscreen; picture-in-picture" allowfullscreen></iframe>';
}

/** Copies the field's text; where the clipboard is not allowed (plain http), selects it for Ctrl+C. */
async function copy(field, what) {
  links();
  try {
    await navigator.clipboard.writeText(field.value);
    say(`${what} copied.`);
  } catch {
    field.select();
    say(`${what} selected: press Ctrl+C (or ⌘C) to copy it.`);
  }
}

/** Shows the panel for the video as it is now (the watch page tells each change of it). */
function update(video) {
  const shareable = video.visibility !== 'private';
  document.getElementById('share').hidden = false;
  document.getElementById('share-controls').hidden = !shareable;
  document.getElementById('share-private').hidden = shareable;
  document.getElementById('report-video').hidden = video.yours;
  if (shareable) links();
}

document.getElementById('share-button').addEventListener('click', () => copy(link, 'Link'));
document.getElementById('embed-copy').addEventListener('click', () => copy(embed, 'Embed code'));
atTime.addEventListener('change', links);
document.getElementById('report-video').addEventListener('click', async () => {
  say(await askAndReport({ video: id }, 'this video'));
});
document.addEventListener('livelens:video', (event) => update(event.detail));
