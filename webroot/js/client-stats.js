// Tells the server, every few seconds, what the page measures (the split of its round trip and the
// settings in force), so the dashboard can show what people really get. Protocol: docs/protocol.md,
// "clientStats".

const PERIOD_MS = 2000;

export class ClientStats {
  constructor({ socket, latency, adapter, readouts }) {
    Object.assign(this, { socket, latency, adapter, readouts });
    this.timer = 0;
  }

  start() {
    this.stop();
    this.timer = setInterval(() => this.send(), PERIOD_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = 0;
  }

  send() {
    const split = this.latency.summary();
    if (!split.frames) return;
    const settings = this.adapter.settings();
    const snapshot = this.readouts.snapshot();
    this.socket.sendJson({
      type: 'clientStats',
      roundTripMs: split.roundTrip,
      captureEncodeMs: split.captureEncode,
      networkServerMs: split.networkServer,
      decodeDrawMs: split.decodeDraw,
      receivedFps: snapshot.recvFps,
      quality: settings.quality,
      longSide: settings.longSide,
      fps: settings.fps,
    });
  }
}
