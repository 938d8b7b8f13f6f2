// Plays a library video: hls.js where Media Source Extensions exist, the browser's own HLS elsewhere
// (Safari on iOS), and the progressive MP4 with byte ranges when neither can.

import Hls from '/vendor/hls.js/hls.light.esm.js';

export function play(video, info, onMode) {
  if (Hls.isSupported()) {
    // No web worker: the page's content security policy allows scripts from 'self' only, not blob: workers.
    const hls = new Hls({ enableWorker: false });
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (data.fatal) {
        hls.destroy();
        progressive(video, info, onMode);
      }
    });
    hls.loadSource(info.hls);
    hls.attachMedia(video);
    onMode('hls.js');
    return;
  }
  if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = info.hls;
    onMode('native HLS');
    return;
  }
  progressive(video, info, onMode);
}

function progressive(video, info, onMode) {
  video.src = info.mp4;
  onMode('MP4');
}
