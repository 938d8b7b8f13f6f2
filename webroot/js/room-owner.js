// What a room's owner sees besides everyone else: "Close the room for everyone" and a "Remove" button on
// each other member's tile. The server decides (DELETE /api/rooms/<id>[/members/<user id>]); the buttons
// only ask. Anyone else never sees them.

import { call } from './json-api.js';

export class RoomOwnerControls {
  /**
   * @param {object} parts
   * @param {string} parts.roomId
   * @param {HTMLElement} parts.grid  the tiles, one figure[data-member] per other member
   * @param {HTMLButtonElement} parts.close
   * @param {(text: string) => void} parts.problem  says what went wrong
   */
  constructor({ roomId, grid, close, problem }) {
    this.roomId = roomId;
    this.grid = grid;
    this.closeButton = close;
    this.problem = problem;
    this.owning = false;
    close.addEventListener('click', () => this.ask(`/api/rooms/${encodeURIComponent(roomId)}`, close));
  }

  /** Shows the controls when {@code me} owns {@code room} (not a call), else hides them. */
  show(room, me) {
    this.owning = !room.call && me != null && room.owner === me;
    this.closeButton.hidden = !this.owning;
    for (const figure of this.grid.querySelectorAll('figure[data-member]')) {
      let button = figure.querySelector('button.remove-member');
      if (!this.owning) {
        button?.remove();
        continue;
      }
      if (!button) {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'remove-member secondary';
        const name = figure.querySelector('figcaption .name').textContent;
        button.textContent = 'Remove';
        button.setAttribute('aria-label', `Remove ${name} from the room`);
        const path = `/api/rooms/${encodeURIComponent(this.roomId)}/members/${figure.dataset.member}`;
        button.addEventListener('click', () => this.ask(path, button));
        figure.querySelector('figcaption').append(' ', button);
      }
    }
  }

  hide() {
    this.closeButton.hidden = true;
    this.grid.querySelectorAll('button.remove-member').forEach((button) => button.remove());
  }

  async ask(path, button) {
    button.disabled = true;
    try {
      await call('DELETE', path);
    } catch (error) {
      this.problem(error.message ? `${error.message}.` : 'That did not work; try again.');
    } finally {
      button.disabled = false;
    }
  }
}
