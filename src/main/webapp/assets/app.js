// The AInfo chat page: sign-in, rooms, and one room's conversation over the chat socket.
import { t, translate, toggleLang, onLangChange } from './i18n.js';
import { renderMarkdown } from './markdown.js';
import * as auth from './auth.js';
import { createApi, ApiError } from './api.js';
import { ChatSocket } from './socket.js';
import { initProfile, loadProfile, forgetProfile } from './profile.js';

const $ = (id) => document.getElementById(id);
const PAGE = 50;
const DEFAULT_TITLES = new Set(['새 채팅', 'New chat']);

const state = {
  config: { devIssuer: false, oidc: null, maxMessageChars: 2000, historyLimit: 50 },
  session: null,
  rooms: [],
  roomId: null,
  socket: null,
  messages: [],       // { key, id, role, message, status, sources, timestamp, local, notSent }
  answer: null,       // the answer being streamed: { key, text, awaiting }
  hasOlder: false,
  loadingOlder: false,
  composing: false,
  connection: 'idle',
};
let localKeys = 0;
let refreshTimer = null;

const api = createApi(() => accessToken());

// ---------------------------------------------------------------- session

async function accessToken() {
  let s = state.session;
  if (s && auth.expired(s, 30) && s.kind === 'oidc') {
    try {
      s = state.session = await auth.refresh(state.config.oidc, s);
    } catch {
      s = null;
    }
  }
  if (!s || auth.expired(s)) {
    if (state.session) setTimeout(() => sessionEnded(t('sessionExpired')), 0);
    return null;
  }
  return s.token;
}

function scheduleExpiry() {
  clearTimeout(refreshTimer);
  const s = state.session;
  if (!s || !s.exp) return;
  const lead = s.kind === 'oidc' && s.refreshToken ? 60 : 0;
  const ms = Math.max(1000, (s.exp - lead) * 1000 - Date.now());
  refreshTimer = setTimeout(async () => {
    if (await accessToken()) scheduleExpiry();
  }, Math.min(ms, 2 ** 31 - 1));
}

function sessionEnded(message) {
  if (!state.session) return;
  leaveRoom();
  forgetProfile();
  auth.clear();
  state.session = null;
  clearTimeout(refreshTimer);
  showSignIn(message);
}

async function signedIn(session) {
  state.session = session;
  scheduleExpiry();
  $('user-name').textContent = t('signedInAs', { user: session.user });
  $('signin').hidden = true;
  $('chat').hidden = false;
  loadProfile();
  await loadRooms();
  const wanted = roomFromHash();
  const room = state.rooms.find((r) => r.id === wanted) || state.rooms[0];
  if (room) openRoom(room.id, { focus: false });
  else showNoRoom();
}

function showSignIn(error) {
  $('loading').hidden = true;
  $('chat').hidden = true;
  $('signin').hidden = false;
  const c = state.config;
  $('dev-form').hidden = !c.devIssuer;
  $('oidc-method').hidden = !c.oidc;
  $('no-method').hidden = c.devIssuer || !!c.oidc;
  $('token-method').open = !c.devIssuer && !c.oidc;
  const err = $('signin-error');
  err.hidden = !error;
  err.textContent = error || '';
  const first = c.devIssuer ? $('dev-signin') : c.oidc ? $('oidc-signin') : $('token-input');
  first.focus();
}

// ---------------------------------------------------------------- rooms

function roomFromHash() {
  const m = location.hash.match(/^#room=(\d{1,18})$/);
  return m ? Number(m[1]) : null;
}

async function loadRooms() {
  try {
    state.rooms = await api.rooms();
  } catch (e) {
    handleApiError(e);
    state.rooms = [];
  }
  renderRooms();
}

function renderRooms() {
  const list = $('room-list');
  list.replaceChildren(...state.rooms.map(roomItem));
  $('no-rooms').hidden = state.rooms.length > 0;
}

function iconButton(icon, label, className) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `icon-btn ${className}`;
  b.setAttribute('aria-label', label);
  b.title = label;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
  use.setAttribute('href', `#${icon}`);
  svg.append(use);
  b.append(svg);
  return b;
}

function roomItem(room) {
  const li = document.createElement('li');
  li.className = 'room';
  li.dataset.id = String(room.id);
  const open = document.createElement('button');
  open.type = 'button';
  open.className = 'room-open';
  open.textContent = room.title;
  if (room.id === state.roomId) {
    li.classList.add('active');
    open.setAttribute('aria-current', 'page');
  }
  open.addEventListener('click', () => openRoom(room.id, { focus: true }));
  const rename = iconButton('i-edit', `${t('rename')}: ${room.title}`, 'room-rename');
  rename.addEventListener('click', () => startRename(li, room));
  const del = iconButton('i-trash', `${t('delete')}: ${room.title}`, 'room-delete');
  del.addEventListener('click', () => confirmDelete(room));
  li.append(open, rename, del);
  return li;
}

function startRename(li, room) {
  const form = document.createElement('form');
  form.className = 'rename-form';
  const input = document.createElement('input');
  input.value = room.title;
  input.maxLength = 100;
  input.required = true;
  input.setAttribute('aria-label', t('renameLabel', { title: room.title }));
  const save = document.createElement('button');
  save.type = 'submit';
  save.className = 'btn btn-small btn-primary';
  save.textContent = t('save');
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'btn btn-small';
  cancel.textContent = t('cancel');
  const restore = () => { renderRooms(); focusRoom(room.id, '.room-rename'); };
  cancel.addEventListener('click', restore);
  input.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); restore(); } });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const title = input.value.trim();
    if (!title || title === room.title) { restore(); return; }
    try {
      await renameRoom(room.id, title);
      focusRoom(room.id, '.room-open');
    } catch (err) {
      handleApiError(err);
    }
  });
  form.append(input, save, cancel);
  li.replaceChildren(form);
  input.focus();
  input.select();
}

async function renameRoom(id, title) {
  const updated = await api.renameRoom(id, title);
  state.rooms = state.rooms.map((r) => (r.id === id ? { ...r, title: updated.title } : r));
  renderRooms();
  if (id === state.roomId) $('room-title').textContent = updated.title;
}

function focusRoom(id, selector) {
  const el = document.querySelector(`#room-list li[data-id="${id}"] ${selector}`);
  if (el) el.focus();
}

function confirmDelete(room) {
  const dialog = $('confirm');
  $('confirm-text').textContent = t('deleteConfirm', { title: room.title });
  dialog.returnValue = '';
  dialog.onclose = async () => {
    if (dialog.returnValue !== 'ok') { focusRoom(room.id, '.room-delete'); return; }
    try {
      await api.deleteRoom(room.id);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) { handleApiError(e); return; }
    }
    state.rooms = state.rooms.filter((r) => r.id !== room.id);
    renderRooms();
    if (room.id === state.roomId) {
      if (state.rooms[0]) openRoom(state.rooms[0].id, { focus: false });
      else { leaveRoom(); showNoRoom(); }
    }
    $('new-room').focus();
  };
  dialog.showModal();
  $('confirm-ok').focus();
}

async function createRoom() {
  try {
    const room = await api.createRoom(t('newChatTitle'));
    state.rooms = [room, ...state.rooms.filter((r) => r.id !== room.id)];
    renderRooms();
    openRoom(room.id, { focus: true });
  } catch (e) {
    handleApiError(e);
  }
}

function showNoRoom() {
  state.roomId = null;
  history.replaceState(null, '', location.pathname);
  $('room-title').textContent = '';
  $('message-list').replaceChildren();
  $('older').hidden = true;
  const empty = $('empty-room');
  empty.hidden = false;
  empty.textContent = state.rooms.length ? t('pickRoom') : t('noRooms');
  setComposerEnabled(false);
  setConnection('idle');
}

function leaveRoom() {
  if (state.socket) state.socket.close();
  state.socket = null;
  state.answer = null;
  state.messages = [];
  updateActions();
}

function openRoom(id, { focus }) {
  const room = state.rooms.find((r) => r.id === id);
  if (!room) return;
  closeMenu();
  if (state.roomId === id && state.socket) {
    if (focus) $('composer-input').focus();
    return;
  }
  leaveRoom();
  state.roomId = id;
  state.hasOlder = false;
  history.replaceState(null, '', `#room=${id}`);
  $('room-title').textContent = room.title;
  $('message-list').replaceChildren();
  $('older').hidden = true;
  $('empty-room').hidden = true;
  hideNotice();
  renderRooms();
  setComposerEnabled(true);
  state.socket = new ChatSocket(id, accessToken, {
    frame: onFrame,
    state: setConnection,
    closed: onSocketClosed,
    failedAttempt: checkBeforeRetry,
  });
  state.socket.connect();
  if (focus) $('composer-input').focus();
}

// ---------------------------------------------------------------- connection

function setConnection(s, info = {}) {
  state.connection = s;
  const el = $('status');
  el.dataset.state = s;
  const text = {
    idle: '',
    connecting: t('statusConnecting'),
    connected: t('statusConnected'),
    waiting: t('statusReconnecting', { s: info.seconds ?? '' }),
    offline: t('statusOffline'),
    unauthorized: t('sessionExpired'),
  }[s] ?? '';
  $('status-text').textContent = text;
  $('reconnect-now').hidden = s !== 'waiting';
  if (s === 'unauthorized') sessionEnded(t('sessionExpired'));
  updateActions();
}

function onSocketClosed() {
  if (state.answer) {
    // The server stores what was streamed as stopped; the resync on reconnect shows it.
    finishAnswer({ status: 'interrupted' });
  }
}

/** Before each retry, tells a dead session or a deleted room apart from a network fault. */
async function checkBeforeRetry(attempt, event) {
  const roomId = state.roomId;
  if (event && event.code === 1008 && auth.expired(state.session, 30) && state.session.kind !== 'oidc') {
    sessionEnded(t('sessionExpired'));
    return false;
  }
  try {
    await api.room(roomId);
  } catch (e) {
    if (roomId !== state.roomId) return false;
    if (e instanceof ApiError && e.status === 401) { sessionEnded(t('sessionExpired')); return false; }
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) {
      showNotice(t('err_room_gone'));
      state.rooms = state.rooms.filter((r) => r.id !== roomId);
      leaveRoom();
      renderRooms();
      showNoRoom();
      return false;
    }
  }
  return roomId === state.roomId && !!state.session;
}

// ---------------------------------------------------------------- frames

function onFrame(frame) {
  switch (frame.type) {
    case 'history': return onHistory(frame.messages || []);
    case 'chunk': return onChunk(frame.response || '');
    case 'done': return onDone(frame);
    case 'error': return onError(frame);
    default: return undefined;
  }
}

function fromServer(m) {
  return {
    key: `m${m.id}`,
    id: m.id,
    role: m.role === 'user' ? 'user' : 'bot',
    message: m.message ?? '',
    status: m.status || 'complete',
    sources: Array.isArray(m.sources) ? m.sources : [],
    timestamp: m.timestamp,
  };
}

/** Every connect brings a history frame: it replaces what it covers, and keeps older loaded pages. */
function onHistory(list) {
  const fresh = list.map(fromServer);
  const wasAtBottom = atBottom();
  const minId = fresh.length ? fresh[0].id : Infinity;
  const older = state.messages.filter((m) => !m.local && m.id < minId);
  const unsent = state.messages.filter((m) => m.local && m.notSent);
  state.messages = [...older, ...fresh, ...unsent];
  state.answer = null;
  if (!older.length) state.hasOlder = fresh.length >= state.config.historyLimit;
  renderMessages();
  if (wasAtBottom || !older.length) scrollToBottom();
  maybeLoadOlder();
  updateActions();
}

function onChunk(delta) {
  if (!state.answer) startAnswer(); // an answer streamed for another tab of this room
  const a = state.answer;
  a.awaiting = false;
  a.text += delta;
  scheduleAnswerRender();
}

function onDone(frame) {
  if (!state.answer) startAnswer();
  state.answer.text = frame.response ?? state.answer.text;
  finishAnswer({
    id: frame.messageId,
    status: frame.status || 'complete',
    sources: Array.isArray(frame.sources) ? frame.sources : [],
  });
  announce(frame.status === 'stopped' ? t('answerStopped') : t('answerDone'));
}

function onError(frame) {
  const code = frame.code || 'internal';
  const message = t(`err_${code}`, { max: state.config.maxMessageChars });
  showNotice(message.startsWith('err_') ? (frame.error || t('err_internal')) : message, code);
  const a = state.answer;
  if (code === 'llm_unavailable' && a) {
    finishAnswer({ status: 'failed' });
  } else if (a && a.awaiting && code !== 'busy') {
    // The question was refused before it was stored: give it back to the composer.
    dropAnswer();
    const mine = [...state.messages].reverse().find((m) => m.local && m.role === 'user' && !m.notSent);
    if (mine) {
      mine.notSent = true;
      const input = $('composer-input');
      if (!input.value.trim()) { input.value = mine.message; autoGrow(); updateCount(); }
    }
    renderMessages();
  } else if (a && a.awaiting && code === 'busy') {
    dropAnswer();
    const mine = [...state.messages].reverse().find((m) => m.local && m.role === 'user' && !m.notSent);
    if (mine) mine.notSent = true;
    renderMessages();
  }
  updateActions();
}

function startAnswer() {
  const key = `l${++localKeys}`;
  state.answer = { key, text: '', awaiting: true };
  appendMessage({ key, id: null, role: 'bot', message: '', status: 'streaming', sources: [], local: true });
  scrollToBottom();
}

function dropAnswer() {
  if (!state.answer) return;
  const key = state.answer.key;
  state.messages = state.messages.filter((m) => m.key !== key);
  state.answer = null;
}

function finishAnswer({ id = null, status, sources = [] }) {
  const a = state.answer;
  if (!a) return;
  const m = state.messages.find((x) => x.key === a.key);
  if (m) {
    m.message = a.text;
    m.status = status;
    m.sources = sources;
    if (id) { m.id = id; m.local = false; }
  }
  state.answer = null;
  clearTimeout(renderTimer);
  renderTimer = null;
  const wasAtBottom = atBottom();
  const li = document.querySelector(`#message-list li[data-key="${a.key}"]`);
  if (li && m) li.replaceWith(messageItem(m)); // only this message: focus elsewhere stays put
  else renderMessages();
  if (wasAtBottom) scrollToBottom();
  updateActions();
}

let renderTimer = null;
function scheduleAnswerRender() {
  if (renderTimer) return;
  renderTimer = setTimeout(() => {
    renderTimer = null;
    const a = state.answer;
    if (!a) return;
    const li = document.querySelector(`#message-list li[data-key="${a.key}"]`);
    if (!li) { renderMessages(); return; }
    const wasAtBottom = atBottom();
    const body = li.querySelector('.msg-body');
    body.innerHTML = renderMarkdown(a.text); // escaped by renderMarkdown before any tag is added
    li.classList.remove('awaiting');
    if (wasAtBottom) scrollToBottom();
  }, 40);
}

// ---------------------------------------------------------------- rendering

function messageItem(m) {
  const li = document.createElement('li');
  li.className = `msg msg-${m.role}`;
  li.dataset.key = m.key;
  li.dataset.role = m.role;
  if (m.id) li.dataset.id = String(m.id);
  const streaming = state.answer && state.answer.key === m.key;
  li.dataset.status = streaming ? 'streaming' : (m.notSent ? 'not-sent' : m.status);
  if (streaming && state.answer.awaiting && !state.answer.text) li.classList.add('awaiting');

  const who = document.createElement('span');
  who.className = 'msg-who visually-hidden';
  who.textContent = m.role === 'user' ? t('you') : t('assistant');
  li.append(who);

  const body = document.createElement('div');
  body.className = 'msg-body';
  if (m.role === 'user') {
    body.textContent = m.message; // questions are shown exactly as typed, never parsed
  } else {
    body.innerHTML = renderMarkdown(streaming ? state.answer.text : m.message);
    body.setAttribute('aria-busy', streaming ? 'true' : 'false');
  }
  if (streaming) {
    const typing = document.createElement('span');
    typing.className = 'typing';
    typing.setAttribute('role', 'img');
    typing.setAttribute('aria-label', t('thinking'));
    typing.append(document.createElement('i'), document.createElement('i'), document.createElement('i'));
    li.append(body, typing);
  } else {
    li.append(body);
  }

  const note = m.notSent ? t('notSent')
    : m.status === 'stopped' ? t('stopped')
      : m.status === 'failed' ? t('failed')
        : m.status === 'interrupted' ? t('interrupted') : null;
  if (note && !streaming) {
    const n = document.createElement('p');
    n.className = 'msg-note';
    n.textContent = note;
    li.append(n);
  }
  if (m.role === 'bot' && m.sources && m.sources.length && !streaming) li.append(sourcesList(m.sources));
  return li;
}

function sourcesList(sources) {
  const wrap = document.createElement('section');
  wrap.className = 'sources';
  const h = document.createElement('h3');
  h.textContent = t('sources');
  const ol = document.createElement('ol');
  sources.forEach((s) => {
    const li = document.createElement('li');
    const title = String(s.title || s.id || '');
    let url = null;
    try {
      const u = new URL(String(s.url || ''));
      if (u.protocol === 'https:' || u.protocol === 'http:') url = u.href;
    } catch { /* not a URL: shown as text */ }
    const label = document.createElement(url ? 'a' : 'span');
    label.className = 'source-title';
    label.textContent = title;
    if (url) {
      label.href = url;
      label.target = '_blank';
      label.rel = 'noopener noreferrer nofollow';
    }
    li.append(label);
    if (s.institution) {
      const inst = document.createElement('span');
      inst.className = 'source-inst';
      inst.textContent = String(s.institution);
      li.append(inst);
    }
    ol.append(li);
  });
  wrap.append(h, ol);
  return wrap;
}

/** Adds one message at the end without re-rendering the rest, so screen readers hear only it. */
function appendMessage(m) {
  state.messages.push(m);
  $('message-list').append(messageItem(m));
  $('empty-room').hidden = true;
  updateOlder();
}

function renderMessages() {
  $('message-list').replaceChildren(...state.messages.map(messageItem));
  const empty = $('empty-room');
  empty.hidden = state.messages.length > 0 || !state.roomId;
  empty.textContent = t('emptyRoom');
  updateOlder();
}

function updateOlder() {
  const older = $('older');
  older.hidden = !state.roomId || (!state.loadingOlder && state.hasOlder) || state.messages.length === 0;
  older.textContent = state.loadingOlder ? t('loadingOlder') : t('historyStart');
}

function atBottom() {
  const box = $('messages');
  return box.scrollHeight - box.scrollTop - box.clientHeight < 80;
}

function scrollToBottom() {
  const box = $('messages');
  box.scrollTop = box.scrollHeight;
}

async function loadOlder() {
  const roomId = state.roomId;
  const oldest = state.messages.find((m) => m.id);
  if (!state.hasOlder || state.loadingOlder || !oldest) return;
  state.loadingOlder = true;
  renderMessages();
  const box = $('messages');
  const before = box.scrollHeight - box.scrollTop;
  try {
    const page = await api.messages(roomId, oldest.id, PAGE);
    if (roomId !== state.roomId) return;
    const known = new Set(state.messages.map((m) => m.id));
    const add = page.map(fromServer).filter((m) => !known.has(m.id));
    state.messages = [...add, ...state.messages];
    state.hasOlder = page.length >= PAGE;
  } catch (e) {
    handleApiError(e);
  } finally {
    state.loadingOlder = false;
  }
  if (roomId !== state.roomId) return;
  renderMessages();
  box.scrollTop = box.scrollHeight - before; // keep the reader's place
  maybeLoadOlder();
}

function maybeLoadOlder() {
  const box = $('messages');
  if (state.hasOlder && !state.loadingOlder && (box.scrollTop < 120 || box.scrollHeight <= box.clientHeight + 10)) {
    loadOlder();
  }
}

// ---------------------------------------------------------------- composer

function setComposerEnabled(on) {
  $('composer-input').disabled = !on;
  $('send').disabled = !on;
}

function updateActions() {
  const busy = !!state.answer;
  $('stop').hidden = !busy;
  $('send').hidden = busy;
  $('composer').dataset.busy = String(busy);
  $('send').disabled = !state.roomId || state.connection !== 'connected';
}

function autoGrow() {
  const input = $('composer-input');
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight + 2, 240)}px`;
  input.style.overflowY = input.scrollHeight > 240 ? 'auto' : 'hidden';
}

function updateCount() {
  const n = $('composer-input').value.length;
  const max = state.config.maxMessageChars;
  const el = $('char-count');
  el.textContent = n > max * 0.8 ? t('charCount', { n, max }) : '';
  el.classList.toggle('over', n > max);
}

function send() {
  const input = $('composer-input');
  const text = input.value;
  if (!text.trim() || !state.roomId) return;
  if (text.length > state.config.maxMessageChars) {
    showNotice(t('err_message_too_long', { max: state.config.maxMessageChars }), 'message_too_long');
    return;
  }
  if (state.answer) {
    showNotice(t('err_busy'), 'busy');
    return;
  }
  if (!state.socket || !state.socket.send({ message: text })) {
    showNotice(t('err_network'), 'disconnected');
    return;
  }
  hideNotice();
  if (state.messages.some((m) => m.notSent)) {
    state.messages = state.messages.filter((m) => !m.notSent);
    renderMessages();
  }
  appendMessage({ key: `l${++localKeys}`, id: null, role: 'user', message: text, status: 'complete', sources: [], local: true });
  input.value = '';
  autoGrow();
  updateCount();
  startAnswer();
  updateActions();
  maybeTitleRoom(text);
}

/** A room still called "New chat" takes its first question as its title. */
function maybeTitleRoom(question) {
  const room = state.rooms.find((r) => r.id === state.roomId);
  if (!room || !DEFAULT_TITLES.has(room.title)) return;
  if (state.messages.some((m) => m.role === 'user' && !m.local)) return;
  const title = question.replace(/\s+/g, ' ').trim().slice(0, 40);
  if (title) renameRoom(room.id, title).catch(() => { /* the default title is fine too */ });
}

function stop() {
  if (state.socket) state.socket.send({ type: 'stop' });
}

// ---------------------------------------------------------------- notices and errors

function showNotice(text, code = '') {
  $('notice-text').textContent = text;
  $('notice').dataset.code = code;
  $('notice').hidden = false;
}

function hideNotice() {
  $('notice').hidden = true;
  $('notice').dataset.code = '';
}

function announce(text) {
  const el = $('announcer');
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 50);
}

function handleApiError(e) {
  if (e instanceof ApiError && e.status === 401) { sessionEnded(t('sessionExpired')); return; }
  showNotice(e instanceof ApiError && e.status === 0 ? t('err_network') : (e.message || t('err_internal')));
}

// ---------------------------------------------------------------- narrow screens

function openMenu() {
  $('chat').classList.add('nav-open');
  $('backdrop').hidden = false;
  $('menu-button').setAttribute('aria-expanded', 'true');
  const first = document.querySelector('#sidebar .room.active .room-open') || $('new-room');
  first.focus();
}

function closeMenu() {
  if (!$('chat').classList.contains('nav-open')) return;
  $('chat').classList.remove('nav-open');
  $('backdrop').hidden = true;
  $('menu-button').setAttribute('aria-expanded', 'false');
}

// ---------------------------------------------------------------- wiring

function wire() {
  document.querySelectorAll('.lang-toggle').forEach((b) => b.addEventListener('click', toggleLang));
  onLangChange(() => {
    translate();
    if (state.session) $('user-name').textContent = t('signedInAs', { user: state.session.user });
    renderRooms();
    if (state.roomId) renderMessages();
    setConnection(state.connection);
  });

  $('dev-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = $('dev-signin');
    button.disabled = true;
    try {
      await signedIn(await auth.signInDev($('dev-user').value.trim()));
    } catch (err) {
      showSignIn(t('signInFailed', { detail: err.message }));
    } finally {
      button.disabled = false;
    }
  });
  $('oidc-signin').addEventListener('click', async () => {
    try {
      await auth.beginOidc(state.config.oidc);
    } catch (err) {
      showSignIn(t('signInFailed', { detail: err.message }));
    }
  });
  $('token-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const session = auth.signInWithToken($('token-input').value);
      $('token-input').value = '';
      await signedIn(session);
    } catch (err) {
      showSignIn(t('signInFailed', { detail: err.message }));
    }
  });
  $('signout').addEventListener('click', () => {
    const url = auth.logoutUrl(state.config.oidc, state.session);
    sessionEnded('');
    if (url) location.assign(url);
  });

  initProfile(api, handleApiError);
  $('new-room').addEventListener('click', createRoom);
  $('menu-button').addEventListener('click', openMenu);
  $('close-menu').addEventListener('click', () => { closeMenu(); $('menu-button').focus(); });
  $('backdrop').addEventListener('click', closeMenu);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && $('chat').classList.contains('nav-open')) { closeMenu(); $('menu-button').focus(); }
  });
  $('reconnect-now').addEventListener('click', () => state.socket && state.socket.reconnectNow());
  $('notice-close').addEventListener('click', hideNotice);
  $('messages').addEventListener('scroll', () => maybeLoadOlder(), { passive: true });

  const input = $('composer-input');
  input.addEventListener('compositionstart', () => { state.composing = true; });
  input.addEventListener('compositionend', () => { state.composing = false; });
  input.addEventListener('input', () => { autoGrow(); updateCount(); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.answer) { e.preventDefault(); stop(); return; }
    if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    // Enter that commits a Korean (or any IME) composition must not send the half-typed text.
    if (e.isComposing || e.keyCode === 229 || state.composing) return;
    e.preventDefault();
    send();
  });
  $('composer').addEventListener('submit', (e) => { e.preventDefault(); send(); });
  $('stop').addEventListener('click', () => { stop(); input.focus(); });
}

async function start() {
  translate();
  wire();
  try {
    state.config = { ...state.config, ...(await api.config()) };
  } catch {
    /* defaults: token hand-off only */
  }
  let session = null;
  try {
    session = await auth.completeOidc(state.config.oidc);
  } catch (err) {
    $('loading').hidden = true;
    showSignIn(t('signInFailed', { detail: err.message }));
    return;
  }
  session = session || auth.load();
  if (session && auth.expired(session, 30) && session.kind === 'oidc') {
    session = await auth.refresh(state.config.oidc, session).catch(() => null);
  }
  $('loading').hidden = true;
  if (session && !auth.expired(session)) await signedIn(session);
  else { auth.clear(); showSignIn(session ? t('sessionExpired') : ''); }
}

start();
