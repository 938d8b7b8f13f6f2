// A list of jobs with their progress, time left and a cancel button; finished jobs leave the list.

import { cancelJob } from './library-api.js';

const LABELS = { cut: 'Cut', import: 'Import', process: 'Filter' };
const ENDED = new Set(['done', 'failed', 'cancelled']);

export function jobList(list, onEnded) {
  const rows = new Map();

  function row(job) {
    let li = rows.get(job.video);
    if (!li) {
      li = document.createElement('li');
      li.className = 'job';
      const label = document.createElement('span');
      const bar = document.createElement('progress');
      bar.max = 1;
      const text = document.createElement('span');
      text.className = 'job-text';
      const cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.textContent = 'Cancel';
      cancel.addEventListener('click', () => cancelJob(job.video).catch(() => {}));
      li.append(label, bar, text, cancel);
      rows.set(job.video, li);
      list.append(li);
    }
    return li;
  }

  return function update(job) {
    if (ENDED.has(job.state)) {
      rows.get(job.video)?.remove();
      rows.delete(job.video);
      list.hidden = rows.size === 0;
      onEnded(job);
      return;
    }
    const li = row(job);
    const [label, bar, text, cancel] = li.children;
    label.textContent = `${LABELS[job.kind] || job.kind}: ${job.state}`;
    bar.value = job.progress;
    bar.setAttribute('aria-label', `${label.textContent} progress`);
    const eta = job.eta == null ? '' : `, about ${job.eta} s left`;
    text.textContent = `${Math.round(job.progress * 100)} %${eta}`;
    cancel.setAttribute('aria-label', `Cancel ${label.textContent}`);
    li.dataset.video = job.video;
    list.hidden = false;
  };
}
