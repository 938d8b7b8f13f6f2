// The rooms lobby (/rooms): who is online and in which room, the open rooms, creating one, a
// one-to-one chat with anyone online, calling them, and answering a call.

import { RoomsSocket } from './rooms-socket.js';
import { ChatView } from './chat-view.js';
import { CallPrompt } from './call-prompt.js';
import { showConnection } from './rooms-status.js';
import { currentUser, hasAccount } from './site-header.js';

const $ = (id) => document.getElementById(id);
let me = null;
let peer = null; // {id, name} of the open one-to-one chat
const unread = new Set();

const socket = new RoomsSocket({ onMessage, onMedia: () => {}, onState: (state, retryAt) => showConnection(state, retryAt) });
const chat = new ChatView({ list: $('dm-messages'), form: $('dm-form'), input: $('dm-input'), status: $('dm-status') },
  (text) => socket.send({ type: 'dm', to: peer.id, text }));
const prompt = new CallPrompt($('call-prompt'), (room) => socket.send({ type: 'decline', room }));

$('create-room').addEventListener('submit', (event) => {
  event.preventDefault();
  const name = $('room-name').value.trim();
  if (name) socket.send({ type: 'create', name });
});
$('call').addEventListener('click', () => {
  if (peer) socket.send({ type: 'call', to: peer.id });
});

function onMessage(msg) {
  switch (msg.type) {
    case 'welcome':
      me = msg.user;
      if (peer) socket.send({ type: 'history', with: peer.id });
      break;
    case 'presence':
      showPeople(msg.people);
      showRooms(msg.rooms);
      break;
    case 'created':
      location.assign(`/rooms/${encodeURIComponent(msg.room.id)}`);
      break;
    case 'calling':
      location.assign(`/rooms/${encodeURIComponent(msg.room)}`);
      break;
    case 'history':
      if (peer && msg.with === peer.id) chat.show(msg.messages);
      break;
    case 'chat':
      onChat(msg);
      break;
    case 'incoming':
      prompt.ring(msg.room, msg.from.name);
      break;
    case 'ended':
    case 'declined':
      prompt.gone(msg.room);
      break;
    case 'error':
      $('dm-status').textContent = msg.message;
      break;
    default:
      break;
  }
}

function onChat(msg) {
  const other = msg.from.id === me.id ? msg.to : msg.from.id;
  if (peer && other === peer.id) {
    chat.add(msg);
  } else {
    unread.add(other);
    markUnread();
  }
}

function showPeople(people) {
  const list = $('people');
  list.replaceChildren(...people.map((person) => {
    const item = document.createElement('li');
    item.dataset.user = person.id;
    const name = document.createElement('span');
    name.className = 'person-name';
    name.textContent = person.name + (me && person.id === me.id ? ' (you)' : '');
    const where = document.createElement('span');
    where.className = 'person-where';
    where.textContent = person.inCall ? 'in a call' : person.roomName ? `in ${person.roomName}` : '';
    item.append(name, where);
    if (me && person.id !== me.id) {
      const open = document.createElement('button');
      open.type = 'button';
      open.textContent = 'Chat';
      open.setAttribute('aria-label', `Chat with ${person.name}`);
      open.addEventListener('click', () => openChat(person));
      item.append(open);
    }
    return item;
  }));
  markUnread();
}

function showRooms(rooms) {
  const list = $('room-list');
  if (rooms.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'hint';
    empty.textContent = 'No rooms yet: create one.';
    list.replaceChildren(empty);
    return;
  }
  list.replaceChildren(...rooms.map((room) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/rooms/${encodeURIComponent(room.id)}`;
    link.textContent = room.name;
    const who = document.createElement('span');
    who.className = 'hint';
    who.textContent = ` ${room.members.length}/${room.max}` + (room.members.length ? `: ${room.members.join(', ')}` : '');
    item.append(link, who);
    return item;
  }));
}

function openChat(person) {
  peer = { id: person.id, name: person.name };
  unread.delete(person.id);
  markUnread();
  $('dm').hidden = false;
  $('dm-peer').textContent = person.name;
  chat.show([]);
  socket.send({ type: 'history', with: person.id });
  $('dm-input').focus();
}

function markUnread() {
  document.querySelectorAll('#people li').forEach((item) => {
    item.classList.toggle('unread', unread.has(Number(item.dataset.user)));
  });
}

// Signed out (or only a guest), the page says rooms need an account and shows no controls that cannot
// work; the socket would be refused.
currentUser().then((user) => {
  if (hasAccount(user)) socket.start();
  else showConnection('signed-out');
});
