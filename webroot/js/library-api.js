// The library's JSON API: each call resolves with the answer's JSON or throws an Error with the
// server's own message (see json-api.js).

import { call } from './json-api.js';

const enc = encodeURIComponent;

export const listVideos = (q = '', limit = 100, mine = false) =>
  call('GET', `/api/videos?limit=${limit}&q=${enc(q)}${mine ? '&mine=1' : ''}`);
export const setVisibility = (id, visibility) => call('PATCH', `/api/videos/${enc(id)}`, { visibility });
export const childrenOf = (id) => call('GET', `/api/videos?parent=${enc(id)}`);
export const getVideo = (id) => call('GET', `/api/videos/${enc(id)}`);
export const renameVideo = (id, title) => call('PATCH', `/api/videos/${enc(id)}`, { title });
export const deleteVideo = (id) => call('DELETE', `/api/videos/${enc(id)}`);
export const cutVideo = (id, start, end, exact) => call('POST', `/api/videos/${enc(id)}/cuts`, { start, end, exact });
/** A filter run; with a picture (a File) for replace-background, sent as a multipart form. */
export function processVideo(id, filter, params = {}, picture = null) {
  const job = { filter, params };
  if (!picture) return call('POST', `/api/videos/${enc(id)}/process`, job);
  const form = new FormData();
  form.append('job', JSON.stringify(job));
  form.append('picture', picture);
  return call('POST', `/api/videos/${enc(id)}/process`, form);
}
export const importUrl = (url) => call('POST', '/api/imports', { url });
export const cancelJob = (id) => call('DELETE', `/api/jobs/${enc(id)}`);
export const activeJobs = () => call('GET', '/api/jobs');
export const filters = () => call('GET', '/api/filters');
export const cutWords = (id, fromWord, toWord, exact) =>
  call('POST', `/api/videos/${enc(id)}/cuts`, { fromWord, toWord, exact });
export const getTranscript = (id) => call('GET', `/api/videos/${enc(id)}/transcript`);
export const correctLine = (id, fromWord, text) =>
  call('PUT', `/api/videos/${enc(id)}/transcript/lines/${fromWord}`, { text });
export const searchSpeech = (q) => call('GET', `/api/speech?q=${enc(q)}`);
