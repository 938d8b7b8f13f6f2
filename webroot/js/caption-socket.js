// The microphone heard by the server: 16 kHz PCM chunks of 100 ms (pcm-worklet.js) sent on /ws/captions, a
// socket of its own so nothing else waits behind audio; each partial or final caption the server answers
// goes to onCaption({type, text}). Used by the camera page and the room page.

/**
 * Opens the microphone and the captions socket.
 * @param {(caption: {type: string, text: string}) => void} onCaption
 * @param {() => void} onLost  the socket closed without being asked to
 * @returns {Promise<{socket: WebSocket, stop: () => void}>}
 */
export async function openCaptions(onCaption, onLost) {
  const mic = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true } });
  const context = new AudioContext({ sampleRate: 16000 });
  await context.audioWorklet.addModule('/js/pcm-worklet.js');
  const pcm = new AudioWorkletNode(context, 'pcm16');
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/captions`);
  socket.binaryType = 'arraybuffer';
  let stopped = false;
  pcm.port.onmessage = (event) => {
    // A socket that cannot keep up loses audio rather than lagging behind the speaker.
    if (socket.readyState === WebSocket.OPEN && socket.bufferedAmount < 64 * 1024) socket.send(event.data);
  };
  socket.onmessage = (event) => onCaption(JSON.parse(event.data));
  socket.onclose = (event) => {
    if (!stopped && event.code !== 1000) onLost();
  };
  context.createMediaStreamSource(mic).connect(pcm);
  pcm.connect(context.destination); // a worklet runs only while the graph is pulled; it outputs silence
  return {
    socket,
    stop() {
      stopped = true;
      socket.close(1000);
      context.close();
      mic.getTracks().forEach((track) => track.stop());
    },
  };
}
