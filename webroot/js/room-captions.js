// Live captions in a room: with the Captions switch on, the member's microphone is heard on /ws/captions
// (caption-socket.js) and each caption is shown under their own tile and handed to the room socket, which
// passes it to the others as theirs; the others' captions arrive on the room socket and are shown under
// their tiles. While the member is muted, nothing is sent.

import { openCaptions } from './caption-socket.js';

export class RoomCaptions {
  /**
   * @param {{toggle: HTMLInputElement, show: (memberId: *, caption: {type: string, text: string}) => void,
   *   send: (caption: {text: string, final: boolean}) => void, muted: () => boolean,
   *   problem: (text: string) => void}} parts
   *   show(null, …) shows on the member's own tile
   */
  constructor({ toggle, show, send, muted, problem }) {
    this.show = show;
    this.toggle = toggle;
    this.live = null;
    toggle.addEventListener('change', async () => {
      if (!toggle.checked) {
        this.stop();
        return;
      }
      try {
        this.live = await openCaptions((caption) => {
          show(null, caption);
          if (!muted()) send({ text: caption.text, final: caption.type === 'final' });
        }, () => problem('Captions stopped: the server went away. Switch them off and on to try again.'));
      } catch (e) {
        toggle.checked = false;
        problem(e?.name === 'NotAllowedError'
          ? 'Captions need the microphone: allow it in the address bar and switch them on again.'
          : 'No microphone could be opened for captions.');
      }
    });
  }

  /** A caption from the room socket: {from, text, final}. */
  heard(message) {
    this.show(message.from, { type: message.final ? 'final' : 'partial', text: message.text });
  }

  stop() {
    this.live?.stop();
    this.live = null;
    this.toggle.checked = false;
    this.show(null, { type: 'final', text: '' });
  }
}
