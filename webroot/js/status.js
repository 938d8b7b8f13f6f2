// Connection status (a data-state the CSS and tests read) and the one-line
// message area that screen readers announce.

const LABELS = {
  idle: 'Idle',
  connecting: 'Connecting…',
  streaming: 'Streaming',
  lost: 'Connection lost – retrying',
  busy: 'Server busy – retrying',
  restarting: 'Server restarting – reconnecting',
  error: 'Error',
};

export class StatusView {
  constructor(statusEl, messageEl) {
    this.statusEl = statusEl;
    this.messageEl = messageEl;
    this.state = 'idle';
    this.messageKind = null;
    this.countdown = 0;
  }

  set(state) {
    this.state = state;
    this.statusEl.dataset.state = state;
    this.statusEl.textContent = LABELS[state] ?? state;
  }

  /** kind lets a later event clear only the message it is about (e.g. 'lost'). */
  message(text, kind = 'info') {
    this.stopCountdown();
    this.show(text, kind);
  }

  clearMessage(kind) {
    if (kind && kind !== this.messageKind) return;
    this.stopCountdown();
    this.show('', null);
  }

  /**
   * "Connection lost" with a live countdown to the next attempt. The countdown
   * is hidden from screen readers so the live region is not re-read every tick.
   */
  lost(retryAt, text = 'Connection lost, retrying automatically. ') {
    this.stopCountdown();
    this.show(text, 'lost');
    const counter = document.createElement('span');
    counter.setAttribute('aria-hidden', 'true');
    this.messageEl.append(counter);
    const tick = () => {
      const secs = Math.max(0, (retryAt - performance.now()) / 1000);
      counter.textContent = `Next try in ${secs.toFixed(1)} s.`;
    };
    tick();
    this.countdown = setInterval(tick, 100);
  }

  stopCountdown() {
    clearInterval(this.countdown);
    this.countdown = 0;
  }

  show(text, kind) {
    this.messageKind = kind;
    this.messageEl.dataset.kind = kind ?? '';
    if (this.messageEl.textContent !== text) this.messageEl.textContent = text;
  }
}
