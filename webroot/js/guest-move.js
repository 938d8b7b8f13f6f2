// The offer a sign-in from a guest's browser gets: "Move N videos into <account>?" with two buttons.
// The server keeps the guest's session for the move in a cookie of its own; the page only asks.

import { moveGuest, leaveGuest } from './account-api.js';

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the guest owns, in words: "2 videos and 1 upload in progress". */
function describe(owned) {
  const parts = [];
  if (owned.videos) parts.push(plural(owned.videos, 'video'));
  if (owned.jobs) parts.push(plural(owned.jobs, 'job') + ' still running');
  if (owned.uploads) parts.push(plural(owned.uploads, 'upload') + ' in progress');
  return parts.join(' and ');
}

/** Shows the offer for {@code user} (the login's answer); {@code page} says things and refreshes the list. */
export function offerGuestMove(user, page) {
  const section = document.getElementById('guest-move');
  const heading = document.getElementById('guest-move-heading');
  const accept = document.getElementById('guest-move-accept');
  const leave = document.getElementById('guest-move-leave');
  const what = describe(user.guestThings);
  heading.textContent = `Move ${what} into ${user.username}?`; // text, never HTML
  section.hidden = false;
  heading.focus();
  const answer = async (action, said) => {
    accept.disabled = true;
    leave.disabled = true;
    try {
      await action();
      section.hidden = true;
      page.say(said, 'ok');
      page.done();
    } catch (error) {
      section.hidden = true;
      page.say(page.explain(error), 'error');
    } finally {
      accept.disabled = false;
      leave.disabled = false;
    }
  };
  accept.onclick = () => answer(moveGuest, `Moved ${what} into ${user.username}.`);
  leave.onclick = () => answer(leaveGuest, 'Left as they were: they stay in this browser\'s guest identity.');
}
