// The library page: the grid of videos, search, import, uploads from disk (button or drop), rename,
// delete, and jobs' progress.

import { listVideos, renameVideo, deleteVideo, importUrl } from './library-api.js';
import { duration, date } from './library-format.js';
import { askTitle, confirmDelete } from './dialogs.js';
import { followJobs } from './job-feed.js';
import { jobList } from './job-list.js';
import { showSummary } from './watch-summary.js';
import { uploadQueue } from './upload-queue.js';
import { uploadList, showUnfinished } from './upload-list.js';
import { showSpeechHits } from './speech-hits.js';
import { posterLink } from './poster-link.js';

const grid = document.getElementById('videos');
const message = document.getElementById('library-message');
const count = document.getElementById('count');
const query = document.getElementById('q');
const views = document.getElementById('views');

function say(text) {
  message.textContent = text;
}

function card(video) {
  const li = document.createElement('li');
  li.className = 'video-card';
  li.dataset.id = video.id;
  li.dataset.status = video.status;
  const link = posterLink(video);
  const facts = document.createElement('p');
  facts.className = 'video-facts';
  const status = document.createElement('span');
  status.className = 'video-status';
  status.textContent = video.status;
  const visibility = document.createElement('span');
  visibility.className = 'video-visibility';
  visibility.textContent = video.visibility;
  const owner = document.createElement('span');
  owner.className = 'video-owner';
  owner.textContent = video.ownerName ?? 'no owner'; // text, never HTML: names are whatever people typed
  const likes = document.createElement('span');
  likes.className = 'video-likes';
  likes.textContent = `♥ ${video.likes ?? 0}`;
  facts.append(`${duration(video.durationMs)} · ${date(video.created)} · `, status, ' · ', visibility, ' · ', owner,
    ' · ', likes);
  // Why it failed, in the server's words for people (never a path: the server checks each reason).
  const why = document.createElement('p');
  why.className = 'video-reason';
  why.textContent = video.status === 'failed' && video.reason ? video.reason : '';
  why.hidden = !why.textContent;
  const actions = document.createElement('div');
  actions.className = 'card-actions';
  const analytics = document.createElement('a');
  analytics.href = `/watch/${encodeURIComponent(video.id)}/analytics`;
  analytics.textContent = 'Analytics';
  analytics.setAttribute('aria-label', `Analytics of “${video.title}”`);
  // Only what the server would allow this person: the owner (or an admin) renames, deletes, reads analytics.
  if (video.yours) actions.append(button('Rename', video, onRename), button('Delete', video, onDelete), analytics);
  li.append(link, facts, why, actions);
  return li;
}

function button(label, video, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.setAttribute('aria-label', `${label} “${video.title}”`);
  b.addEventListener('click', () => action(video));
  return b;
}

async function onRename(video) {
  const title = await askTitle(video.title);
  if (!title) return;
  try {
    await renameVideo(video.id, title);
    say('Renamed.');
    refresh();
  } catch (e) {
    say(`Could not rename: ${e.message}`);
  }
}

async function onDelete(video) {
  if (!(await confirmDelete(video.title))) return;
  try {
    await deleteVideo(video.id);
    say(`Deleted “${video.title}”.`);
    refresh();
    showSummary(document.getElementById('watch-summary')).catch(() => {}); // a deleted video leaves it too
  } catch (e) {
    say(`Could not delete: ${e.message}`);
  }
}

async function refresh() {
  try {
    const page = await listVideos(query.value.trim(), 100, views.dataset.view === 'mine');
    grid.replaceChildren(...page.videos.map(card));
    count.textContent = page.total > 0 ? `${page.total} video${page.total === 1 ? '' : 's'}`
      : query.value.trim() ? 'No video matches the search.'
        : 'No videos here yet: record one on the camera page, or upload or import one above.';
  } catch (e) {
    say(`Could not load the library: ${e.message}`);
  }
}

// "Mine" lists only the caller's own videos; "Public" their own and everyone's public ones.
views.querySelectorAll('button[data-view]').forEach((b) => b.addEventListener('click', () => {
  views.dataset.view = b.dataset.view;
  views.querySelectorAll('button[data-view]').forEach((other) => {
    other.setAttribute('aria-pressed', String(other === b));
  });
  refresh();
}));

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  refresh();
  showSpeechHits(document.getElementById('speech-hits'), query.value.trim());
});

document.getElementById('import').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById('import-url');
  try {
    await importUrl(input.value.trim());
    jobs.again();
    input.value = '';
    say('Import started.');
    refresh();
  } catch (e) {
    say(`Cannot import: ${e.message}`);
  }
});

const unfinished = () => showUnfinished(document.getElementById('unfinished'),
  document.getElementById('unfinished-list')).catch(() => {});
const addFiles = uploadQueue({
  show: uploadList(document.getElementById('uploads')),
  videoAdded: () => { refresh(); unfinished(); },
  ended: () => { refresh(); unfinished(); },
});
const picker = document.getElementById('upload-files');
document.getElementById('upload-button').addEventListener('click', () => picker.click());
picker.addEventListener('change', () => {
  addFiles([...picker.files]);
  picker.value = ''; // the same file may be chosen again (to resume it after a reload)
});
dropFiles(document.getElementById('drop-zone'), addFiles);

/** Files dropped anywhere on the page are uploaded; the zone shows when something is dragged over. */
function dropFiles(zone, add) {
  const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    zone.dataset.state = 'over';
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) zone.dataset.state = 'idle';
  });
  document.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    zone.dataset.state = 'idle';
    add([...event.dataTransfer.files]);
  });
}

const showJob = jobList(document.getElementById('jobs'), () => refresh());
const jobs = followJobs(showJob);
refresh();
unfinished();
showSummary(document.getElementById('watch-summary')).catch(() => {});
window.livelensLibrary = { refresh };
