// The watch page's transcript: its progress while it is made, then the lines said with their times.
// Clicking a line plays from there; the line being played is highlighted; the owner picks a run of lines
// (their checkboxes) to cut the video from the first line's first word to the last line's last word, and
// corrects a line's text (its times stay).

import { getTranscript, correctLine } from './library-api.js';
import { clock } from './library-format.js';

const POLL_MS = 1000;
const STATES = {
  none: 'No transcript yet: it is made after the video is ready.',
  processing: 'Transcribing the speech…',
  failed: 'The transcript could not be made',
  no_speech: 'No speech was heard in this video.',
};

export function transcriptPanel(section, player, videoId, onCutLines) {
  const status = section.querySelector('#transcript-status');
  const list = section.querySelector('#transcript-lines');
  const cut = section.querySelector('#cut-lines');
  let lines = [];
  let waitedForNone = 0;
  let editable = false;
  let inPlaylist = Promise.resolve(false);

  function say(transcript) {
    const progress = transcript.progress != null ? ` ${Math.round(transcript.progress * 100)}%` : '';
    status.textContent = transcript.status === 'ready' ? `${lines.length} lines (${transcript.language})`
      : `${STATES[transcript.status] ?? transcript.status}${progress}${transcript.reason ? ` (${transcript.reason})` : ''}`;
    section.dataset.state = transcript.status;
  }

  function showLines() {
    list.replaceChildren(...lines.map((line, i) => {
      const li = document.createElement('li');
      li.dataset.index = i;
      const pick = document.createElement('input');
      pick.type = 'checkbox';
      pick.setAttribute('aria-label', `Pick the line at ${clock(line.start)} for a cut`);
      pick.addEventListener('change', updateCut);
      const go = document.createElement('button');
      go.type = 'button';
      go.className = 'line';
      const time = document.createElement('time');
      time.textContent = clock(line.start);
      go.append(time, ' ', line.text); // text, never HTML
      go.addEventListener('click', () => { player.currentTime = line.start; player.play().catch(() => {}); });
      li.classList.toggle('corrected', !!line.corrected);
      li.append(pick, go);
      if (editable) li.append(editButton(li, i));
      return li;
    }));
    updateCut();
  }

  /** The owner's "Edit": the line's text in a field, kept on Enter or Save (its times stay). */
  function editButton(li, i) {
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.className = 'edit-line';
    edit.textContent = 'Edit';
    edit.setAttribute('aria-label', `Correct the line at ${clock(lines[i].start)}`);
    edit.addEventListener('click', () => {
      const form = document.createElement('form');
      form.className = 'line-editor';
      const field = document.createElement('input');
      field.type = 'text';
      field.maxLength = 1000;
      field.value = lines[i].text;
      field.setAttribute('aria-label', `Text of the line at ${clock(lines[i].start)}`);
      const save = document.createElement('button');
      save.textContent = 'Save';
      const cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.textContent = 'Cancel';
      cancel.addEventListener('click', showLines);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
          lines[i] = await correctLine(videoId, lines[i].fromWord, field.value);
          showLines();
          refreshTrack();
        } catch (e) {
          status.textContent = `The line could not be corrected: ${e.message}`;
        }
      });
      form.append(field, save, cancel);
      li.replaceChildren(form);
      field.focus();
    });
    return edit;
  }

  /** The picked lines, from the first picked to the last picked. */
  function picked() {
    const ticks = [...list.querySelectorAll('input[type=checkbox]')].map((box, i) => (box.checked ? i : -1))
      .filter((i) => i >= 0);
    return ticks.length === 0 ? null : { from: lines[ticks[0]], to: lines[ticks[ticks.length - 1]] };
  }

  function updateCut() {
    const run = picked();
    cut.hidden = !run;
    if (run) cut.textContent = `Cut ${clock(run.from.start)}–${clock(run.to.end)} from the picked lines`;
  }

  cut.addEventListener('click', () => {
    const run = picked();
    if (run) onCutLines(run.from, run.to);
  });

  player.addEventListener('timeupdate', () => {
    const now = player.currentTime;
    list.querySelectorAll('li').forEach((li) => {
      const line = lines[li.dataset.index];
      li.classList.toggle('current', now >= line.start && now < line.end + 0.3);
    });
  });

  async function load() {
    let transcript;
    try {
      transcript = await getTranscript(videoId);
    } catch (e) {
      status.textContent = `The transcript cannot be shown: ${e.message}`;
      return;
    }
    if (transcript.status === 'ready') {
      lines = transcript.lines;
      showLines();
      if (!(await inPlaylist)) addTrack(transcript.language);
    }
    say(transcript);
    if (transcript.status === 'processing') setTimeout(load, POLL_MS);
    // None yet: queued, it starts soon (unless this server makes no transcripts: stop asking after a minute).
    if (transcript.status === 'none' && ++waitedForNone < 20) setTimeout(load, POLL_MS * 3);
  }

  function addTrack(language) {
    if (player.querySelector('track')) return;
    const track = document.createElement('track');
    track.kind = 'subtitles';
    track.srclang = language;
    track.label = new Intl.DisplayNames([navigator.language || 'en'], { type: 'language' }).of(language) ?? language;
    track.src = `/api/videos/${encodeURIComponent(videoId)}/subtitles.vtt?v=${Date.now()}`;
    track.default = true;
    player.append(track);
  }

  /** A correction shows in the page's own track at once (the playlist's shows it from the next load). */
  function refreshTrack() {
    const old = player.querySelector('track');
    if (!old) return;
    old.remove();
    addTrack(old.srclang);
  }

  let started = false;
  return {
    // once: the page reloads the video's details on every job update
    load(subtitlesInPlaylist, yours) {
      inPlaylist = subtitlesInPlaylist ?? inPlaylist;
      editable = !!yours;
      if (!started) load();
      started = true;
    },
    lines: () => lines,
  };
}
