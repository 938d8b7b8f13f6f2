// The rooms pages' connection line: connecting, connected, lost or restarting (retrying), not signed in,
// signed out meanwhile (revoked), or ended for good (the room was closed by its owner, or they removed us).

const TEXT = {
  connecting: 'Connecting…',
  open: 'Connected',
  'signed-out': 'Not signed in',
  revoked: 'You were signed out — sign in again',
  ended: 'Not connected',
};

export function showConnection(state, retryAt) {
  const main = document.querySelector('main');
  main.dataset.state = state;
  const line = document.getElementById('rooms-status');
  if (state === 'lost' || state === 'restarting') {
    const seconds = Math.max(1, Math.round((retryAt - performance.now()) / 1000));
    line.textContent = state === 'lost' ? `Connection lost; reconnecting in ${seconds} s…`
      : `The server is restarting, reconnecting in ${seconds} s…`;
  } else {
    line.textContent = TEXT[state] ?? state;
  }
  document.getElementById('signed-out').hidden = state !== 'signed-out' && state !== 'revoked';
}
