// Reports what happens in a player to /ws/watch: play, pause, seeking (from, to), ended, waiting/playing
// (a stall's start and end; a wait a seek caused is marked seek: true), ratechange, and a heartbeat about every second with the range played since
// the last one. Every event has the view's next sequence number; events stay in the page until the
// server acknowledges them, so a lost connection costs nothing: they are sent again on reconnect, and
// the server stores each (view, seq) once.

const HEARTBEAT_MS = 1000;
const BATCH = 100;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5000;
const VIEWER_KEY = 'livelens-viewer';

/** This browser's own random id, kept across visits: unique viewers are counted by it until accounts exist. */
export function viewerId() {
  let id = localStorage.getItem(VIEWER_KEY);
  if (!id) {
    id = crypto.randomUUID().replaceAll('-', '');
    localStorage.setItem(VIEWER_KEY, id);
  }
  return id;
}

export class WatchTracker {
  /**
   * @param {HTMLVideoElement} video the player
   * @param {string} videoId the library video being watched
   */
  constructor(video, videoId) {
    this.video = video;
    this.videoId = videoId;
    this.viewer = viewerId();
    this.view = null;          // issued by the server; kept across reconnects so the view goes on
    this.secret = null;        // the view's secret, shown to resume it
    this.seq = 0;
    this.unacked = [];          // sent or not, until the server acknowledges them
    this.rangeStart = null;     // where the range played since the last heartbeat began, while playing
    this.lastTime = 0;          // the media time before a seek, from timeupdate
    this.seekPending = false;   // from a seek until playback goes on: a wait meanwhile is the seek's
    this.seekWaits = 0;
    this.stalls = 0;
    this.retryMs = FIRST_RETRY_MS;
    this.ws = null;
    this.listen();
    this.timer = setInterval(() => this.tick(), HEARTBEAT_MS);
    this.connect();
  }

  listen() {
    const v = this.video;
    v.addEventListener('play', () => this.record('play', { t: v.currentTime }));
    v.addEventListener('playing', () => {
      this.seekPending = false;
      this.record('playing', { t: v.currentTime });
      this.rangeStart = v.currentTime;
    });
    v.addEventListener('pause', () => {
      this.flushRange();
      if (!v.ended) this.record('pause', { t: v.currentTime }); // the pause a finished video makes is no pause
    });
    v.addEventListener('seeking', () => {
      this.seekPending = true;
      this.flushRange(this.lastTime);
      this.record('seeking', { from: this.lastTime, to: v.currentTime });
      this.lastTime = v.currentTime;
    });
    v.addEventListener('seeked', () => { if (!v.paused) this.rangeStart = v.currentTime; });
    // A wait after a seek is the seek's (the data there was not loaded yet), not rebuffering: marked apart.
    v.addEventListener('waiting', () => {
      this.flushRange();
      const seek = this.seekPending || v.seeking;
      if (seek) this.seekWaits++; else this.stalls++;
      this.record('waiting', seek ? { t: v.currentTime, seek: true } : { t: v.currentTime });
    });
    v.addEventListener('ratechange', () => {
      this.flushRange();
      this.record('ratechange', { t: v.currentTime, rate: v.playbackRate });
    });
    v.addEventListener('ended', () => {
      this.flushRange(v.duration);
      this.record('ended', { t: v.currentTime });
    });
    v.addEventListener('timeupdate', () => { if (!v.seeking) this.lastTime = v.currentTime; });
  }

  /** Every second: the range played since the last heartbeat, then everything not yet acknowledged. */
  tick() {
    if (!this.video.paused && !this.video.seeking) this.flushRange();
    this.send();
  }

  /** Reports the range played since the last heartbeat, up to {@code end} (default: now). */
  flushRange(end = this.video.currentTime) {
    if (this.rangeStart === null) return;
    const from = this.rangeStart;
    const to = Math.max(from, end);
    this.rangeStart = this.video.paused || this.video.seeking ? null : to;
    if (to - from > 0.01) this.record('heartbeat', { from, to, rate: this.video.playbackRate });
  }

  record(type, fields) {
    if (this.stopped) return;
    this.unacked.push({ seq: this.seq++, type, at: Date.now(), ...fields });
    if (this.unacked.length >= BATCH) this.send();
  }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${location.host}/ws/watch`);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'start', video: this.videoId, viewer: this.viewer,
      view: this.view ?? undefined, secret: this.secret ?? undefined }));
    ws.onmessage = (e) => this.onMessage(JSON.parse(e.data));
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.sentThrough = -1;
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
    };
  }

  onMessage(msg) {
    if (msg.type === 'view') {
      this.view = msg.view;
      if (msg.secret) this.secret = msg.secret; // a new view: only this page may resume it
      this.retryMs = FIRST_RETRY_MS;
      this.sentThrough = -1; // a new connection: everything not acknowledged goes again
      this.send();
    } else if (msg.type === 'ack') {
      this.unacked = this.unacked.filter((event) => event.seq > msg.through);
    }
  }

  send() {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN || !this.view) return;
    const fresh = this.unacked.filter((event) => event.seq > (this.sentThrough ?? -1));
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH);
      this.ws.send(JSON.stringify({ type: 'events', events: batch }));
      this.sentThrough = batch[batch.length - 1].seq;
    }
  }

  /** Sends what is left and closes for good: the page moved on to another video (the feed does). */
  stop() {
    this.flushRange();
    this.send();
    this.stopped = true;
    clearInterval(this.timer);
    const ws = this.ws;
    this.ws = null; // no reconnect
    ws?.close();
  }

  /** For tests and the page: what is still waiting for the server. */
  snapshot() {
    return { view: this.view, unacked: this.unacked.length, seq: this.seq, connected: this.ws?.readyState === 1,
      stalls: this.stalls, seekWaits: this.seekWaits };
  }
}
