// The Record control: asks the server to record the processed stream it already has
// (nothing is uploaded), shows the running time and size, and links to the video when it
// is saved. The server finishes a recording when the stream ends, so a lost connection or
// Stop never loses it: the page says where it went.

/** Tells the page (the live captions) which video is being recorded now, or null. */
function tellRecording(video) {
  document.dispatchEvent(new CustomEvent('livelens-recording', { detail: { video } }));
}

export class ServerRecording {
  /**
   * @param {object} els  button, state (the readout line) and link (where the saved video is shown)
   * @param {(msg: object) => boolean} send  sends a JSON message on the stream socket
   */
  constructor(els, send) {
    this.els = els;
    this.send = send;
    this.video = null;      // the video being recorded, once the server said "started"
    this.wanted = false;    // the person asked to record and has not asked to stop
    this.setStreaming(false);
    els.button.addEventListener('click', () => (this.wanted ? this.stop() : this.start()));
  }

  /** Recording is possible only while a stream is open. */
  setStreaming(on) {
    this.els.button.disabled = !on;
    if (!on && this.video) {
      // The server finishes a recording whose stream ended; its answer went to the old socket.
      this.saved(this.video, 'The stream ended, so the recording was finished and saved');
    }
    if (!on) this.setWanted(false);
  }

  start() {
    if (!this.send({ type: 'record', on: true })) return;
    this.setWanted(true);
    this.showState('Starting to record…');
  }

  stop() {
    this.send({ type: 'record', on: false });
    tellRecording(null);
    this.setWanted(false);
    this.showState('Finishing the recording…');
  }

  /** A {"type":"recording"} message from the server. */
  onMessage(msg) {
    switch (msg.state) {
      case 'started':
        this.video = msg.video;
        tellRecording(msg.video);
        this.setWanted(true);
        this.showState('Recording 0:00 · 0 KB', 'recording');
        break;
      case 'recording':
        this.showState(`Recording ${clock(msg.durationMs)} · ${size(msg.bytes)}`, 'recording');
        break;
      case 'finished':
        this.saved(msg.video, msg.reason ? `Recording finished: ${msg.reason}` : 'Recording saved'
          + ` (${clock(msg.durationMs)}, ${msg.frames} frames)`);
        break;
      case 'failed':
        this.video = null;
        tellRecording(null);
        this.setWanted(false);
        this.showState(`Recording failed: ${msg.reason || 'unknown reason'}. Try again, or check the server's disk.`,
          'failed');
        break;
      default:
        break;
    }
  }

  saved(video, text) {
    this.video = null;
    tellRecording(null);
    this.setWanted(false);
    this.showState(`${text}.`, 'saved');
    this.els.link.hidden = false;
    this.els.link.href = `/watch/${encodeURIComponent(video)}`;
    this.els.link.textContent = 'Open it in the library';
  }

  setWanted(on) {
    this.wanted = on;
    this.els.button.textContent = on ? 'Stop recording' : 'Record';
    this.els.button.dataset.recording = String(on);
  }

  showState(text, state = 'pending') {
    this.els.state.textContent = text;
    this.els.state.dataset.state = state;
    if (state !== 'saved') this.els.link.hidden = true;
  }

  snapshot() {
    return { recording: this.wanted, video: this.video, state: this.els.state.dataset.state ?? '',
      text: this.els.state.textContent, link: this.els.link.hidden ? null : this.els.link.getAttribute('href') };
  }
}

function clock(ms = 0) {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function size(bytes = 0) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
