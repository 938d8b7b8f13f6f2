// The library page: the grid of videos, search, import, rename, delete, and jobs' progress.

import { listVideos, renameVideo, deleteVideo, importUrl } from './library-api.js';
import { duration, date } from './library-format.js';
import { askTitle, confirmDelete } from './dialogs.js';
import { followJobs } from './job-feed.js';
import { jobList } from './job-list.js';
import { showSummary } from './watch-summary.js';
import { showSpeechHits } from './speech-hits.js';

const grid = document.getElementById('videos');
const message = document.getElementById('library-message');
const count = document.getElementById('count');
const query = document.getElementById('q');

function say(text) {
  message.textContent = text;
}

function card(video) {
  const li = document.createElement('li');
  li.className = 'video-card';
  li.dataset.id = video.id;
  li.dataset.status = video.status;
  const link = document.createElement('a');
  link.href = `/watch/${video.id}`;
  link.className = 'poster-link';
  const poster = document.createElement(video.poster ? 'img' : 'div');
  poster.className = 'poster';
  if (video.poster) {
    poster.src = video.poster;
    poster.alt = '';
    poster.loading = 'lazy';
  }
  const title = document.createElement('span');
  title.className = 'video-title';
  title.textContent = video.title; // text, never HTML: titles are whatever people typed
  link.append(poster, title);
  const facts = document.createElement('p');
  facts.className = 'video-facts';
  const status = document.createElement('span');
  status.className = 'video-status';
  status.textContent = video.status;
  facts.append(`${duration(video.durationMs)} · ${date(video.created)} · `, status);
  if (video.status === 'failed' && video.reason) facts.title = video.reason;
  const actions = document.createElement('div');
  actions.className = 'card-actions';
  const analytics = document.createElement('a');
  analytics.href = `/watch/${encodeURIComponent(video.id)}/analytics`;
  analytics.textContent = 'Analytics';
  analytics.setAttribute('aria-label', `Analytics of “${video.title}”`);
  actions.append(button('Rename', video, onRename), button('Delete', video, onDelete), analytics);
  li.append(link, facts, actions);
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
  } catch (e) {
    say(`Could not delete: ${e.message}`);
  }
}

async function refresh() {
  try {
    const page = await listVideos(query.value.trim());
    grid.replaceChildren(...page.videos.map(card));
    count.textContent = `${page.total} video${page.total === 1 ? '' : 's'}`;
  } catch (e) {
    say(`Could not load the library: ${e.message}`);
  }
}

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
    input.value = '';
    say('Import started.');
    refresh();
  } catch (e) {
    say(`Cannot import: ${e.message}`);
  }
});

const showJob = jobList(document.getElementById('jobs'), () => refresh());
followJobs(showJob);
refresh();
showSummary(document.getElementById('watch-summary')).catch(() => {});
window.livelensLibrary = { refresh };
