// The watch page: one video's player, details, cuts and actions (cut, filter, delete).

import { getVideo, childrenOf, cutVideo, cutWords, processVideo, deleteVideo, filters, setVisibility }
  from './library-api.js';
import { duration, date, size } from './library-format.js';
import { play, renewLinks } from './player.js';
import { cutForm } from './cut-form.js';
import { confirmDelete } from './dialogs.js';
import { followJobs } from './job-feed.js';
import { jobList } from './job-list.js';
import { WatchTracker } from './watch-tracker.js';
import { transcriptPanel } from './transcript-panel.js';
import { watchSocial } from './watch-social.js';
import { processForm } from './process-form.js';

const id = decodeURIComponent(location.pathname.split('/').pop());
const player = document.getElementById('player');
const message = document.getElementById('watch-message');
let info = null;
let tracker = null; // reports what is watched, once the video is playable
document.getElementById('analytics-link').href = `/watch/${encodeURIComponent(id)}/analytics`;

/** Says {@code text}; a job's "…ing" line is marked so that its job's end replaces it. */
function say(text, job = null) {
  message.textContent = text;
  if (job) message.dataset.job = job; else delete message.dataset.job;
}

const DONE = { cut: 'The cut is ready', process: 'The filtered video is ready' };
const KIND = { cut: 'The cut', process: 'The filter run', import: 'The import' };

/** A job this page started ended: its "Cutting…" or "Running…" line gives way to how it ended. */
function jobEnded(job) {
  if (!message.dataset.job || job.input?.from !== id) return;
  if (job.state === 'done') say(`${DONE[job.kind] ?? 'Done'}: see "Made from this video" below.`);
  else if (job.state === 'cancelled') say(`${KIND[job.kind] ?? 'The job'} was cancelled.`);
  else say(`${KIND[job.kind] ?? 'The job'} failed${job.reason ? `: ${job.reason}` : ''}.`);
}

function showDetails(video) {
  document.getElementById('video-title').textContent = video.title;
  document.title = `LiveLens – ${video.title}`;
  const facts = [['Status', video.reason ? `${video.status} (${video.reason})` : video.status],
    ['Duration', duration(video.durationMs)], ['Size', size(video.size)],
    ['Picture', video.width ? `${video.width}×${video.height} ${video.codec}` : '–'],
    ['Source', video.source], ['Added', date(video.created)]];
  if (video.original?.name || video.original?.media) {
    facts.push(['Original', [video.original.name, video.original.media].filter(Boolean).join(' — ')]);
  }
  const list = document.getElementById('details');
  list.replaceChildren(...facts.flatMap(([name, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = value;
    return [dt, dd];
  }));
  if (video.parent) {
    const dt = document.createElement('dt');
    dt.textContent = 'Made from';
    const dd = document.createElement('dd');
    const a = document.createElement('a');
    a.href = `/watch/${video.parent}`;
    a.textContent = 'the original';
    dd.append(a);
    list.append(dt, dd);
  }
}

async function showCuts() {
  const { videos } = await childrenOf(id);
  if (videos.length === 0) {
    const none = document.createElement('li');
    none.className = 'muted';
    none.textContent = 'Nothing yet: a cut or a filter run of this video shows here.';
    document.getElementById('cuts').replaceChildren(none);
    return;
  }
  document.getElementById('cuts').replaceChildren(...videos.map((video) => {
    const li = document.createElement('li');
    li.dataset.id = video.id;
    li.dataset.status = video.status;
    const a = document.createElement('a');
    a.href = `/watch/${video.id}`;
    a.textContent = video.title;
    li.append(a, ` · ${duration(video.durationMs)} · ${video.status}`);
    return li;
  }));
}

async function load() {
  try {
    info = await getVideo(id);
  } catch (e) {
    say(`This video cannot be shown: ${e.message}`);
    // Nothing to cut, filter, delete or read: only the message and the way back.
    document.querySelector('main').dataset.state = 'unavailable';
    return;
  }
  showDetails(info);
  window.livelensShownVideo = info; // for a module that starts after the event below
  document.dispatchEvent(new CustomEvent('livelens:video', { detail: info })); // the share panel, the comments
  social.load(info);
  // Only its owner (or an admin) changes who may watch it, deletes it or reads its analytics.
  document.querySelectorAll('.owner-only').forEach((el) => { el.hidden = !info.yours; });
  document.getElementById('analytics-link').hidden = !info.yours;
  document.getElementById('visibility').value = info.visibility;
  const ready = info.status === 'ready';
  document.querySelectorAll('#cut-form, #process-form').forEach((f) => { f.hidden = !ready; });
  if (ready) {
    form.setDuration(info.durationMs / 1000);
    const inPlaylist = play(player, info, (mode) => {
      document.getElementById('player-status').textContent = `Playing with ${mode}`;
    });
    tracker ??= new WatchTracker(player, id);
    keepLinksFresh(info.linksExpire);
    transcript.load(inPlaylist, info.yours);
    seekTo(new URLSearchParams(location.search).get('t'));
  } else {
    document.getElementById('player-status').textContent = `The video is ${info.status}.`;
  }
  showCuts();
}

/** A minute before the signed media links expire, fetch fresh ones (a public video's need none). */
function keepLinksFresh(expires) {
  if (!expires) return;
  setTimeout(async () => {
    try {
      const fresh = await getVideo(id);
      renewLinks(fresh);
      keepLinksFresh(fresh.linksExpire);
    } catch (e) {
      say(`The video's links could not be renewed: ${e.message}. Reload the page to go on watching.`);
    }
  }, Math.max(10_000, expires - Date.now() - 60_000));
}

/** ?t=12.3 (a search hit): start playing there. */
function seekTo(t) {
  const at = Number(t);
  if (!t || !Number.isFinite(at) || at < 0) return;
  const go = () => { player.currentTime = at; };
  if (player.readyState >= 1) go(); else player.addEventListener('loadedmetadata', go, { once: true });
}

async function cut(start, end, exact, words) {
  try {
    await (words ? cutWords(id, words.from, words.to, exact) : cutVideo(id, start, end, exact));
    jobs.again();
    say(`Cutting ${start}–${end} s (${exact ? 'exact' : 'fast'})…`, 'cut');
    showCuts();
  } catch (e) {
    say(`Cannot cut: ${e.message}`);
  }
}

const social = watchSocial(id, player);
const form = cutForm(document.getElementById('cut-form'), player, cut);
// Lines picked in the transcript: cut from the first word's start to the last word's end, in the form's mode
// (by the words' indexes: the cut's transcript is then those words, re-timed).
const transcript = transcriptPanel(document.getElementById('transcript'), player, id, (from, to) =>
  cut(Number(from.start.toFixed(2)), Number(to.end.toFixed(2)), form.exact(),
    { from: from.fromWord, to: to.toWord }));

document.getElementById('visibility').addEventListener('change', async (event) => {
  try {
    info = await setVisibility(id, event.target.value);
    say(`Now ${info.visibility}.`);
    document.dispatchEvent(new CustomEvent('livelens:video', { detail: info }));
  } catch (e) {
    event.target.value = info.visibility;
    say(`Cannot change who may watch: ${e.message}`);
  }
});

let processing = null; // the form's filter and chain controls, once the filters are known
document.getElementById('process-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!processing) return;
  const { filter, params, picture } = processing.request();
  const what = processing.describe();
  try {
    await processVideo(id, filter, params, picture);
    jobs.again();
    say(`Running ${what} over the video…`, 'process');
    showCuts();
  } catch (e) {
    say(`Cannot process: ${e.message}`);
  }
});

document.getElementById('delete').addEventListener('click', async () => {
  if (!info || !(await confirmDelete(info.title))) return;
  try {
    await deleteVideo(id);
    location.href = '/library';
  } catch (e) {
    say(`Could not delete: ${e.message}`);
  }
});

filters().then((list) => {
  processing = processForm(list);
}).catch(() => say('The filters could not be loaded: reload the page to run one.'));

const showJob = jobList(document.getElementById('jobs'), (job) => {
  if (job.video === id) load(); else showCuts();
  jobEnded(job);
});
const jobs = followJobs((job) => {
  if (job.video === id || (job.input && job.input.from === id)) showJob(job);
});
load();
window.livelensWatch = { player, info: () => info, tracker: () => tracker?.snapshot() ?? null,
  transcript: () => transcript.lines(), replies: () => social.replies() };
