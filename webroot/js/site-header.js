// The header every page shares: the site's pages with the current one marked (aria-current), and the
// account: the signed-in name, or "Sign in". Each page's <header class="site-header" data-page="…">
// holds its own title; this adds the navigation. A new page for every header is one line in PAGES.

export const PAGES = [
  { id: 'camera', href: '/', text: 'Camera' },
  { id: 'feed', href: '/feed', text: 'Feed' },
  { id: 'library', href: '/library', text: 'Library' },
  { id: 'rooms', href: '/rooms', text: 'Rooms' },
  { id: 'dashboard', href: '/dashboard', text: 'Dashboard' },
];

let asked = null;

/**
 * Who is signed in: {id, username, guest, admin}, or null; asked once per page (again after
 * {@link refreshAccount}). /api/session answers 200 either way, so a signed-out page logs no error.
 */
export function currentUser() {
  asked ??= fetch('/api/session', { credentials: 'same-origin', cache: 'no-store' })
    .then((response) => (response.ok ? response.json() : { user: null }))
    .then((json) => json.user ?? null, () => null);
  return asked;
}

/** A guest identity (made by a recording or upload without an account) is no account. */
export const hasAccount = (user) => Boolean(user && !user.guest);

/** Asks again who is signed in (after a sign-in, sign-up or log-out) and shows it. */
export function refreshAccount() {
  asked = null;
  return showAccount();
}

const header = document.querySelector('header.site-header');
const current = header?.dataset.page;
let accountLink = null;
let moderationLink = null;

function link(id, href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.dataset.page = id;
  if (id === current) a.setAttribute('aria-current', 'page');
  return a;
}

async function showAccount() {
  const user = await currentUser();
  if (!accountLink) return user;
  accountLink.textContent = hasAccount(user) ? user.username : 'Sign in';
  accountLink.classList.toggle('signed-in', hasAccount(user));
  accountLink.title = hasAccount(user) ? 'Your account' : 'Sign in or sign up';
  moderationLink.hidden = !user?.admin; // only admins have a report queue to see
  return user;
}

if (header) {
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Site');
  nav.className = 'site-nav';
  accountLink = link('account', '/account', 'Account');
  accountLink.classList.add('account-link');
  moderationLink = link('moderation', '/moderation', 'Moderation');
  moderationLink.hidden = true;
  nav.append(...PAGES.map((page) => link(page.id, page.href, page.text)), moderationLink, accountLink);
  header.append(nav);
  showAccount();
}
