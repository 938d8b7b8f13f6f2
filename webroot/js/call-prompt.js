// The incoming-call prompt: who calls, Accept (join the call's room) or Decline. It takes the focus
// so a keyboard user can answer at once, and goes away when the caller hangs up first.

export class CallPrompt {
  /**
   * @param {HTMLElement} box  holds [data-caller], [data-accept], [data-decline]
   * @param {(room: string) => void} onDecline
   */
  constructor(box, onDecline) {
    this.box = box;
    this.room = null;
    this.onDecline = onDecline;
    box.querySelector('[data-accept]').addEventListener('click', () => {
      if (this.room) location.assign(`/rooms/${encodeURIComponent(this.room)}`);
    });
    box.querySelector('[data-decline]').addEventListener('click', () => {
      if (this.room) this.onDecline(this.room);
      this.hide();
    });
  }

  ring(room, callerName) {
    this.room = room;
    this.box.querySelector('[data-caller]').textContent = callerName;
    this.box.hidden = false;
    this.box.querySelector('[data-accept]').focus();
  }

  /** The call ended or was answered elsewhere. */
  gone(room) {
    if (room === this.room) this.hide();
  }

  hide() {
    this.room = null;
    this.box.hidden = true;
  }
}
