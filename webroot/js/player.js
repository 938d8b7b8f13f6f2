// Plays a library video: hls.js where Media Source Extensions exist, the browser's own HLS elsewhere
// (Safari on iOS), and the progressive MP4 with byte ranges when neither can.

import Hls from '/vendor/hls.js/hls.esm.js';

// The media links of a video that is not public carry a signed token that expires (--media-link-minutes):
// the page renews it before then, and hls.js puts the newest one on every request it makes.
let token = null;

function tokenOf(url) {
  return new URL(url, location.href).searchParams.get('t');
}

/** A fresh token for the video playing (from a newer copy of its JSON). */
export function renewLinks(info) {
  token = info.hls ? tokenOf(info.hls) : null;
}

/**
 * Starts playing; resolves whether the HLS playlist brought the subtitles itself (its SUBTITLES rendition),
 * so that the page adds its own <track> only when it did not (the MP4, or a transcript made since).
 */
export function play(video, info, onMode) {
  renewLinks(info);
  let told;
  const subtitlesInPlaylist = new Promise((resolve) => { told = resolve; });
  if (Hls.isSupported()) {
    // No web worker: the page's content security policy allows scripts from 'self' only, not blob: workers.
    const hls = new Hls({
      enableWorker: false,
      xhrSetup: (xhr, url) => {
        if (token) xhr.open('GET', url.replace(/([?&]t=)[^&]*/, `$1${encodeURIComponent(token)}`), true);
      },
    });
    hls.on(Hls.Events.MANIFEST_PARSED, (event, data) => told((data.subtitleTracks ?? []).length > 0));
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (data.fatal) {
        hls.destroy();
        progressive(video, info, onMode);
        told(false);
      }
    });
    hls.loadSource(info.hls);
    hls.attachMedia(video);
    onMode('hls.js');
    return subtitlesInPlaylist;
  }
  if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = info.hls;
    onMode('native HLS');
    return Promise.resolve(true); // the playlist offers them once the transcript is ready
  }
  progressive(video, info, onMode);
  return Promise.resolve(false);
}

function progressive(video, info, onMode) {
  video.src = info.mp4;
  onMode('MP4');
}
