// One slide of the feed: the video (muted, played again when it ends, its source set only when it is current or next),
// who made it, and its buttons: like, reply, comment, share.

import { likeButton } from './like-button.js';

const enc = encodeURIComponent;

/** Copies the video's link; where the clipboard is refused, shows the link to copy by hand. */
async function share(video, say) {
  const link = `${location.origin}/watch/${enc(video.id)}`;
  try {
    await navigator.clipboard.writeText(link);
    say('Link copied.');
  } catch {
    say(`Copy this link: ${link}`);
  }
}

function link(text, href, label) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  if (label) a.setAttribute('aria-label', label);
  return a;
}

/** The slide's element; {@code say} shows a message on the page. */
export function slide(video, say) {
  const section = document.createElement('section');
  section.className = 'slide';
  section.dataset.id = video.id;
  section.setAttribute('aria-label', video.title);
  const player = document.createElement('video');
  player.muted = true;
  // Played again from the start by hand, not with loop: a loop never ends, and the end is what counts as
  // watched to the end in the analytics.
  player.addEventListener('ended', () => { player.currentTime = 0; player.play().catch(() => {}); });
  player.playsInline = true;
  player.preload = 'none';
  player.dataset.src = video.mp4;
  if (video.poster) player.poster = video.poster;
  const info = document.createElement('div');
  info.className = 'slide-info';
  const title = document.createElement('strong');
  title.textContent = video.title; // text, never HTML: titles are whatever people typed
  info.append(title, document.createElement('br'));
  if (video.ownerName && video.ownerName !== 'a guest') {
    info.append(link(`@${video.ownerName}`, `/u/${enc(video.ownerName)}`));
  } else {
    info.append('a guest');
  }
  const actions = document.createElement('div');
  actions.className = 'slide-actions';
  const shareButton = document.createElement('button');
  shareButton.type = 'button';
  shareButton.textContent = 'Share';
  shareButton.addEventListener('click', () => share(video, say));
  actions.append(likeButton(video, say),
    link(`Reply (${video.replies ?? 0})`, `/watch/${enc(video.id)}#reply`, 'Reply with a video'),
    link('Comment', `/watch/${enc(video.id)}#comments`, 'Comments'), shareButton);
  const hint = document.createElement('span');
  hint.className = 'sound-hint';
  hint.textContent = 'Tap for sound';
  player.addEventListener('click', () => {
    player.muted = !player.muted;
    hint.hidden = !player.muted;
  });
  section.append(player, hint, info, actions);
  return section;
}

/** Gives the slide's video its source and lets it load (the next one's first frame is ready before a swipe). */
export function preload(section) {
  const player = section.querySelector('video');
  if (!player.getAttribute('src')) {
    player.preload = 'auto';
    player.src = player.dataset.src;
    player.load();
  }
  return player;
}

/** Lets go of the slide's media (its buffers and decoder); it loads again when it comes back. */
export function unload(section) {
  const player = section.querySelector('video');
  if (player.getAttribute('src')) {
    player.removeAttribute('src');
    player.preload = 'none';
    player.load();
  }
}
