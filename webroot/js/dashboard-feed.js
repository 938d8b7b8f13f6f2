// The live metrics feed: one WebSocket that receives the recent history once, then a snapshot a second.
// Reconnects on its own, waiting longer after each failure (1 s up to 10 s).

const FEED_PATH = '/ws/metrics';
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 10000;
// The server's close code when too many dashboards are open.
const CLOSE_TRY_AGAIN_LATER = 1013;

/**
 * @param {{onHistory: function(object[]), onSnapshot: function(object), onStatus: function(string, string)}} handlers
 *   onStatus gets a state (connecting, live, retrying) and a sentence for people.
 */
export function connectFeed(handlers) {
  let retryMs = FIRST_RETRY_MS;

  function open() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}${FEED_PATH}`);
    handlers.onStatus('connecting', 'Connecting…');
    socket.addEventListener('message', event => {
      const message = JSON.parse(event.data);
      if (message.type === 'history') {
        // The history comes first on an accepted feed; a refused one is closed without it.
        retryMs = FIRST_RETRY_MS;
        handlers.onStatus('live', 'Live: a snapshot every second');
        handlers.onHistory(message.snapshots);
      } else if (message.type === 'snapshot') {
        handlers.onSnapshot(message);
      }
    });
    socket.addEventListener('close', event => {
      const busy = event.code === CLOSE_TRY_AGAIN_LATER;
      const delay = busy ? MAX_RETRY_MS : retryMs;
      const seconds = Math.round(delay / 1000);
      handlers.onStatus('retrying', busy
        ? `Too many dashboards are open: trying again in ${seconds} s`
        : `Disconnected: trying again in ${seconds} s`);
      setTimeout(open, delay);
      retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
    });
  }

  open();
}
