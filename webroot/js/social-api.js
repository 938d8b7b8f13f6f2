// The social JSON API: likes, replies, the engagement score, the feed, profiles and following. Each call
// resolves with the answer's JSON or throws an Error with the server's own message (see json-api.js).

import { call } from './json-api.js';

const enc = encodeURIComponent;

export const like = (id, on) => call(on ? 'POST' : 'DELETE', `/api/videos/${enc(id)}/like`);
export const repliesOf = (id, order = 'newest') => call('GET', `/api/videos/${enc(id)}/replies?order=${enc(order)}`);
export const replyTo = (id, parent) => call('PUT', `/api/videos/${enc(id)}/reply-to`, { parent });
export const engagement = (id) => call('GET', `/api/videos/${enc(id)}/engagement`);
export const feed = (tab, offset, viewer) =>
  call('GET', `/api/feed?tab=${enc(tab)}&offset=${offset}&limit=10&viewer=${enc(viewer)}`);
export const profile = (name) => call('GET', `/api/users/${enc(name)}`);
export const follow = (name, on) => call(on ? 'POST' : 'DELETE', `/api/users/${enc(name)}/follow`);
