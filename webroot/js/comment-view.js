// One comment on the watch page: who, when, the text (comment-text.js), its "at 1:23" seek link and the
// buttons the server says this viewer may use (yours, canDelete).

import { commentText, clock } from './comment-text.js';

function button(label, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'link-button';
  b.textContent = label;
  b.dataset.action = action;
  return b;
}

/** Fills {@code li} (new, or the one already showing this comment) with the comment; its replies stay. */
export function showComment(li, comment) {
  li.dataset.id = comment.id;
  li.dataset.hidden = comment.hidden ? 'true' : 'false';
  li.dataset.author = comment.author.name ?? '';
  const head = document.createElement('p');
  head.className = 'comment-head';
  const who = document.createElement('strong');
  who.textContent = comment.author.name ?? 'someone';
  const when = document.createElement('time');
  when.dateTime = new Date(comment.created).toISOString();
  when.textContent = new Date(comment.created).toLocaleString();
  head.append(who, ' · ', when);
  if (comment.at !== null && comment.at !== undefined) {
    const seek = document.createElement('a');
    seek.className = 'comment-at';
    seek.href = `?t=${comment.at}`;
    seek.dataset.at = comment.at;
    seek.textContent = `at ${clock(comment.at)}`;
    head.append(' · ', seek);
  }
  if (comment.edited) head.append(' · edited');
  if (comment.hidden) head.append(' · hidden by moderators');
  const text = document.createElement('p');
  text.className = 'comment-text';
  text.append(commentText(comment.text));
  const actions = document.createElement('p');
  actions.className = 'comment-actions';
  actions.append(button('Reply', 'reply'));
  if (comment.yours) actions.append(button('Edit', 'edit'));
  if (comment.canDelete) actions.append(button('Delete', 'delete'));
  if (!comment.yours) actions.append(button('Report', 'report'));
  let replies = li.querySelector(':scope > ol.replies');
  if (!replies) {
    replies = document.createElement('ol');
    replies.className = 'replies';
  }
  li.replaceChildren(head, text, actions, replies);
  li.commentData = comment;
  return li;
}
