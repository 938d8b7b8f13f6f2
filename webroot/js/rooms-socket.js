// The rooms socket (/ws/rooms): JSON messages both ways, binary media from the server (1: audio,
// 2: a member's processed video frame, each after the sender's user id) and audio from us.
// A dropped connection is retried with backoff; a refused one is checked against /api/session so a
// person who is not signed in is told to sign in instead of being retried forever. A server that
// says it is going away (1001) is retried the same way, the page saying the server is restarting.
// A socket closed because its session was signed out (4401, a logout or a password change anywhere)
// reconnects at once if the cookie still signs us in (this tab's password change renewed it), else the
// page says the person was signed out.

import { CLOSE_GOING_AWAY, retryDelay } from './stream-socket.js';

export const CLOSE_SIGNED_OUT = 4401;
/** The room's owner closed it (4410) or removed us from it (4403): never reconnected. */
export const CLOSE_ROOM_CLOSED = 4410;
export const CLOSE_REMOVED = 4403;

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 8000;
export const AUDIO = 1;
export const VIDEO = 2;

export class RoomsSocket {
  /**
   * @param {object} handlers
   * @param {(msg: object) => void} handlers.onMessage  every JSON message, welcome included
   * @param {(kind: number, from: number, frameId: number, bytes: Uint8Array) => void} handlers.onMedia
   * @param {(state: string, retryAt?: number) => void} handlers.onState  'connecting', 'open',
   *   'lost' or 'restarting' (retrying at retryAt, performance.now() time), 'signed-out' (never was)
   *   'revoked' (was, until a sign-out or password change ended the session) or 'ended' (the room's owner
   *   closed it or removed us: the server closed the socket for good)
   */
  constructor(handlers) {
    this.handlers = handlers;
    this.ws = null;
    this.welcomed = false;
    this.retryMs = FIRST_RETRY_MS;
    this.wanted = false;
    this.retryTimer = 0;
    this.restarting = false; // the server said it was going away; no server has welcomed us since
    // A page kept in the back/forward cache would otherwise stay online, and in its room, while hidden.
    addEventListener('pagehide', () => this.stop());
    addEventListener('pageshow', (event) => {
      if (event.persisted) this.start();
    });
  }

  get open() {
    return this.ws?.readyState === WebSocket.OPEN && this.welcomed;
  }

  start() {
    this.wanted = true;
    this.retryMs = FIRST_RETRY_MS;
    this.connect();
  }

  stop() {
    this.wanted = false;
    clearTimeout(this.retryTimer);
    const ws = this.ws;
    this.ws = null;
    this.welcomed = false;
    if (ws?.readyState === WebSocket.OPEN) ws.close(1000, 'page closed');
    else if (ws?.readyState === WebSocket.CONNECTING) ws.onopen = () => ws.close(1000, 'page closed');
  }

  send(msg) {
    if (!this.open) return false;
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  /** One encoded audio chunk: 0x01, then the bytes. Skipped while the socket is backed up. */
  sendAudio(bytes) {
    if (!this.open || this.ws.bufferedAmount > 64 * 1024) return false;
    const message = new Uint8Array(bytes.byteLength + 1);
    message[0] = AUDIO;
    message.set(bytes, 1);
    this.ws.send(message);
    return true;
  }

  connect() {
    this.handlers.onState('connecting');
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${location.host}/ws/rooms`);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.welcomed = false;
    ws.onmessage = (ev) => this.dispatch(ev.data);
    ws.onerror = () => {};
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (ev.code === CLOSE_ROOM_CLOSED || ev.code === CLOSE_REMOVED) {
        this.wanted = false;
        this.handlers.onState('ended');
        return;
      }
      if (ev.code === CLOSE_GOING_AWAY) this.restarting = true;
      const everOpen = this.welcomed;
      this.welcomed = false;
      this.afterClose(everOpen, ev.code === CLOSE_SIGNED_OUT);
    };
  }

  async afterClose(everOpen, revoked) {
    if (!this.wanted) return;
    if ((revoked || !everOpen) && !(await signedIn())) {
      // Signed in once on this page and not now: signed out meanwhile, whichever way the socket closed.
      this.handlers.onState(revoked || this.everWelcomed ? 'revoked' : 'signed-out');
      return;
    }
    const why = this.restarting ? 'restarting' : 'lost';
    const delay = retryDelay(this.retryMs, why);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.handlers.onState(why, performance.now() + delay);
    this.retryTimer = setTimeout(() => {
      if (this.wanted) this.connect();
    }, delay);
  }

  dispatch(data) {
    if (data instanceof ArrayBuffer) {
      if (data.byteLength < 9) return;
      const view = new DataView(data);
      const kind = view.getUint8(0);
      const from = Number(view.getBigInt64(1));
      if (kind === VIDEO && data.byteLength > 13) {
        this.handlers.onMedia(kind, from, view.getUint32(9), new Uint8Array(data, 13));
      } else if (kind === AUDIO) {
        this.handlers.onMedia(kind, from, 0, new Uint8Array(data, 9));
      }
      return;
    }
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (!msg || typeof msg.type !== 'string') return;
    if (msg.type === 'welcome') {
      this.welcomed = true;
      this.everWelcomed = true;
      this.restarting = false;
      this.retryMs = FIRST_RETRY_MS;
      this.handlers.onState('open');
    }
    this.handlers.onMessage(msg);
  }
}

/** Whether the session cookie still signs us in with an account (a refused upgrade tells the page nothing). */
async function signedIn() {
  try {
    const response = await fetch('/api/session', { credentials: 'same-origin', cache: 'no-store' });
    const { user } = await response.json();
    return Boolean(user && !user.guest);
  } catch {
    return true; // the server is unreachable: retry, it is a lost connection
  }
}
