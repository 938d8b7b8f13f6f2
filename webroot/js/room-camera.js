// A member's own camera in a room: the same path as the camera page (capture, encoder worker, the
// stream socket with its credits and reconnects), with the member's filter. The page learns each
// stream id from the greeting and hands it to the room, which checks it is this person's.

import { openCamera, closeCamera } from './camera.js';
import { StreamSocket, streamUrl } from './stream-socket.js';
import { InFlight } from './in-flight.js';
import { FrameSender } from './sender.js';
import { Renderer } from './renderer.js';

// A call needs less than the camera page's 30 fps, and every member's frames cost server CPU.
const ROOM_SETTINGS = { fps: 15, longSide: 640, quality: 0.75 };
const NO_READOUTS = { framesSkipped() {}, frameSent() {} };
const NO_LATENCY = { sent() {} };

export class RoomCamera {
  /**
   * @param {object} deps
   * @param {HTMLVideoElement} deps.selfView  shows this member's processed video
   * @param {HTMLVideoElement} deps.source    plays the raw camera (hidden)
   * @param {() => string} deps.filter
   * @param {(streamId: string|null) => void} deps.onStream
   */
  constructor(deps) {
    Object.assign(this, deps);
    this.camera = null;
    this.framesShown = 0;
    this.inFlight = new InFlight(2, 1000);
    this.renderer = new Renderer(this.selfView, () => { this.framesShown++; });
    this.socket = new StreamSocket({
      url: () => streamUrl(this.filter()),
      onConnecting: () => {},
      onOpen: () => {
        this.inFlight.clear();
        this.sender.reset();
      },
      onImage: (id, message) => {
        this.inFlight.answer(id, performance.now());
        this.renderer.decode(id, message);
        this.sender.refill();
      },
      onMessage: (msg) => {
        if (msg.type === 'hello') this.onStream(msg.stream);
      },
      onLost: () => {
        this.inFlight.clear();
        this.onStream(null);
      },
    });
    this.sender = new FrameSender({
      socket: this.socket,
      inFlight: this.inFlight,
      readouts: NO_READOUTS,
      latency: NO_LATENCY,
      maxFrameBytes: () => 4 * 1024 * 1024,
      onTooLarge: () => {},
    });
    this.sender.configure(ROOM_SETTINGS);
  }

  get on() {
    return this.camera !== null;
  }

  /** Opens the camera and its stream; throws CameraError (denied, missing) with a message to show. */
  async start() {
    this.camera = await openCamera();
    this.source.srcObject = this.camera;
    this.renderer.attach();
    this.socket.start();
    this.sender.start(this.camera, this.source);
  }

  stop() {
    this.sender.stop();
    this.socket.stop();
    closeCamera(this.camera);
    this.camera = null;
    this.source.srcObject = null;
    this.renderer.detach();
    this.onStream(null);
  }

  setFilter(name) {
    this.socket.sendJson({ type: 'filter', filter: name, params: {} });
  }
}
