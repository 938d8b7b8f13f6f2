// A video card's link: its poster (or an empty frame) and its title, to its watch page.

export function posterLink(video) {
  const link = document.createElement('a');
  link.href = `/watch/${encodeURIComponent(video.id)}`;
  link.className = 'poster-link';
  const poster = document.createElement(video.poster ? 'img' : 'div');
  poster.className = 'poster';
  if (video.poster) {
    poster.src = video.poster;
    poster.alt = '';
    poster.loading = 'lazy';
  }
  const title = document.createElement('span');
  title.className = 'video-title';
  title.textContent = video.title; // text, never HTML: titles are whatever people typed
  link.append(poster, title);
  return link;
}
