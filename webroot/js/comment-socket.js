// The watch page's live comments: /ws/comments?video=<id> tells each comment added, edited, hidden or
// removed, from any node. Reconnects (1 s, doubling to 30 s) unless the server refused the viewer (1008);
// after a reconnect the page reloads the list, since what was said meanwhile was not heard.

export function followComments(video, onChange, onReady, onRefused) {
  let wait = 1000;
  let opened = false;
  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws/comments?video=${encodeURIComponent(video)}`);
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'ready') {
        wait = 1000;
        onReady(opened);
        opened = true;
      } else {
        onChange(message);
      }
    });
    socket.addEventListener('close', (event) => {
      if (event.code === 1008) {
        onRefused();
        return;
      }
      setTimeout(connect, wait);
      wait = Math.min(wait * 2, 30_000);
    });
  };
  connect();
}
