// The watch page's comments (section#comments): the list, posting, replying, editing, deleting and
// reporting, kept live by comment-socket.js. The server says what each viewer may do with each comment.

import { listComments, postComment, editComment, deleteComment } from './comment-api.js';
import { showComment } from './comment-view.js';
import { clock } from './comment-text.js';
import { followComments } from './comment-socket.js';
import { askAndReport } from './report-dialog.js';

const video = decodeURIComponent(location.pathname.split('/').pop());
const section = document.getElementById('comments');
const list = document.getElementById('comment-list');
const status = document.getElementById('comments-status');
const form = document.getElementById('comment-form');
const player = document.getElementById('player');
const more = document.getElementById('comments-more');
let next = null;

const say = (text) => { status.textContent = text; };
const itemOf = (id) => list.querySelector(`li[data-id="${CSS.escape(id)}"]`);

/** Shows a comment where it belongs: a top one first (newest first), a reply at the end of its thread. */
function upsert(comment, older = false) {
  const known = itemOf(comment.id);
  if (known) {
    showComment(known, comment);
    return;
  }
  const li = showComment(document.createElement('li'), comment);
  li.className = 'comment';
  if (comment.replyTo) {
    itemOf(comment.replyTo)?.querySelector(':scope > ol.replies').append(li);
  } else if (older) {
    list.append(li);
  } else {
    list.prepend(li);
  }
}

async function load(before) {
  try {
    const page = await listComments(video, before);
    if (!before) list.replaceChildren();
    page.comments.forEach((c) => upsert(c, true));
    next = page.next;
    more.hidden = !next;
    section.dataset.state = 'loaded';
  } catch (e) {
    if (e.status === 404) {
      section.hidden = true;
    } else {
      say(`Comments could not be loaded: ${e.message}`);
    }
  }
}

function atNow() {
  document.getElementById('comment-at-time').textContent = clock(player.currentTime || 0);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = document.getElementById('comment-text');
  const at = document.getElementById('comment-at').checked ? Math.round((player.currentTime || 0) * 10) / 10 : null;
  try {
    upsert(await postComment(video, text.value, at, null));
    text.value = '';
    say('Posted.');
  } catch (e) {
    say(`Could not post: ${e.message}`);
  }
});

/** A small form in place, for a reply or an edit; resolves with the text, or null when cancelled. */
function inlineForm(li, initial, label) {
  return new Promise((resolve) => {
    const box = document.createElement('form');
    box.className = 'comment-inline';
    const area = document.createElement('textarea');
    area.value = initial;
    area.maxLength = 2000;
    area.rows = 2;
    area.setAttribute('aria-label', label);
    const ok = document.createElement('button');
    ok.textContent = label;
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    box.append(area, ok, cancel);
    li.querySelector(':scope > .comment-actions').after(box);
    area.focus();
    cancel.addEventListener('click', () => { box.remove(); resolve(null); });
    box.addEventListener('submit', (event) => { event.preventDefault(); box.remove(); resolve(area.value); });
  });
}

list.addEventListener('click', async (event) => {
  const target = event.target;
  const li = target.closest('li.comment');
  if (!li) return;
  if (target.matches('a.comment-at')) {
    event.preventDefault();
    player.currentTime = Number(target.dataset.at);
    player.play().catch(() => {});
    return;
  }
  const comment = li.commentData;
  try {
    switch (target.dataset.action) {
      case 'reply': {
        const text = await inlineForm(li, '', 'Reply');
        if (text !== null) upsert(await postComment(video, text, null, comment.id));
        break;
      }
      case 'edit': {
        const text = await inlineForm(li, comment.text, 'Save');
        if (text !== null) upsert(await editComment(video, comment.id, text));
        break;
      }
      case 'delete':
        if (target.dataset.confirm !== 'yes') { // a second click deletes
          target.dataset.confirm = 'yes';
          target.textContent = 'Really delete?';
          return;
        }
        await deleteComment(video, comment.id);
        li.remove();
        break;
      case 'report':
        say(await askAndReport({ comment: comment.id }, 'this comment'));
        break;
      default:
    }
  } catch (e) {
    say(`Could not do that: ${e.message}`);
  }
});

more.addEventListener('click', () => load(next));
player.addEventListener('timeupdate', atNow);
// Only a video that could be shown has comments to read: wait for the watch page to have it.
const shown = window.livelensShownVideo ? Promise.resolve()
  : new Promise((resolve) => document.addEventListener('livelens:video', resolve, { once: true }));
shown.then(() => {
  followComments(video, (change) => {
    if (change.type === 'comment') upsert(change.comment);
    if (change.type === 'removed') itemOf(change.id)?.remove();
  }, (again) => {
    section.dataset.live = 'true';
    if (again) load(); // what was said while the socket was away
  }, () => { section.dataset.live = 'refused'; });
  load();
});
