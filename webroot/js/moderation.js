// The admins' report queue (/moderation): each reported thing once, with how many reported it and why;
// hide, delete or dismiss it (or restore what was hidden). Everything shown is set as text.

import { call } from './json-api.js';
import { currentUser } from './site-header.js';

const list = document.getElementById('reports');
const state = document.getElementById('report-state');
const status = document.getElementById('moderation-status');
const main = document.querySelector('main');
const say = (text) => { status.textContent = text; };

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** One item per reported thing (the newest report first), with every reason given for it. */
function grouped(reports) {
  const things = new Map();
  for (const r of reports) {
    const key = r.comment ? r.comment.id : r.video.id;
    if (!things.has(key)) things.set(key, { first: r, reasons: [] });
    things.get(key).reasons.push(`${r.reporter.name ?? 'someone'}: ${r.reason}`);
  }
  return [...things.values()];
}

function actions(report) {
  const names = report.state === 'open' ? ['hide', 'delete', 'dismiss']
    : report.state === 'hidden' ? ['restore', 'delete'] : [];
  return names.map((action) => {
    const b = el('button', action[0].toUpperCase() + action.slice(1));
    b.type = 'button';
    b.dataset.action = action;
    b.dataset.report = report.id;
    return b;
  });
}

function item({ first, reasons }) {
  const li = el('li', undefined, 'report');
  li.dataset.kind = first.kind;
  li.dataset.target = first.comment ? first.comment.id : first.video.id;
  const video = el('a', first.video.title);
  video.href = `/watch/${encodeURIComponent(first.video.id)}${first.comment ? '#comments' : ''}`;
  const head = el('p', undefined, 'comment-head');
  head.append(first.comment ? `A comment by ${first.comment.author.name ?? 'someone'} on ` : 'The video ', video,
    ` (${first.video.visibility}${first.video.hidden ? ', hidden' : ''}) · ${reasons.length} report(s)`);
  li.append(head);
  if (first.comment) li.append(el('p', first.comment.text, 'comment-text'));
  const why = el('ul');
  reasons.forEach((reason) => why.append(el('li', reason)));
  const buttons = el('p', undefined, 'comment-actions');
  buttons.append(...actions(first));
  li.append(why, buttons);
  return li;
}

async function load() {
  try {
    const { reports } = await call('GET', `/api/reports?state=${encodeURIComponent(state.value)}`);
    list.replaceChildren(...grouped(reports).map(item));
    say(reports.length ? '' : 'Nothing here.');
    main.dataset.state = 'loaded';
  } catch (e) {
    main.dataset.state = 'refused';
    say(e.status === 401 || e.status === 403
      ? 'Only admins see reports: sign in with an admin’s account on the Account page.' : `Could not load: ${e.message}`);
  }
}

list.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  try {
    await call('POST', `/api/reports/${encodeURIComponent(button.dataset.report)}`, { action: button.dataset.action });
    say(`Done: ${button.dataset.action}.`);
    load();
  } catch (e) {
    say(`Could not ${button.dataset.action}: ${e.message}`);
  }
});

state.addEventListener('change', load);
// Only admins have a queue: anyone else is told so without asking the server for it.
currentUser().then((user) => {
  if (user?.admin) {
    load();
    return;
  }
  main.dataset.state = 'refused';
  say('Only admins see reports: sign in with an admin’s account on the Account page.');
});
