// A person's profile: their public videos, their counts, and follow / unfollow.

import { profile, follow } from './social-api.js';
import { duration } from './library-format.js';
import { posterLink } from './poster-link.js';

const name = decodeURIComponent(location.pathname.split('/').pop());
const button = document.getElementById('follow');
const message = document.getElementById('profile-message');
let person = null;

function card(video) {
  const li = document.createElement('li');
  li.className = 'video-card';
  li.dataset.id = video.id;
  const facts = document.createElement('p');
  facts.className = 'video-facts';
  facts.textContent = `${duration(video.durationMs)} · ♥ ${video.likes} · ${video.replies} replies`;
  li.append(posterLink(video), facts);
  return li;
}

function show(p) {
  person = p;
  document.getElementById('profile-name').textContent = p.name;
  document.title = `LiveLens – ${p.name}`;
  const c = p.counts;
  document.getElementById('profile-counts').textContent =
    `${c.videos} public videos · ${c.likes} likes · ${c.followers} followers · following ${c.following}`;
  button.hidden = p.you;
  button.textContent = p.followed ? 'Unfollow' : 'Follow';
  button.setAttribute('aria-pressed', String(p.followed));
  document.getElementById('profile-videos').replaceChildren(...p.videos.map(card));
}

async function load() {
  try {
    show(await profile(name));
  } catch (e) {
    message.textContent = `This profile cannot be shown: ${e.message}`;
  }
}

button.addEventListener('click', async () => {
  try {
    await follow(person.name, !person.followed);
    await load();
  } catch (e) {
    message.textContent = `Could not ${person.followed ? 'unfollow' : 'follow'}: ${e.message}`;
  }
});

load();
