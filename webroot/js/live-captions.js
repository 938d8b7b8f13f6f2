// Live captions on the camera page: with the Captions switch on, the microphone goes as 16 kHz PCM to
// /ws/captions (a socket of its own, so the video's frames never wait behind audio), and the server's
// partial and final captions are shown over the processed video. While the server records the stream, the
// socket says which video: the captions heard during the recording become its subtitles.

import { openCaptions } from './caption-socket.js';

const toggle = document.getElementById('captions-toggle');
const shown = document.getElementById('captions');
let live = null;
let recording = null; // the video the server is recording, told by server-recording.js

function tellRecording(socket) {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'record', video: recording }));
}

document.addEventListener('livelens-recording', (event) => {
  recording = event.detail.video;
  if (live) tellRecording(live.socket);
});

async function start() {
  const opened = await openCaptions((caption) => {
    shown.textContent = caption.text; // text, never HTML
    shown.dataset.kind = caption.type;
  }, () => {
    shown.textContent = 'Captions stopped: the server went away. Switch them off and on to try again.';
  });
  opened.socket.addEventListener('open', () => { if (recording) tellRecording(opened.socket); });
  return opened;
}

function stop() {
  if (!live) return;
  live.stop();
  live = null;
  shown.textContent = '';
  shown.hidden = true;
}

toggle.addEventListener('change', async () => {
  if (!toggle.checked) {
    stop();
    return;
  }
  shown.hidden = false;
  shown.textContent = 'Listening…';
  try {
    live = await start();
  } catch (e) {
    toggle.checked = false;
    shown.textContent = e?.name === 'NotAllowedError'
      ? 'Captions need the microphone: allow it in the address bar and switch them on again.'
      : 'No microphone could be opened for captions.';
  }
});
