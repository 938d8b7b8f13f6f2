// The feed page: public videos one at a time, full height. The current one plays (muted until tapped),
// the next one is loaded ahead; arrow keys, the wheel or a swipe move on. Each move is timed from the
// key or scroll to the new video's first frame on screen (window.livelensFeed.switches).

import { feed } from './social-api.js';
import { slide, preload, unload } from './feed-slide.js';
import { viewerId, WatchTracker } from './watch-tracker.js';

const main = document.getElementById('feed');
const message = document.getElementById('feed-message');
const switches = [];
let tab = 'for-you';
let next = 0; // the offset of the next page, or null when there is none
let loading = null;
let current = -1;
let tracker = null; // reports how the current video is watched (the ranking learns from it)
let movedAt = null; // when the key was pressed, or the scroll began, that leads to the next show
let lastScroll = 0;

function say(text) {
  message.textContent = text;
}

function slides() {
  return [...main.querySelectorAll('.slide')];
}

async function more() {
  if (next === null) return;
  loading ??= feed(tab, next, viewerId()).then((page) => {
    next = page.next;
    main.append(...page.videos.map((video) => slide(video, say)));
    if (!slides().length) {
      say(tab === 'following' ? 'Nobody you follow has posted a public video yet: find people on their videos\' pages.'
        : 'No public videos yet.');
    }
  }).catch((e) => say(`The feed could not be loaded: ${e.message}. Reload the page to try again.`))
    .finally(() => { loading = null; });
  return loading;
}

/** Makes slide {@code index} the one playing; the one after it loads. */
function show(index) {
  const all = slides();
  if (index < 0 || index >= all.length || index === current) return;
  all.forEach((s, i) => {
    if (i !== index) s.querySelector('video').pause();
    if (i < index - 1 || i > index + 1) unload(s); // a long session keeps three videos' buffers, not all
  });
  current = index;
  const player = preload(all[index]);
  const started = movedAt ?? performance.now();
  movedAt = null;
  const shown = () => switches.push({ id: all[index].dataset.id, ms: performance.now() - started });
  if (player.requestVideoFrameCallback) player.requestVideoFrameCallback(shown);
  else player.addEventListener('playing', shown, { once: true });
  player.play().catch(() => {}); // autoplay is muted, so allowed; a refusal leaves the poster and controls
  tracker?.stop();
  tracker = new WatchTracker(player, all[index].dataset.id);
  if (all[index + 1]) preload(all[index + 1]);
  if (index >= all.length - 3) more();
}

function go(step) {
  const target = slides()[current + step];
  if (!target) return;
  movedAt = performance.now();
  target.scrollIntoView({ behavior: 'instant', block: 'start' });
  show(current + step);
  lastScroll = performance.now(); // the scroll this causes is not a gesture of its own
}

// A swipe or the wheel: whichever slide fills most of the view becomes current.
const seen = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (entry.isIntersecting && entry.intersectionRatio >= 0.6) show(slides().indexOf(entry.target));
  }
}, { root: main, threshold: [0.6] });
new MutationObserver((changes) => changes.forEach((c) => c.addedNodes.forEach((n) => seen.observe(n))))
  .observe(main, { childList: true });
main.addEventListener('scroll', () => {
  const now = performance.now();
  if (now - lastScroll > 150 && movedAt === null) movedAt = now; // a new gesture begins
  lastScroll = now;
}, { passive: true });

document.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'PageDown' || event.key === 'j') {
    event.preventDefault();
    go(1);
  } else if (event.key === 'ArrowUp' || event.key === 'PageUp' || event.key === 'k') {
    event.preventDefault();
    go(-1);
  }
});

document.querySelectorAll('.feed-tabs button').forEach((button) => button.addEventListener('click', () => {
  document.querySelectorAll('.feed-tabs button').forEach((b) => b.setAttribute('aria-selected', String(b === button)));
  tab = button.dataset.tab;
  next = 0;
  current = -1;
  say('');
  main.replaceChildren();
  more().then(() => show(0));
}));

more().then(() => show(0));
main.focus();
window.livelensFeed = { switches, current: () => current, slides: () => slides().map((s) => s.dataset.id) };
