// The room view (/rooms/<id>): joins the room, shows every member's processed video with their
// name, the room's chat, and the controls (mute, camera, filter, leave). The member's own camera
// runs through the server like the camera page's; its stream id is handed to the room.

import { RoomsSocket, VIDEO, AUDIO } from './rooms-socket.js';
import { ChatView } from './chat-view.js';
import { CallPrompt } from './call-prompt.js';
import { MemberTiles } from './member-tiles.js';
import { RoomCamera } from './room-camera.js';
import { Voice } from './voice.js';
import { showConnection } from './rooms-status.js';
import { currentUser, hasAccount } from './site-header.js';
import { fetchFilters } from './controls.js';
import { RoomOwnerControls } from './room-owner.js';
import { RoomCaptions } from './room-captions.js';

const $ = (id) => document.getElementById(id);
const roomId = decodeURIComponent(location.pathname.split('/').pop());
let me = null;
let joined = false;
let names = new Map(); // member id -> name, to say who left
let streamId = null;

const socket = new RoomsSocket({ onMessage, onMedia, onState });
const chat = new ChatView({ list: $('chat-messages'), form: $('chat-form'), input: $('chat-input'),
  status: $('chat-status') }, (text) => socket.send({ type: 'say', text }));
const prompt = new CallPrompt($('call-prompt'), (room) => socket.send({ type: 'decline', room }));
const tiles = new MemberTiles($('tiles'), $('self-tile'));
const camera = new RoomCamera({ selfView: $('self-view'), source: $('camera-source'), filter: () => $('filter').value,
  onStream: (id) => { streamId = id; sendCamera(); } });
const voice = new Voice((bytes) => socket.sendAudio(bytes), (text) => say(text),
  (silent) => { $('hear').hidden = !silent; });
const owner = new RoomOwnerControls({ roomId, grid: $('tiles'), close: $('close-room'),
  problem: (text) => { $('chat-status').textContent = text; } });
const captions = new RoomCaptions({ toggle: $('captions-toggle'), show: (id, caption) => tiles.caption(id, caption),
  send: ({ text, final }) => { if (joined) socket.send({ type: 'caption', text, final }); },
  muted: () => $('mute').getAttribute('aria-pressed') === 'true',
  problem: (text) => { $('chat-status').textContent = text; } });

function onState(state, retryAt) {
  showConnection(state, retryAt);
  if (state !== 'open') {
    joined = false;
    chat.enable(false);
  }
}

function onMessage(msg) {
  switch (msg.type) {
    case 'welcome':
      me = msg.user;
      socket.send({ type: 'join', room: roomId });
      break;
    case 'joined':
      joined = true;
      chat.enable(true);
      socket.send({ type: 'history' });
      showRoom(msg.room);
      startMedia();
      sendCamera();
      break;
    case 'room':
      showRoom(msg.room);
      break;
    case 'history':
      if (msg.room) chat.show(msg.messages);
      break;
    case 'chat':
      if (msg.room === roomId) chat.add(msg);
      break;
    case 'caption':
      if (msg.room === roomId) captions.heard(msg);
      break;
    case 'incoming':
      if (msg.room !== roomId) prompt.ring(msg.room, msg.from.name);
      break;
    case 'ended':
      if (msg.room === roomId) end(msg.reason === 'closed' ? 'The room was closed by its owner.' : 'The call ended.');
      else prompt.gone(msg.room);
      break;
    case 'removed':
      if (msg.room === roomId) end('You were removed from the room.');
      break;
    case 'declined':
      // Comes before the call's 'ended' (twice: the room's and the personal one), and says more.
      if (msg.room === roomId) end(`${msg.by.name} declined the call.`, true);
      break;
    case 'error':
      onError(msg);
      break;
    default:
      break;
  }
}

function onError(msg) {
  if (!joined && ['room_full', 'unknown_room', 'not_invited', 'removed'].includes(msg.code)) {
    end(msg.message);
    return;
  }
  if (msg.code === 'not_your_stream') return; // a stream that closed meanwhile; the next greeting sends the new one
  $('chat-status').textContent = msg.message;
}

function onMedia(kind, from, frameId, bytes) {
  if (kind === VIDEO) tiles.frame(from, bytes);
  else if (kind === AUDIO) voice.receive(from, bytes);
}

function showRoom(room) {
  $('room-name').textContent = room.call ? 'Call' : room.name;
  document.title = `LiveLens – ${room.call ? 'call' : room.name}`;
  const left = tiles.update(room.members, me?.id);
  left.forEach((name) => chat.note(`${name} left the room.`));
  room.members.filter((m) => !names.has(m.id) && names.size > 0 && m.id !== me?.id)
    .forEach((m) => chat.note(`${m.name} joined.`));
  names = new Map(room.members.map((m) => [m.id, m.name]));
  [...voice.decoders.keys()].filter((id) => !names.has(id)).forEach((id) => voice.forget(id));
  document.querySelector('main').dataset.members = room.members.length;
  owner.show(room, me?.id);
}

let mediaStarted = false;
async function startMedia() {
  if (mediaStarted) return;
  mediaStarted = true;
  try {
    await camera.start();
    $('self-tile').dataset.camera = 'on';
  } catch (err) {
    say(err.message || 'The camera could not be opened.');
    cameraButton(false);
  }
  await voice.start();
}

function sendCamera() {
  if (joined) socket.send({ type: 'camera', stream: camera.on ? streamId : null });
}

let ended = false;

/**
 * The room or call is over: say why (the first reason stands, unless {@code overrides}), stop the camera
 * and microphone, and take the videos away (no black own tile, no frozen last frame of the other), leaving
 * the message and the chat as it was.
 */
function end(text, overrides = false) {
  if (ended && !overrides) return;
  ended = true;
  joined = false;
  owner.hide();
  say(`${text} `);
  const back = document.createElement('a');
  back.href = '/rooms';
  back.textContent = 'Back to rooms';
  $('room-message').append(back);
  camera.on && camera.stop();
  voice.stop();
  captions.stop();
  tiles.update([], me?.id);
  document.querySelector('main').dataset.call = 'ended';
  chat.enable(false);
}

function say(text) {
  $('room-message').textContent = text;
}

function cameraButton(on) {
  $('camera').textContent = on ? 'Camera off' : 'Camera on';
  $('camera').setAttribute('aria-pressed', String(on));
  $('self-tile').dataset.camera = on ? 'on' : 'off';
}

$('mute').addEventListener('click', () => {
  const muted = $('mute').getAttribute('aria-pressed') !== 'true';
  voice.setMuted(muted);
  $('mute').setAttribute('aria-pressed', String(muted));
  $('mute').textContent = muted ? 'Unmute' : 'Mute';
  socket.send({ type: 'mute', muted });
});
$('camera').addEventListener('click', async () => {
  if (camera.on) {
    camera.stop();
    cameraButton(false);
  } else {
    try {
      await camera.start();
      cameraButton(true);
    } catch (err) {
      say(err.message);
    }
  }
});
$('filter').addEventListener('change', () => camera.setFilter($('filter').value));
$('leave').addEventListener('click', () => {
  socket.send({ type: 'leave' });
  location.assign('/rooms');
});
$('hear').addEventListener('click', () => voice.context?.resume()); // any click resumes it; this one says so
$('copy-link').addEventListener('click', () => {
  navigator.clipboard?.writeText(location.href).then(() => { $('chat-status').textContent = 'Link copied.'; },
    () => { $('chat-status').textContent = location.href; });
});

fetchFilters().then((filters) => {
  const select = $('filter');
  select.replaceChildren(...filters.map((f) => new Option(f.name, f.name)));
  select.value = new URLSearchParams(location.search).get('filter') ?? 'none';
}).catch(() => {});

// Leaving the page (or its going into the back/forward cache) ends the camera and microphone too.
addEventListener('pagehide', () => {
  if (camera.on) camera.stop();
  voice.stop();
  captions.stop();
  mediaStarted = false;
});

// For tests and curious people: what the page sees, in one place.
window.roomVoice = voice;
window.roomState = () => ({ joined, members: [...names.keys()], drawn: tiles.drawn(), selfFrames: camera.framesShown,
  audio: { sent: voice.sent, received: voice.received, decoded: voice.decoded, state: voice.context?.state ?? null } });

// Signed out (or only a guest), the page says rooms need an account and shows no controls that cannot
// work; the socket would be refused.
currentUser().then((user) => {
  if (hasAccount(user)) socket.start();
  else showConnection('signed-out');
});
