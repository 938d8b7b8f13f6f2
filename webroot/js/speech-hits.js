// The library search's second half: videos in which the words were said, each hit with its line and a
// link that plays the video from there (/watch/<id>?t=12.3).

import { searchSpeech } from './library-api.js';
import { clock } from './library-format.js';

export async function showSpeechHits(section, query) {
  const list = section.querySelector('#speech-list');
  if (!query) {
    section.hidden = true;
    list.replaceChildren();
    return;
  }
  let hits = [];
  try {
    ({ hits } = await searchSpeech(query));
  } catch (e) {
    hits = []; // a query of punctuation only: no words to look for, titles may still match
  }
  list.replaceChildren(...hits.map((hit) => {
    const li = document.createElement('li');
    li.dataset.id = hit.video.id;
    const a = document.createElement('a');
    a.href = `/watch/${encodeURIComponent(hit.video.id)}?t=${hit.at.toFixed(1)}`;
    a.textContent = `${hit.video.title} at ${clock(hit.at)}`; // text, never HTML
    const line = document.createElement('q');
    line.textContent = hit.line ? hit.line.text : '';
    li.append(a, ' ', line);
    return li;
  }));
  section.hidden = hits.length === 0;
}
