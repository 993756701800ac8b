// The Entente protocol over a WebSocket: each text frame is one envelope in the proto3 JSON
// mapping (docs/protocol.md, "The web client"). No library: JSON is the browser's own.
'use strict';

const LOST = { code: 'UNAVAILABLE', message: 'The connection to the server was lost.' };

/** The request contract (each kind's stage and whether it changes the session), served from protocol.proto. */
let contract = null;
function loadContract() {
  contract = contract || fetch('/requests.json').then((r) => {
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  }).then((json) => json.requests, () => {
    contract = null;
    throw { code: 'UNAVAILABLE', message: 'Cannot reach the server.' };
  });
  return contract;
}

/** A random non-zero 64-bit idempotency key, and for an entry (a lobby request) its 16-byte secret. */
function keysFor(rule) {
  const key = new BigUint64Array(1);
  do crypto.getRandomValues(key); while (key[0] === 0n);
  const keys = { idempotencyKey: key[0].toString() };
  if (rule.stage === 'LOBBY') {
    keys.idempotencySecret = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  }
  return keys;
}

/**
 * One connection: request() returns a promise of the response body; events go to onEvent.
 * Every request that changes the session carries an idempotency key (docs/protocol.md,
 * "Retrying requests"). With options.resend, such a request left unanswered by a dropped
 * socket (or made while it is down) waits, and resend() sends it again with the same key once
 * the page has opened the socket again and taken its seat back.
 */
export class Connection {
  constructor(onEvent, onClose, options) {
    this.onEvent = onEvent;
    this.onClose = onClose;
    this.nextId = 1;
    this.pending = new Map(); // request id -> { body, keys, resolve, reject }, in the order sent
    this.socket = null;
    this.resends = !!(options && options.resend);
    this.kept = []; // changes waiting for resend()
    this.holding = false; // after a drop, until resend(): changes are kept, not sent
  }

  /** Opens a socket (again, after a drop) and says hello; resolves with the Welcome. */
  async open() {
    this.rules = await loadContract();
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(scheme + '//' + location.host + '/ws');
    this.socket = socket;
    socket.addEventListener('message', (e) => { if (this.socket === socket) this.received(e.data); });
    socket.addEventListener('close', () => { if (this.socket === socket) this.closed(); });
    return new Promise((resolve, reject) => {
      socket.addEventListener('open', () => {
        this.request({ hello: { protocolVersion: 'PROTOCOL_VERSION_1', clientName: 'entente-web' } }).then(resolve, reject);
      }, { once: true });
      socket.addEventListener('error', () => reject({ code: 'UNAVAILABLE', message: 'Cannot reach the server.' }), { once: true });
    });
  }

  close() {
    if (this.socket) this.socket.close();
  }

  closed() {
    for (const waiter of this.pending.values()) {
      if (this.resends && waiter.keys) this.kept.push(waiter);
      else waiter.reject(LOST);
    }
    this.pending.clear();
    this.holding = this.resends;
    if (this.onClose) this.onClose();
  }

  /** Sends one request; resolves with the ServerMessage (its success body), rejects with its Error. */
  request(body) {
    const rule = (this.rules || {})[Object.keys(body)[0]];
    const waiter = { body, keys: rule && rule.changesSession ? keysFor(rule) : null };
    return new Promise((resolve, reject) => {
      waiter.resolve = resolve;
      waiter.reject = reject;
      const open = this.socket && this.socket.readyState === WebSocket.OPEN;
      if (open && !(this.holding && waiter.keys)) this.send(waiter);
      else if (this.resends && waiter.keys) this.kept.push(waiter);
      else reject(LOST);
    });
  }

  send(waiter) {
    const id = String(this.nextId++);
    this.pending.set(id, waiter);
    this.socket.send(JSON.stringify(Object.assign({ requestId: id }, waiter.keys, waiter.body)));
  }

  /** Are changes waiting for resend()? */
  hasKept() {
    return this.kept.length > 0;
  }

  /** Once the seat is back (or for a kept join, before there is one): the kept changes, in order, same keys. */
  resend() {
    this.holding = false;
    const kept = this.kept;
    this.kept = [];
    kept.forEach((waiter) => this.send(waiter));
  }

  /** The seat is gone: the kept changes fail with error. */
  dropKept(error) {
    this.holding = false;
    const kept = this.kept;
    this.kept = [];
    kept.forEach((waiter) => waiter.reject(error));
  }

  received(text) {
    const message = JSON.parse(text);
    if (message.ping) {
      this.socket.send(JSON.stringify({ pong: { nonce: message.ping.nonce || '0' } }));
      return;
    }
    const id = message.requestId || '0';
    if (id === '0') {
      if (message.event) this.onEvent(message.event);
      else if (message.error) this.onEvent({ closing: message.error });
      return;
    }
    const waiter = this.pending.get(id);
    if (!waiter) return;
    this.pending.delete(id);
    if (message.error) waiter.reject(message.error);
    else waiter.resolve(message);
  }
}

/** An element with attributes and children; strings become text nodes (never HTML). */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/** Empties a node and fills it with the given children. */
export function fill(node, ...children) {
  node.replaceChildren();
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
}

/** A join code as shown: ABC-DEF. */
export function showCode(code) {
  const c = String(code || '').toUpperCase().replace(/[^0-9A-Z]/g, '');
  return c.length === 6 ? c.slice(0, 3) + '-' + c.slice(3) : c;
}

/** "Turn 2 of 8", the turn's date, and the time left or why there is no clock. */
export function clockText(view, briefing, now, terse) {
  const phase = view.phase || 'PHASE_UNSPECIFIED';
  if (phase === 'WAITING') return 'Waiting for the game master to start';
  if (phase === 'ENDED') return 'The game has ended';
  if (phase === 'PAUSED') return 'Paused' + (view.pausedSecondsLeft ? ' (' + duration(view.pausedSecondsLeft) + ' left)' : '');
  const deadline = Number(view.deadlineEpochMillis || 0);
  if (!deadline) return terse ? 'Manual' : 'Manual: the turn ends when every team is ready';
  return duration(Math.max(0, Math.round((deadline - now) / 1000))) + ' left';
}

export function turnText(view, briefing) {
  const turn = view.turn || 0;
  if (!turn) return '';
  const date = briefing && briefing.turnDates ? briefing.turnDates[turn - 1] : '';
  return 'Turn ' + turn + ' of ' + (view.totalTurns || '?') + (date ? ', ' + date : '');
}

export function duration(seconds) {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m + ':' + String(s).padStart(2, '0');
}

/** A name for a spectator seat: "Projector 4821". */
export function projectorName() {
  const n = new Uint16Array(1);
  crypto.getRandomValues(n);
  return 'Projector ' + (1000 + (n[0] % 9000));
}

/** The seat saved for this tab under key, or null. Tokens live in sessionStorage only. */
export function savedSeat(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key) || 'null');
  } catch (e) {
    return null;
  }
}

export function saveSeat(key, seat) {
  sessionStorage.setItem(key, JSON.stringify(seat));
}

export function forgetSeat(key) {
  sessionStorage.removeItem(key);
}

/** Updates the view in place from one event (what the event itself says). */
export function applyEvent(view, event) {
  view.lastSeq = event.seq || view.lastSeq;
  const countries = view.countries || [];
  if (event.phaseChanged) {
    const p = event.phaseChanged;
    if (p.phase === 'RUNNING' && (p.turn || 0) !== (view.turn || 0)) {
      countries.forEach((c) => { c.ready = false; });
      view.drafts = [];
    }
    view.phase = p.phase;
    view.turn = p.turn || view.turn;
    view.deadlineEpochMillis = p.deadlineEpochMillis || '0';
    view.pausedSecondsLeft = p.pausedSecondsLeft || 0;
  } else if (event.readinessChanged) {
    const c = countries.find((x) => x.id === event.readinessChanged.country);
    if (c) c.ready = !!event.readinessChanged.ready;
  } else if (event.seatsChanged) {
    const joined = event.seatsChanged.seats || [];
    const ids = new Set(joined.map((s) => s.seatId));
    view.seats = (view.seats || []).filter((s) => !ids.has(s.seatId)).concat(joined);
    countPlayers(view);
  } else if (event.seatMoved) {
    const seat = (view.seats || []).find((s) => s.seatId === event.seatMoved.seatId);
    if (seat) seat.country = event.seatMoved.toCountry;
    countPlayers(view);
  } else if (event.seatRemoved) {
    view.seats = (view.seats || []).filter((s) => s.seatId !== event.seatRemoved.seatId);
    countPlayers(view);
  } else if (event.botChanged) {
    const c = countries.find((x) => x.id === event.botChanged.country);
    if (c) c.bot = !!event.botChanged.bot;
  } else if (event.draftUpdated) {
    const draft = event.draftUpdated.draft;
    view.drafts = (view.drafts || []).filter((d) => d.country !== draft.country).concat([draft]);
  }
}

function countPlayers(view) {
  if (!view.seats) return;
  for (const c of view.countries || []) {
    c.players = view.seats.filter((s) => s.role === 'PLAYER' && s.country === c.id).length;
  }
}

/** An Error from the server as one sentence. */
export function reason(error) {
  return (error && error.message) || 'The request failed.';
}

/**
 * The newest `limit` messages before `beforeSeq` (0: the newest) that this seat may read,
 * newest first. The server looks through a bounded number of events per page, so a page may
 * hold fewer than asked and say where to go on (`nextBeforeSeq`): this asks again from there.
 */
export async function historyMessages(connection, limit, beforeSeq) {
  const found = [];
  let before = String(beforeSeq || 0);
  while (found.length < limit) {
    const page = (await connection.request({ getHistory: { beforeSeq: before, limit: limit - found.length } })).historyPage;
    found.push(...(page.messages || []));
    const next = page.nextBeforeSeq || '0';
    if (!page.more || next === '0' || (before !== '0' && BigInt(next) >= BigInt(before))) break;
    before = next;
  }
  return found;
}
