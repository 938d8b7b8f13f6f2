// A chat panel: its messages (always as text: what people type is never read as HTML) and the form
// that sends one. The newest message stays in view.

export class ChatView {
  /**
   * @param {object} els  list (<ol>), form, input, status (a role=status element for refusals)
   * @param {(text: string) => boolean} onSend  false when it could not be sent
   */
  constructor(els, onSend) {
    Object.assign(this, els);
    this.onSend = onSend;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      if (!text) return;
      if (this.onSend(text)) {
        this.input.value = '';
      } else {
        this.refused('Not connected; the message was not sent.');
      }
    });
  }

  show(messages) {
    this.list.replaceChildren();
    messages.forEach((message) => this.add(message));
  }

  add(message) {
    const item = document.createElement('li');
    item.className = 'chat-message';
    const from = document.createElement('span');
    from.className = 'chat-from';
    from.textContent = message.from?.name ?? '?';
    const text = document.createElement('span');
    text.className = 'chat-text';
    text.textContent = message.text ?? '';
    const time = document.createElement('time');
    const at = new Date(message.at ?? Date.now());
    time.dateTime = at.toISOString();
    time.textContent = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    item.append(from, text, time);
    this.list.append(item);
    this.list.scrollTop = this.list.scrollHeight;
  }

  /** A line from the page itself (someone joined or left), set apart from what people wrote. */
  note(text) {
    const item = document.createElement('li');
    item.className = 'chat-note';
    item.textContent = text;
    this.list.append(item);
    this.list.scrollTop = this.list.scrollHeight;
  }

  refused(text) {
    this.status.textContent = text;
  }

  enable(on) {
    this.input.disabled = !on;
    this.form.querySelector('button').disabled = !on;
  }
}
