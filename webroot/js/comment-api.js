// The comments and reports API (see json-api.js for errors): each call resolves with the answer's JSON.

import { call } from './json-api.js';

const enc = encodeURIComponent;
const base = (video) => `/api/videos/${enc(video)}/comments`;

export const listComments = (video, before) => call('GET', `${base(video)}${before ? `?before=${enc(before)}` : ''}`);
export const postComment = (video, text, at, replyTo) => call('POST', base(video), { text, at, replyTo });
export const editComment = (video, id, text) => call('PATCH', `${base(video)}/${enc(id)}`, { text });
export const deleteComment = (video, id) => call('DELETE', `${base(video)}/${enc(id)}`);
export const report = (thing, reason) => call('POST', '/api/reports', { ...thing, reason });
