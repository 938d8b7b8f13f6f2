// A comment's text as DOM nodes: plain text, with http(s) links made clickable. Built with text nodes and
// anchors, never innerHTML, so whatever the text holds (<script>, tags) shows as the characters typed.

const LINK = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]]+$/; // "see https://x.example." links without its full stop

function anchor(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const a = document.createElement('a');
  a.href = url.href;
  a.textContent = text;
  a.rel = 'noopener nofollow ugc';
  a.target = '_blank';
  return a;
}

/** The text as a fragment of text nodes and safe links. */
export function commentText(text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const link = match[0].replace(TRAILING, '');
    const a = anchor(link);
    if (!a) continue;
    fragment.append(text.slice(last, match.index), a);
    last = match.index + link.length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

/** Seconds as "1:23" or "1:02:03". */
export function clock(seconds) {
  const s = Math.floor(seconds);
  const two = (n) => String(n).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`
    : `${Math.floor(s / 60)}:${two(s % 60)}`;
}
