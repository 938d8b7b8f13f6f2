// The embeddable player (/embed/<id>): the video alone, in another site's frame, with a link to its page.
// The server serves this page only for public and unlisted videos.

import { getVideo } from './library-api.js';
import { play } from './player.js';

const id = decodeURIComponent(location.pathname.split('/').pop());
const player = document.getElementById('player');
const link = document.getElementById('embed-link');
const message = document.getElementById('embed-message');
link.href = `/watch/${encodeURIComponent(id)}`;

/** ?t=12.3: start there (a link at a time). */
function startAt(t) {
  const at = Number(t);
  if (!t || !Number.isFinite(at) || at < 0) return;
  const go = () => { player.currentTime = at; };
  if (player.readyState >= 1) go(); else player.addEventListener('loadedmetadata', go, { once: true });
}

async function load() {
  try {
    const video = await getVideo(id);
    link.textContent = `${video.title} — watch on LiveLens`;
    if (video.status !== 'ready') {
      message.textContent = `The video is ${video.status}.`;
      return;
    }
    play(player, video, (mode) => { player.dataset.mode = mode; });
    startAt(new URLSearchParams(location.search).get('t'));
  } catch (e) {
    message.textContent = `This video cannot be played here: ${e.message}`;
  }
}

load();
