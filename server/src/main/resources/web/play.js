// The student's page, / (and /play): join with a code, or take the tab's seat back.
import { Connection, el, fill, showCode, clockText, turnText, savedSeat, saveSeat, forgetSeat, applyEvent, reason,
  historyMessages } from '/entente.js';

const KEY = 'entente.play';
const $ = (id) => document.getElementById(id);
let connection = null;
let seat = null; // { code, token, country, name }
let view = null;
let briefing = null;
const messages = new Map(); // seq -> ChatMessage
const reports = new Map(); // turn -> TurnReport
const offers = new Map(); // seq of a turn report -> { turn, lines }: the offers to our country in it
let unread = 0;
let drawnDraft = null; // the orders the draft list shows, as drawn last

function status(text) {
  $('status').textContent = text;
}

function say(text) {
  $('news').textContent = text; // read out by screen readers
}

// One connection for the tab's life: after a drop it opens again, takes the seat back and
// resends the changes the drop left unanswered, with their idempotency keys.
connection = new Connection(onEvent, () => { status('Connection lost; reconnecting…'); setTimeout(start, 2000); },
  { resend: true });

async function start() {
  try {
    await connection.open();
    const saved = savedSeat(KEY);
    if (saved) {
      try {
        const answer = await connection.request({ resume: { joinCode: saved.code, token: saved.token, lastSeq: '0' } });
        seat = saved;
        seat.seatId = answer.resumed.seatId;
        messages.clear();
        reports.clear();
        offers.clear();
        await entered(answer.resumed.view);
        connection.resend();
        // The server replays only the newest events to a seat far behind: older messages come from the history.
        const from = answer.resumed.replayedFromSeq || '0';
        if (BigInt(from) > 1n) {
          for (const m of await historyMessages(connection, 100, from).catch(() => [])) messages.set(m.seq, m);
          render();
        }
        status('Welcome back, ' + seat.name + '.');
        return;
      } catch (e) {
        if (e.code !== 'INVALID_TOKEN' && e.code !== 'UNKNOWN_SESSION') throw e;
        forgetSeat(KEY);
        connection.dropKept(e);
      }
    }
    if (connection.hasKept()) {
      connection.resend(); // a join whose answer the drop took: its retry returns the same seat
      return;
    }
    await showJoin();
  } catch (e) {
    status(reason(e));
  }
}

async function showJoin() {
  const fromUrl = new URLSearchParams(location.search).get('code');
  if (fromUrl) $('code').value = showCode(fromUrl);
  $('join').classList.remove('hidden');
  $('code').focus();
  lookUpCode();
}

// The countries offered are those of the session being joined (an uploaded scenario has its
// own), asked of the server once the code is complete.
let lookedUp = '';

async function lookUpCode() {
  const code = $('code').value.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (code === lookedUp) return;
  lookedUp = code;
  fill($('country'));
  $('country').disabled = true;
  $('country-help').classList.remove('hidden');
  $('country').setAttribute('aria-describedby', 'country-help');
  $('join-scenario').textContent = code.length === 6 ? 'Looking up ' + showCode(code) + '…' : '';
  $('join-error').textContent = '';
  if (code.length !== 6) return;
  try {
    const answer = await connection.request({ getSessionInfo: { joinCode: code } });
    if (code !== lookedUp) return; // the code changed while the server answered
    const info = answer.sessionInfo;
    // No country is chosen for the student: Join asks for one (the list is required).
    fill($('country'), el('option', { value: '', disabled: true, selected: true }, 'Choose your country'),
      (info.countries || []).filter((c) => c.playable).map((c) => el('option', { value: c.id }, c.name)));
    $('country').disabled = false;
    $('country-help').classList.add('hidden');
    $('country').removeAttribute('aria-describedby'); // a hidden help would still be read as its description
    $('join-scenario').textContent = 'Scenario: ' + (info.title || info.scenarioId || '');
  } catch (e) {
    if (code !== lookedUp) return;
    $('join-scenario').textContent = '';
    $('join-error').textContent = reason(e);
  }
}

async function join(event) {
  event.preventDefault();
  $('join-error').textContent = '';
  $('join-button').disabled = true;
  const code = $('code').value.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const name = $('name').value.trim();
  try {
    const answer = await connection.request({ joinSession: { joinCode: code, displayName: name, country: $('country').value } });
    seat = { code, token: answer.joined.seatToken, country: answer.joined.country, name, seatId: answer.joined.seatId };
    saveSeat(KEY, seat);
    $('join').classList.add('hidden');
    const history = await historyMessages(connection, 100, 0).catch(() => []);
    await entered(answer.joined.view);
    for (const m of history) messages.set(m.seq, m);
    render();
    status('You joined ' + countryName(seat.country) + '.');
  } catch (e) {
    $('join-error').textContent = reason(e);
  } finally {
    $('join-button').disabled = false;
  }
}

async function entered(newView) {
  view = newView;
  seat.country = view.viewerCountry || seat.country;
  briefing = (await connection.request({ getBriefing: {} })).briefing;
  const fromTheForm = !document.activeElement || document.activeElement === document.body || $('join').contains(document.activeElement);
  $('join').classList.add('hidden');
  $('game').classList.remove('hidden');
  $('ready').classList.remove('hidden');
  if (fromTheForm) $('game-title').focus(); // a keyboard or screen-reader user goes on from the game's start
  setUpOrderForm();
  setUpChannels();
  renderBriefing();
  render();
}

function onEvent(event) {
  if (event.closing) {
    status(reason(event.closing));
    if (event.closing.code === 'PERMISSION_DENIED') forgetSeat(KEY);
    return;
  }
  if (!view) return;
  applyEvent(view, event);
  if (event.message) {
    messages.set(event.message.seq, event.message);
    if ($('messages').classList.contains('hidden')) unread++;
    say('Message from ' + (event.message.fromName || countryName(event.message.fromCountry)) + ': ' + event.message.text);
  } else if (event.turnReport) {
    reports.set(event.turnReport.turn, event.turnReport);
    const offered = (event.turnReport.lines || []).filter((l) => l.proposal === 'PROPOSAL_OFFER');
    if (offered.length) {
      offers.set(event.seq, { turn: event.turnReport.turn, lines: offered });
      if ($('messages').classList.contains('hidden')) unread += offered.length;
    }
    say('Turn ' + event.turnReport.turn + ' was resolved; the report is under Reports.');
    $('order-added').textContent = '';
    connection.request({ getView: {} }).then((a) => { view = a.view; render(); }, () => {});
  } else if (event.news) {
    say('News: ' + event.news.title + '. ' + event.news.text);
  } else if (event.seatMoved && seat && event.seatMoved.toCountry && isMe(event.seatMoved.seatId)) {
    seat.country = event.seatMoved.toCountry;
    saveSeat(KEY, seat);
    connection.request({ getBriefing: {} }).then((a) => { briefing = a.briefing; setUpOrderForm(); renderBriefing(); render(); });
  }
  render();
}

function isMe(seatId) {
  return seat.seatId === seatId;
}

function nameOf(id) {
  if (!id) return '';
  const lists = briefing ? [briefing.actors, briefing.organisations, briefing.presences, briefing.tracks] : [];
  for (const list of lists) {
    const hit = (list || []).find((x) => x.id === id);
    if (hit) return hit.name;
  }
  return id;
}

function countryName(id) {
  const c = view && (view.countries || []).find((x) => x.id === id);
  return c ? c.name : nameOf(id);
}

function myKinds() {
  const mine = briefing && (briefing.orders || []).find((o) => o.country === seat.country);
  return (mine && mine.kinds) || [];
}

function myDraft() {
  return (view.drafts || []).find((d) => d.country === seat.country) || { orders: [] };
}

// ---- orders

function setUpOrderForm() {
  const kinds = myKinds();
  fill($('kind'), kinds.map((k, i) => el('option', { value: String(i) }, kindLabel(k))));
  showSlots();
}

function showSlots() {
  const kind = myKinds()[Number($('kind').value)];
  fill($('slots'));
  if (!kind) return;
  $('kind-help').textContent = (kind.description || '') + ' ' + (kind.usage || '');
  (kind.slots || []).forEach((slot, i) => {
    const id = 'slot-' + i;
    const label = el('label', { for: id }, (slot.label || 'value') + (slot.optional ? ' (optional)' : ''));
    let input;
    if (slot.choices && slot.choices.length) {
      input = el('select', { id },
        slot.optional ? el('option', { value: '' }, '(none)') : null,
        slot.choices.map((c) => el('option', { value: c }, nameOf(c) === c ? c : nameOf(c) + ' (' + c + ')')));
    } else {
      input = el('input', { id, maxlength: '500', required: !slot.optional });
    }
    input.dataset.type = slot.type || '';
    $('slots').append(label, input);
  });
}

// "Give notice (GIVE_NOTICE, 2 points)": words first, for reading and for a screen reader,
// then the kind as orders and reports spell it.
function kindLabel(k) {
  const words = k.kind.replace(/_/g, ' ').toLowerCase();
  const cost = k.cost || 0;
  return words.charAt(0).toUpperCase() + words.slice(1) + ' (' + k.kind + ', ' + cost + (cost === 1 ? ' point)' : ' points)');
}

function orderLine(kind) {
  const words = [kind.kind];
  (kind.slots || []).forEach((slot, i) => {
    const value = $('slot-' + i).value.trim();
    if (!value) return;
    const free = !(slot.choices && slot.choices.length);
    words.push(free ? '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"' : value);
  });
  return words.join(' ');
}

async function addOrder(event) {
  event.preventDefault();
  $('order-error').textContent = '';
  $('order-added').textContent = '';
  const kind = myKinds()[Number($('kind').value)];
  if (!kind) return;
  const line = orderLine(kind);
  try {
    const answer = await connection.request({ editDraft: { turn: view.turn || 0, add: { text: line } } });
    applyEvent(view, { draftUpdated: answer.draftUpdated });
    // Said where the student looks: the order is in, nothing else to send; the turn ends later.
    $('order-added').textContent = 'Order added: ' + line + '. Your team\'s orders are carried out when the turn ends;'
      + ' press \u201cWe are ready\u201d once your team has given them.';
    render();
  } catch (e) {
    $('order-error').textContent = 'Refused: ' + reason(e);
  }
}

async function removeOrder(orderId) {
  try {
    const answer = await connection.request({ editDraft: { turn: view.turn || 0, removeOrderId: orderId } });
    applyEvent(view, { draftUpdated: answer.draftUpdated });
    render();
  } catch (e) {
    $('order-error').textContent = reason(e);
  }
}

function costOf(order) {
  const word = (order.text || '').split(' ')[0];
  const kind = myKinds().find((k) => k.kind === word);
  return kind ? kind.cost || 0 : 0;
}

// ---- messages

function setUpChannels() {
  const others = (view.countries || []).filter((c) => c.playable && c.id !== seat.country);
  fill($('channel'),
    el('option', { value: 'TEAM:' }, 'My team'),
    el('option', { value: 'PUBLIC:' }, 'Everyone (public)'),
    others.map((c) => el('option', { value: 'PRIVATE:' + c.id }, c.name + ' (private)')));
}

async function sendMessage(event) {
  event.preventDefault();
  $('message-error').textContent = '';
  const [channel, toCountry] = $('channel').value.split(':');
  try {
    const answer = await connection.request({ sendMessage: { channel, toCountry, text: $('message-text').value } });
    for (const m of answer.historyPage.messages || []) messages.set(m.seq, m);
    $('message-text').value = '';
    say('Sent.');
    render();
  } catch (e) {
    $('message-error').textContent = reason(e);
  }
}

// ---- rendering

function render() {
  if (!view) return;
  $('who').textContent = seat.name + ' · ' + countryName(seat.country) + ' · ' + showCode(seat.code);
  $('turn').textContent = turnText(view, briefing);
  $('clock').textContent = clockText(view, briefing, Date.now());
  const playable = (view.countries || []).filter((c) => c.playable);
  fill($('readiness'), playable.map((c) => el('span', { class: c.ready ? 'pill ready' : 'pill' },
    c.name + (c.ready ? ': ready' : ''))));
  const mine = playable.find((c) => c.id === seat.country);
  const ready = !!(mine && mine.ready);
  $('ready').setAttribute('aria-pressed', String(ready));
  $('ready').textContent = ready ? 'Ready (press to take it back)' : 'We are ready';
  $('ready').disabled = view.phase !== 'RUNNING';
  const draft = myDraft();
  const used = (draft.orders || []).reduce((sum, o) => sum + costOf(o), 0);
  const points = (briefing && briefing.orderPoints) || 0;
  $('points').textContent = 'Points: ' + used + ' of ' + points + ' used, ' + (points - used) + ' left.';
  // The draft is a live region: drawn anew, a screen reader reads it all out again, so it is
  // drawn only when its orders change, not on every event.
  const drawn = JSON.stringify((draft.orders || []).map((o) => [o.orderId, o.text, o.author]));
  if (drawn !== drawnDraft) {
    drawnDraft = drawn;
    fill($('draft'), (draft.orders || []).length ? draft.orders.map((o) => el('li', {},
      el('span', { class: 'code' }, o.text || ''), ' ', el('span', { class: 'author' }, 'by ' + (o.author || '?')), ' ',
      el('button', { type: 'button', class: 'quiet', 'aria-label': 'Remove ' + (o.text || ''), onclick: () => removeOrder(o.orderId) }, 'Remove')))
      : [el('li', { class: 'muted' }, 'No orders yet.')]);
  }
  $('unread').textContent = unread ? '(' + unread + ')' : '';
  const inbox = [...messages.values()].map((m) => ({ seq: Number(m.seq), item: el('li', {},
    el('strong', {}, '[' + (m.channel || '').toLowerCase() + '] ' + (m.fromName || '') + (m.fromCountry ? ' (' + countryName(m.fromCountry) + ')' : '')
      + (m.toCountry ? ' to ' + countryName(m.toCountry) : '') + ': '), m.text || '') }))
    .concat([...offers].flatMap(([seq, o]) => o.lines.map((l) => ({ seq: Number(seq),
      item: el('li', { class: 'offer' }, el('strong', {}, '[offer, turn ' + o.turn + '] '), l.text || '') }))))
    .sort((a, b) => b.seq - a.seq);
  fill($('inbox'), inbox.length ? inbox.map((e) => e.item)
    : [el('li', { class: 'muted' }, 'No messages or offers yet.')]);
  const turns = [...reports.values()].sort((a, b) => b.turn - a.turn);
  fill($('report-list'), turns.length ? turns.map((r) => el('div', { class: 'card report' },
    el('h3', {}, 'Turn ' + r.turn + (r.cause ? ' (' + r.cause.toLowerCase().replace('_', ' ') + ')' : '')),
    el('ul', { class: 'plain' }, (r.lines || []).map((l) => el('li', {}, l.text || '')))))
    : [el('p', { class: 'muted' }, 'No turn has been resolved yet.')]);
  renderNumbers();
}

function renderNumbers() {
  const game = view.game || {};
  const own = (game.countries || []).find((c) => c.country === seat.country);
  const rows = own ? [['Security (SEC)', own.sec], ['Domestic support (DOM)', own.dom], ['Standing (STD)', own.std],
    ['Relations with Russia (RF)', own.rf], ['Grievance', own.grievance]] : [];
  fill($('numbers-body'),
    el('p', { class: 'muted' }, game.date ? 'After turn ' + (game.turn || 0) + ', ' + game.date : 'Before the first turn.'),
    el('table', {}, rows.map(([name, value]) => el('tr', {}, el('th', {}, name), el('td', {}, String(value || 0))))),
    el('h3', {}, 'Trust'),
    el('table', {}, (game.trust || []).map((t) => el('tr', {}, el('th', {}, countryName(t.from) + ' → ' + countryName(t.to)),
      el('td', {}, String(t.value || 0))))),
    el('h3', {}, 'Answers owed'),
    el('ul', {}, (game.obligations || []).map((o) => el('li', {}, o))),
    el('h3', {}, 'Our hidden objective, scored now'),
    (game.objectives || []).map((o) => el('div', {}, el('p', {}, o.summary + ': ' + (o.points || 0) + ' points'),
      el('ul', {}, (o.criteria || []).map((c) => el('li', {}, (c.met ? '✔ ' : '✘ ') + c.description + ' (' + (c.points || 0) + ')'))))));
}

function renderBriefing() {
  if (!briefing) return;
  $('briefing-title').textContent = briefing.title || 'Briefing';
  const safeUrl = (url) => /^https?:\/\//i.test(url || '') ? url : null;
  fill($('briefing-body'),
    String(briefing.background || '').split(/\n\s*\n/).map((p) => el('p', {}, p)),
    el('h3', {}, 'Our hidden objective'),
    (briefing.objectives || []).map((o) => el('div', {}, el('p', {}, o.summary || ''),
      el('ul', {}, (o.criteria || []).map((c) => el('li', {}, c.description + ' (' + (c.points || 0) + ' points)'))))),
    el('h3', {}, 'Timeline'),
    el('ul', {}, (briefing.timeline || []).map((t) => el('li', {}, (t.date || '') + ': ' + (t.text || '')))),
    el('h3', {}, 'Sources'),
    el('ul', {}, (briefing.sources || []).map((s) => el('li', {}, '[' + s.key + '] ' + (s.citation || '') + ' ',
      safeUrl(s.url) ? el('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, s.url) : null))));
}

// The tabs follow the ARIA tabs pattern: only the open tab is in the Tab order; the arrow
// keys, Home and End move between tabs (and open them).
function selectTab(id) {
  for (const tab of document.querySelectorAll('[role=tab]')) {
    const on = tab.getAttribute('aria-controls') === id;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')).classList.toggle('hidden', !on);
  }
  if (id === 'messages') { unread = 0; render(); }
}

function moveBetweenTabs(event) {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const at = tabs.indexOf(event.currentTarget);
  const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  const tab = tabs[(to + tabs.length) % tabs.length];
  selectTab(tab.getAttribute('aria-controls'));
  tab.focus();
}

$('join').addEventListener('submit', join);
$('code').addEventListener('input', lookUpCode);
$('kind').addEventListener('change', showSlots);
$('order-form').addEventListener('submit', addOrder);
$('message-form').addEventListener('submit', sendMessage);
$('ready').addEventListener('click', async () => {
  const mine = (view.countries || []).find((c) => c.id === seat.country);
  try {
    await connection.request({ setReady: { turn: view.turn || 0, ready: !(mine && mine.ready) } });
  } catch (e) {
    status(reason(e));
  }
});
for (const tab of document.querySelectorAll('[role=tab]')) {
  tab.addEventListener('click', () => selectTab(tab.getAttribute('aria-controls')));
  tab.addEventListener('keydown', moveBetweenTabs);
}
setInterval(() => { if (view && view.phase === 'RUNNING') $('clock').textContent = clockText(view, briefing, Date.now()); }, 1000);
start();
