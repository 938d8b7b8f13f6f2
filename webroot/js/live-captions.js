// Live captions on the camera page: with the Captions switch on, the microphone goes as 16 kHz PCM to
// /ws/captions (a socket of its own, so the video's frames never wait behind audio), and the server's
// partial and final captions are shown over the processed video. While the server records the stream, the
// socket says which video: the captions heard during the recording become its subtitles.

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
  const mic = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true } });
  const context = new AudioContext({ sampleRate: 16000 });
  await context.audioWorklet.addModule('/js/pcm-worklet.js');
  const pcm = new AudioWorkletNode(context, 'pcm16');
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/captions`);
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => { if (recording) tellRecording(socket); };
  pcm.port.onmessage = (event) => {
    // A socket that cannot keep up loses audio rather than lagging behind the speaker.
    if (socket.readyState === WebSocket.OPEN && socket.bufferedAmount < 64 * 1024) socket.send(event.data);
  };
  socket.onmessage = (event) => {
    const caption = JSON.parse(event.data);
    shown.textContent = caption.text; // text, never HTML
    shown.dataset.kind = caption.type;
  };
  socket.onclose = (event) => {
    if (live && live.socket === socket && event.code !== 1000) {
      shown.textContent = 'Captions stopped: the server went away. Switch them off and on to try again.';
    }
  };
  context.createMediaStreamSource(mic).connect(pcm);
  pcm.connect(context.destination); // a worklet runs only while the graph is pulled; it outputs silence
  return { mic, context, socket };
}

function stop() {
  if (!live) return;
  live.socket.close(1000);
  live.context.close();
  live.mic.getTracks().forEach((track) => track.stop());
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
