// The live metrics feed: one WebSocket that receives the recent history once, then a snapshot a second.
// Reconnects on its own, waiting longer after each failure (1 s up to 10 s).

const FEED_PATH = '/ws/metrics';
const MAX_RETRY_MS = 10000;

/**
 * @param {{onHistory: function(object[]), onSnapshot: function(object), onStatus: function(string, string)}} handlers
 *   onStatus gets a state (connecting, live, retrying) and a sentence for people.
 */
export function connectFeed(handlers) {
  let retryMs = 1000;

  function open() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}${FEED_PATH}`);
    handlers.onStatus('connecting', 'Connecting…');
    socket.addEventListener('open', () => {
      retryMs = 1000;
      handlers.onStatus('live', 'Live: a snapshot every second');
    });
    socket.addEventListener('message', event => {
      const message = JSON.parse(event.data);
      if (message.type === 'history') {
        handlers.onHistory(message.snapshots);
      } else if (message.type === 'snapshot') {
        handlers.onSnapshot(message);
      }
    });
    socket.addEventListener('close', () => {
      const seconds = Math.round(retryMs / 1000);
      handlers.onStatus('retrying', `Disconnected: trying again in ${seconds} s`);
      setTimeout(open, retryMs);
      retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
    });
  }

  open();
}
