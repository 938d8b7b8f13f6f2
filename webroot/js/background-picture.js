// The picture replace-background shows behind the person: read from a file the person chooses, sent to
// the server on the stream's socket (again after every reconnect), and what the server made of it shown.

export class BackgroundPicture {
  /**
   * @param {object} opts
   * @param {HTMLInputElement} opts.input a file input (JPEG or PNG)
   * @param {HTMLButtonElement} opts.clear takes the picture away
   * @param {HTMLElement} opts.state where what the server kept, or why it refused, is said
   * @param {(msg: object) => boolean} opts.send a message on the stream's socket; false when not connected
   * @param {() => number} opts.maxBytes the largest picture the server takes (its frame limit)
   */
  constructor({ input, clear, state, send, maxBytes }) {
    this.state = state;
    this.maxBytes = maxBytes;
    this.send = send;
    this.data = null;
    this.awaiting = false;
    input.addEventListener('change', () => this.choose(input.files[0]));
    clear.addEventListener('click', () => {
      input.value = '';
      this.data = null;
      this.show('none', 'No picture: replace-background shows its colour.');
      this.send({ type: 'background', data: null });
    });
  }

  async choose(file) {
    if (!file) return;
    if (!['image/jpeg', 'image/png'].includes(file.type)) {
      this.show('refused', 'Choose a JPEG or PNG picture.');
      return;
    }
    if (file.size > this.maxBytes()) {
      const mb = (n) => (n / 1048576).toFixed(1);
      this.show('refused', `That picture is ${mb(file.size)} MB; choose one under ${mb(this.maxBytes())} MB.`);
      return;
    }
    this.data = await new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
    this.upload();
  }

  /** Sends the chosen picture, if any: on choosing it, and whenever the socket (re)opens. */
  upload() {
    if (!this.data) return;
    this.awaiting = this.send({ type: 'background', data: this.data });
    this.show('sending', this.awaiting ? 'Sending the picture…' : 'The picture will be sent when the stream starts.');
  }

  /** The server's answer: {"type":"background","image":{width,height,bytes}|null}. */
  kept(msg) {
    this.awaiting = false;
    if (msg.image) {
      this.show('kept', `Picture ${msg.image.width}×${msg.image.height} shown behind you by replace-background.`);
    } else {
      this.show('none', 'No picture: replace-background shows its colour.');
    }
  }

  /** Whether a server error was about the picture (then it is said here). */
  refused(msg) {
    if (!this.awaiting || !(msg.code === 'bad_background' || (msg.code === 'too_large' && msg.id == null))) return false;
    this.awaiting = false;
    this.data = null;
    this.show('refused', msg.message || 'The server could not use that picture; choose another JPEG or PNG.');
    return true;
  }

  show(state, text) {
    this.state.dataset.state = state;
    this.state.textContent = text;
  }
}
