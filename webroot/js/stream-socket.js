// Protocol v1 over a WebSocket: binary frames (4-byte big-endian id + JPEG)
// and JSON text messages. While the stream is wanted, an unexpected close is
// retried with exponential backoff so the page heals by itself.

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5000;
// The server's close code when it is stopping (a restart, a redeploy): reconnect, here or to another node.
export const CLOSE_GOING_AWAY = 1001;
// The server's close code when it is over a connection limit: come back later, not at once.
const CLOSE_TRY_AGAIN_LATER = 1013;

/**
 * The wait before the next try. Every page of a stopping server hears 1001 at the same moment; spread
 * over half to one and a half times the backoff, their retries do not all land on the next node at once.
 */
export function retryDelay(backoffMs, why, random = Math.random) {
  if (why === 'busy') return MAX_RETRY_MS; // a full server is asked again only after the longest wait
  return why === 'restarting' ? Math.round(backoffMs * (0.5 + random())) : backoffMs;
}

/** WebSocket URL on the page's own host; the filter rides along as a query parameter. */
export function streamUrl(filter) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws/stream?filter=${encodeURIComponent(filter)}`;
}

export class StreamSocket {
  /**
   * @param {object} handlers
   * @param {() => string} handlers.url          called on every (re)connect
   * @param {() => void} handlers.onConnecting
   * @param {() => void} handlers.onOpen           the server greeted us: the stream is accepted
   * @param {(id: number, message: ArrayBuffer) => void} handlers.onImage  the whole message: id, then JPEG
   * @param {(msg: object) => void} handlers.onMessage
   * @param {(retryAt: number, why: string) => void} handlers.onLost  retryAt in performance.now()
   *   time; why is 'busy' (the server refused the connection for being full), 'restarting' (the server
   *   said it was stopping, until a server greets us again) or 'lost'
   */
  constructor(handlers) {
    this.handlers = handlers;
    this.ws = null;
    this.greeted = false;
    this.wanted = false;
    this.retryMs = FIRST_RETRY_MS;
    this.retryTimer = 0;
    this.restarting = false; // the server said it was going away; no server has greeted us since
  }

  /** Open and greeted: a server over its connection limit opens the socket only to refuse it. */
  get open() {
    return this.ws?.readyState === WebSocket.OPEN && this.greeted;
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
    if (!ws) return;
    ws.onmessage = null; // nothing more reaches the page from this socket
    if (ws.readyState === WebSocket.CONNECTING) {
      // Closing a socket still connecting makes the browser log an error: close it once open.
      ws.onopen = () => ws.close(1000, 'stopped');
    } else if (ws.readyState === WebSocket.OPEN) {
      ws.close(1000, 'stopped');
    }
  }

  /**
   * Sends one frame: {@code message} holds the JPEG after four spare bytes, where the id is written.
   * An ArrayBuffer goes out at once; a Blob would first be read back asynchronously.
   */
  sendFrame(id, message) {
    if (!this.open) return false;
    new DataView(message).setUint32(0, id >>> 0, false);
    this.ws.send(message);
    return true;
  }

  sendJson(msg) {
    if (!this.open) return false;
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  connect() {
    this.handlers.onConnecting();
    const ws = new WebSocket(this.handlers.url());
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.greeted = false;
    ws.onmessage = (ev) => this.dispatch(ev.data);
    // onerror is always followed by onclose; the close handler does the work.
    ws.onerror = () => {};
    ws.onclose = (ev) => {
      if (this.ws !== ws) return; // an old socket closing after stop() or a reconnect
      this.ws = null;
      this.greeted = false;
      if (ev.code === CLOSE_GOING_AWAY) this.restarting = true;
      if (!this.wanted) return;
      if (ev.code === CLOSE_TRY_AGAIN_LATER) this.scheduleRetry('busy');
      else this.scheduleRetry(this.restarting ? 'restarting' : 'lost');
    };
  }

  scheduleRetry(why) {
    const delay = retryDelay(this.retryMs, why);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.handlers.onLost(performance.now() + delay, why);
    this.retryTimer = setTimeout(() => {
      if (this.wanted) this.connect();
    }, delay);
  }

  dispatch(data) {
    if (data instanceof ArrayBuffer) {
      if (data.byteLength < 4) return; // not a frame reply; nothing to match it to
      const id = new DataView(data).getUint32(0, false);
      this.handlers.onImage(id, data);
      return;
    }
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return; // the server only sends JSON text; ignore anything else rather than crash
    }
    if (!msg || typeof msg.type !== 'string') return;
    this.handlers.onMessage(msg);
    if (msg.type === 'hello' && !this.greeted) {
      // Only a greeted connection is a good one: it alone resets the backoff.
      this.greeted = true;
      this.restarting = false;
      this.retryMs = FIRST_RETRY_MS;
      this.handlers.onOpen();
    }
  }
}
