// The account page: sign up, log in, log out and change password, each form posting JSON with fetch.
// Which forms show is one data-state attribute on <main> (loading, signed-in, signed-out) that CSS reads.

import { signUp, logIn, logOut, changePassword, pendingGuestMove } from './account-api.js';
import { offerGuestMove } from './guest-move.js';
import { currentUser, refreshAccount } from './site-header.js';
import { listVideos } from './library-api.js';
import { size } from './library-format.js';

const main = document.getElementById('account');
const message = document.getElementById('account-message');
const whoami = document.getElementById('whoami');

function show(user) {
  // A guest (a visitor who recorded or uploaded) has no account yet: signing up here keeps what they made.
  const account = user && !user.guest ? user : null;
  main.dataset.state = account ? 'signed-in' : 'signed-out';
  whoami.textContent = account ? account.username : ''; // text, never HTML
  if (user?.guest) say('Sign up to keep what you recorded or uploaded in this browser.');
  if (account) showOwned().catch(() => {});
}

/** What the account owns and the storage it takes. */
async function showOwned() {
  const page = await listVideos('', 100, true);
  const usage = page.usage ?? { videos: page.total, bytes: 0 };
  document.getElementById('usage').textContent =
    `${usage.videos} video${usage.videos === 1 ? '' : 's'} · ${size(usage.bytes)}`;
  document.getElementById('owned').replaceChildren(...page.videos.map((video) => {
    const li = document.createElement('li');
    li.dataset.id = video.id;
    const a = document.createElement('a');
    a.href = `/watch/${video.id}`;
    a.textContent = video.title; // text, never HTML
    li.append(a, ` · ${video.visibility} · ${size(video.size)}`);
    return li;
  }));
}

/** After signing in the form that had focus is gone: focus goes to what the page shows now. */
function signedIn(user, text) {
  show(user);
  refreshAccount();
  say(text, 'ok');
  document.getElementById('signed-in-heading').focus();
}

function say(text, kind = 'info') {
  message.textContent = text;
  message.dataset.kind = kind;
}

function wait(seconds) {
  if (seconds < 120) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** What went wrong, in words a person can act on: the server's own message, or when to retry. */
function explain(error) {
  if (error.code === 'too_many_attempts') {
    const at = error.retryAt
      ? ` (at ${error.retryAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })})` : '';
    return `Too many failed logins. Try again in ${wait(error.retryAfterSeconds)}${at}.`;
  }
  if (error.status === undefined) return 'The server cannot be reached. Check the connection and try again.';
  const text = error.message || 'Something went wrong';
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Refusals about the password itself: it is cleared and focused to type again; others keep it. */
const PASSWORD_REFUSALS = new Set(['wrong_credentials', 'wrong_password', 'weak_password', 'bad_password']);

/**
 * Submits a form through {@code action}; the button waits meanwhile. Password fields are cleared after a
 * success, or when the refusal was about the password; after any other refusal (a name taken, the server
 * unreachable) they keep what was typed, so pressing the button again just works. Typing again clears
 * the refusal.
 */
function handle(form, action) {
  const passwords = () => form.querySelectorAll('input[type=password]');
  form.addEventListener('input', () => {
    if (message.dataset.kind === 'error') say('');
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    const values = Object.fromEntries(new FormData(form));
    button.disabled = true;
    try {
      await action(values);
      passwords().forEach((input) => { input.value = ''; });
    } catch (error) {
      say(explain(error), 'error');
      if (PASSWORD_REFUSALS.has(error.code)) {
        passwords().forEach((input) => { input.value = ''; });
        [...passwords()].pop()?.focus();
      } else {
        form.querySelector('input:not([type=password])')?.focus();
      }
    } finally {
      button.disabled = false;
    }
  });
}

handle(document.getElementById('signup-form'), async ({ username, password }) => {
  signedIn(await signUp(username, password), `Welcome, ${username}: your account is made and you are signed in.`);
});

handle(document.getElementById('login-form'), async ({ username, password }) => {
  const user = await logIn(username, password);
  signedIn(user, `Signed in as ${user.username}.`);
  // From a guest's browser: what the guest made may move into this account.
  if (user.guestThings) offerGuestMove(user, { say, explain, done: () => showOwned().catch(() => {}) });
});

handle(document.getElementById('password-form'), async ({ current, password }) => {
  await changePassword(current, password);
  say('Password changed. Your other browsers are signed out.', 'ok');
});

document.getElementById('logout').addEventListener('click', async () => {
  try {
    await logOut();
    document.getElementById('guest-move').hidden = true;
    show(null);
    refreshAccount();
    say('Signed out.', 'ok');
    document.getElementById('login-username').focus();
  } catch (error) {
    say(explain(error), 'error');
  }
});

/** A reloaded page asks again what a sign-in from a guest's browser offered (while the offer lasts). */
async function offerStillOpen(user) {
  if (!user || user.guest) return;
  const offer = await pendingGuestMove().catch(() => ({}));
  if (offer.guestThings) offerGuestMove(offer, { say, explain, done: () => showOwned().catch(() => {}) });
}

currentUser().then((user) => {
  show(user);
  offerStillOpen(user);
});
