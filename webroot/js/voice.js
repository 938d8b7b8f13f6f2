// A member's voice: the microphone encoded as Opus in the browser and sent as small chunks on the
// rooms socket; the others' chunks decoded and played. WebCodecs where the browser has it
// (AudioEncoder/AudioDecoder, chunks of 20 ms); otherwise MediaRecorder's Opus-in-WebM chunks,
// which are sent alike but can only be played by a page that also records them whole (counted here).
// Each chunk: one byte format (0 WebCodecs Opus, 1 MediaRecorder WebM), channels, sample rate (u32), bytes.

const WEBCODECS = 0;
const RECORDER = 1;
const HEADER = 6;

export class Voice {
  /**
   * @param {(bytes: Uint8Array) => boolean} send
   * @param {(message: string) => void} onProblem
   * @param {(silent: boolean) => void} onSilent  whether the browser holds the sound back until a click or key
   */
  constructor(send, onProblem, onSilent = () => {}) {
    this.send = send;
    this.onProblem = onProblem;
    this.onSilent = onSilent;
    this.mic = null;
    this.muted = false;
    this.sent = 0;
    this.received = 0;
    this.decoded = 0;
    this.decoders = new Map(); // member id -> {decoder, timestamp, playAt}
    this.context = null;
  }

  async start() {
    try {
      this.mic = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      this.onProblem(err?.name === 'NotAllowedError'
        ? 'Microphone permission denied: the others cannot hear you. Allow the microphone in the address bar and reload.'
        : 'No microphone could be opened: the others cannot hear you.');
      return;
    }
    const track = this.mic.getAudioTracks()[0];
    if (typeof AudioEncoder === 'function' && typeof MediaStreamTrackProcessor === 'function') {
      this.pump(new MediaStreamTrackProcessor({ track }).readable.getReader());
    } else if (typeof MediaRecorder === 'function') {
      this.record();
    }
  }

  setMuted(muted) {
    this.muted = muted;
    this.mic?.getAudioTracks().forEach((t) => { t.enabled = !muted; });
  }

  stop() {
    this.mic?.getTracks().forEach((t) => t.stop());
    this.mic = null;
    this.recorder?.stop();
    this.encoder?.close();
    this.encoder = null;
  }

  async pump(reader) {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      if (!this.encoder) this.configure(value);
      if (!this.muted && this.encoder?.state === 'configured') this.encoder.encode(value);
      value.close();
    }
  }

  configure(first) {
    const { numberOfChannels: channels, sampleRate } = first;
    this.encoder = new AudioEncoder({
      output: (chunk) => {
        const bytes = header(WEBCODECS, channels, sampleRate, chunk.byteLength);
        chunk.copyTo(bytes.subarray(HEADER));
        if (this.send(bytes)) this.sent++;
      },
      error: () => this.onProblem('Your microphone could not be encoded: the others cannot hear you.'),
    });
    this.encoder.configure({ codec: 'opus', sampleRate, numberOfChannels: channels, bitrate: 32000 });
  }

  record() {
    this.recorder = new MediaRecorder(this.mic, { mimeType: 'audio/webm;codecs=opus' });
    this.recorder.ondataavailable = async (event) => {
      if (this.muted || event.data.size === 0) return;
      const data = new Uint8Array(await event.data.arrayBuffer());
      const bytes = header(RECORDER, 1, 48000, data.byteLength);
      bytes.set(data, HEADER);
      if (this.send(bytes)) this.sent++;
    };
    this.recorder.start(200);
  }

  /** Another member's chunk: decoded and played in order, each member on their own decoder. */
  receive(from, bytes) {
    this.received++;
    if (bytes.byteLength <= HEADER || bytes[0] !== WEBCODECS || typeof AudioDecoder !== 'function') return;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const channels = bytes[1];
    const sampleRate = view.getUint32(2);
    const member = this.decoders.get(from) ?? this.decoderFor(from, channels, sampleRate);
    member.timestamp += 20_000;
    member.decoder.decode(new EncodedAudioChunk({ type: 'key', timestamp: member.timestamp,
      data: bytes.subarray(HEADER) }));
  }

  decoderFor(from, channels, sampleRate) {
    const member = { timestamp: 0, playAt: 0, decoder: null };
    member.decoder = new AudioDecoder({
      output: (data) => this.play(member, data),
      error: () => this.decoders.delete(from),
    });
    member.decoder.configure({ codec: 'opus', sampleRate, numberOfChannels: channels });
    this.decoders.set(from, member);
    return member;
  }

  /**
   * The page's AudioContext, or null while the browser would not let it play. A browser starts sound only
   * after a click or key on the page (autoplay policy): before one, no context is made (making one logs a
   * warning and gives a suspended context); the page is told to ask for a click, and the first gesture
   * makes it, or resumes one the browser suspended later.
   */
  audio() {
    if (!this.context && navigator.userActivation && !navigator.userActivation.hasBeenActive) {
      this.onSilent(true);
      this.awaitGesture();
      return null;
    }
    if (this.context) return this.context;
    this.context = new AudioContext();
    const context = this.context;
    context.onstatechange = () => this.onSilent(context.state === 'suspended');
    this.awaitGesture();
    this.onSilent(context.state === 'suspended');
    return context;
  }

  awaitGesture() {
    if (this.gestureListener) return;
    this.gestureListener = () => {
      if (!this.context) this.audio();
      else if (this.context.state === 'suspended') this.context.resume().catch(() => {});
    };
    for (const type of ['pointerdown', 'keydown']) addEventListener(type, this.gestureListener, { capture: true });
  }

  play(member, data) {
    this.decoded++;
    try {
      if (!this.audio()) return; // not heard until the person clicks: nothing to catch up on afterwards
      const buffer = this.context.createBuffer(data.numberOfChannels, data.numberOfFrames, data.sampleRate);
      for (let c = 0; c < data.numberOfChannels; c++) {
        data.copyTo(buffer.getChannelData(c), { planeIndex: c, format: 'f32-planar' });
      }
      const source = this.context.createBufferSource();
      source.buffer = buffer;
      source.connect(this.context.destination);
      // A little behind real time, so chunks arriving unevenly still play back to back.
      member.playAt = Math.max(member.playAt, this.context.currentTime + 0.05);
      source.start(member.playAt);
      member.playAt += buffer.duration;
    } finally {
      data.close();
    }
  }

  /** Drops a member's decoder (they left). */
  forget(from) {
    this.decoders.get(from)?.decoder.close();
    this.decoders.delete(from);
  }
}

function header(format, channels, sampleRate, length) {
  const bytes = new Uint8Array(HEADER + length);
  bytes[0] = format;
  bytes[1] = channels;
  new DataView(bytes.buffer).setUint32(2, sampleRate);
  return bytes;
}
