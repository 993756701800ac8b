// The game master's page, /gm. The game-master token stays in this tab's sessionStorage; it is
// never put on the page nor in a URL. One script for the page's one console (about 480 lines):
// creating the session, the controls, news, seats, bots and the debrief files share its
// connection, view and the way refusals are shown, so they stay together.
import { Connection, el, fill, showCode, clockText, turnText, savedSeat, saveSeat, forgetSeat, applyEvent, reason }
  from '/entente.js';

const KEY = 'entente.gm';
// The largest WebSocket frame the server reads (docs/protocol.md, section 1); a larger one
// would close the connection, so the page refuses it first.
const MAX_FRAME_BYTES = 65536;
const PRESS = { FULL: 'full', PUBLIC_ONLY: 'public only', NONE: 'none' };
const DOWNLOADS = {
  DEBRIEF_FORMAT_HTML: { name: 'debrief', suffix: '.html', type: 'text/html;charset=utf-8' },
  DEBRIEF_FORMAT_MARKDOWN: { name: 'debrief', suffix: '.md', type: 'text/markdown;charset=utf-8' },
  DEBRIEF_FORMAT_STUDENTS_CSV: { name: 'students', suffix: '.csv', type: 'text/csv;charset=utf-8' },
  DEBRIEF_FORMAT_QUANTITIES_CSV: { name: 'quantities', suffix: '.csv', type: 'text/csv;charset=utf-8' },
};
const $ = (id) => document.getElementById(id);
let connection = null;
let view = null;
let briefing = null;
let scenarios = [];
let code = '';
const log = [];
const drawn = { seats: '', countries: '' };

/** A refusal found by the page itself, shown like the server's. */
class Refusal {
  constructor(message) {
    this.message = message;
  }
}

function status(text, isError) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

/** Shows what came of a request under its control: a success, or a refusal with its problems. */
function outcome(id, text, error) {
  const box = $(id);
  if (!error) {
    box.className = 'outcome ok';
    fill(box, text ? el('p', {}, text) : null);
    return;
  }
  box.className = 'outcome error';
  const problems = error.problems || [];
  const more = Number(error.omittedProblems || 0);
  const wait = Number(error.retryAfterMillis || 0);
  fill(box,
    el('p', {}, reason(error) + (wait ? ' Try again in ' + Math.ceil(wait / 1000) + ' s.' : '')),
    problems.length ? el('ul', { class: 'problems' }, problems.map((p) => el('li', { class: 'code' }, p))) : null,
    more ? el('p', {}, more + ' more ' + (more === 1 ? 'problem' : 'problems') + ' not shown.') : null);
}

/** Sends a request and reports under `id`; resolves with the answer, or null once refused. */
async function ask(id, body, done) {
  try {
    const answer = await connection.request(body);
    if (done) outcome(id, done);
    return answer;
  } catch (e) {
    outcome(id, '', e);
    return null;
  }
}

/** A whole number from a field within bounds, or a Refusal naming the field. */
function whole(id, min, max, what) {
  const text = $(id).value.trim();
  const n = Number(text);
  if (text === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new Refusal(what + ' must be a whole number from ' + min + ' to ' + max + '.');
  }
  return n;
}

function frameBytes(body) {
  return new TextEncoder().encode(JSON.stringify(Object.assign({ requestId: '9999999999' }, body))).length;
}

async function connect() {
  connection = new Connection(onEvent, () => { status('Connection lost; reconnecting…', true); setTimeout(start, 2000); });
  await connection.open();
}

async function start() {
  try {
    await connect();
    const seat = savedSeat(KEY);
    if (seat) {
      try {
        const answer = await connection.request({ resume: { joinCode: seat.code, token: seat.token, lastSeq: '0' } });
        code = seat.code;
        log.length = 0;
        await entered(answer.resumed.view);
        status('');
        return;
      } catch (e) {
        if (e.code !== 'INVALID_TOKEN' && e.code !== 'UNKNOWN_SESSION') throw e;
        forgetSeat(KEY);
      }
    }
    const list = await connection.request({ listScenarios: {} });
    scenarios = list.scenarioList.scenarios || [];
    fill($('scenario'), scenarios.map((s) => el('option', { value: s.id }, s.title + ' (' + s.id + ')')));
    describeScenario();
    $('create').classList.remove('hidden');
    status('');
  } catch (e) {
    status(reason(e), true);
  }
}

function fromFile() {
  return $('source-file').checked;
}

/** The chosen source's fields, and what "the scenario's default" means for it. */
function describeScenario() {
  $('builtin-choice').classList.toggle('hidden', fromFile());
  $('file-choice').classList.toggle('hidden', !fromFile());
  const s = fromFile() ? null : scenarios.find((x) => x.id === $('scenario').value);
  $('scenario-summary').textContent = s
    ? (s.summary || '') + ' ' + (s.defaultTurns || '?') + ' turns; press: ' + (PRESS[s.defaultPress] || 'full') + '.'
    : '';
  $('press-default').textContent = "The scenario's default" + (s ? ' (' + (PRESS[s.defaultPress] || 'full') + ')' : '');
}

async function creation() {
  const seconds = Number($('deadline').value);
  const request = {
    turns: whole('turns', 0, 120, 'The number of turns'),
    deadline: seconds ? { secondsPerTurn: seconds } : { gameMasterAdvanced: true },
    displayName: $('gmname').value.trim(),
  };
  if ($('press').value) request.press = $('press').value;
  if ($('creation-key').value) request.creationKey = $('creation-key').value;
  if (!fromFile()) {
    request.builtinScenarioId = $('scenario').value;
    return { createSession: request };
  }
  const file = $('scenario-file').files[0];
  if (!file) throw new Refusal('Choose the scenario file to upload.');
  let text;
  try {
    text = await file.text();
  } catch (e) {
    throw new Refusal('The browser could not read ' + file.name + '.');
  }
  request.scenarioFile = { fileName: file.name, text };
  const body = { createSession: request };
  const bytes = frameBytes(body);
  if (bytes > MAX_FRAME_BYTES) {
    throw new Refusal(file.name + ' is too large to send from the browser (' + bytes + ' bytes once encoded, at most '
      + MAX_FRAME_BYTES + '). Shorten it, or create the session with entente connect.');
  }
  return body;
}

async function create(event) {
  event.preventDefault();
  $('create-button').disabled = true;
  outcome('create-outcome', 'Creating the session…');
  try {
    const answer = await connection.request(await creation());
    code = answer.sessionCreated.joinCode;
    saveSeat(KEY, { code, token: answer.sessionCreated.gameMasterToken });
    $('creation-key').value = '';
    $('create').classList.add('hidden');
    await entered(answer.sessionCreated.view);
    status('Session created: read out the code ' + showCode(code) + '.'); // cleared once the game starts
    $('start').focus();
  } catch (e) {
    outcome('create-outcome', '', e);
    if (e.code === 'PERMISSION_DENIED') { // only a creation key is asked for before a session exists
      $('key-choice').classList.remove('hidden');
      $('creation-key').focus();
    }
  } finally {
    $('create-button').disabled = false;
  }
}

async function entered(newView) {
  view = newView;
  briefing = (await connection.request({ getBriefing: {} })).briefing;
  $('session').classList.remove('hidden');
  $('code').textContent = showCode(code);
  $('project').href = '/watch/' + encodeURIComponent(code);
  $('address').textContent = location.origin + '/';
  $('where').textContent = view.scenarioTitle || '';
  setUpInject();
  drawn.seats = drawn.countries = '';
  render();
}

function onEvent(event) {
  if (event.closing) {
    status(reason(event.closing), true);
    return;
  }
  if (!view) return;
  const line = logLine(event); // before the event changes the view: a removed seat's name goes with it
  if (line) log.push(line);
  applyEvent(view, event);
  if (event.seatStatus) {
    const seat = (view.seats || []).find((s) => s.seatId === event.seatStatus.seatId);
    if (seat) {
      seat.connected = !!event.seatStatus.connected;
      const readyTurn = Number(event.seatStatus.readyTurn || 0);
      seat.ready = readyTurn !== 0 && readyTurn === (view.turn || 0);
    }
  }
  if (event.turnReport) refresh();
  render();
}

/** What the log says of an event, if anything. */
function logLine(event) {
  if (event.message) {
    return messageLine(event.message);
  } else if (event.turnReport) {
    return 'Turn ' + event.turnReport.turn + ' resolved (' + (event.turnReport.cause || '').toLowerCase().replace('_', ' ')
      + '): ' + (event.turnReport.lines || []).length + ' report lines.';
  } else if (event.news) {
    return 'News: ' + event.news.title;
  } else if (event.botChanged) {
    const b = event.botChanged;
    return (b.bot ? 'A bot plays ' : 'No bot plays ') + countryName(b.country) + (b.reason ? ': ' + b.reason : '') + '.';
  } else if (event.seatMoved) {
    const s = event.seatMoved;
    return seatName(s.seatId) + ' moved from ' + countryName(s.fromCountry) + ' to ' + countryName(s.toCountry) + '.';
  } else if (event.seatRemoved) {
    return seatName(event.seatRemoved.seatId) + ' was removed from the session.';
  }
  return '';
}

function messageLine(m) {
  const from = (m.fromName || '') + (m.fromCountry ? ' (' + countryName(m.fromCountry) + ')' : '');
  switch (m.channel) {
    case 'ANNOUNCEMENT': return 'Announcement by ' + from + ': ' + m.text;
    case 'TEAM': return 'Team ' + countryName(m.toCountry || m.fromCountry) + ', ' + (m.fromName || '') + ': ' + m.text;
    case 'PRIVATE': return 'Private, ' + from + ' to ' + countryName(m.toCountry) + ': ' + m.text;
    default: return 'Public, ' + from + ': ' + m.text;
  }
}

function refresh() {
  if (connection && view) connection.request({ getView: {} }).then((a) => { view = a.view; render(); }, () => {});
}

function countryName(id) {
  const c = view && (view.countries || []).find((x) => x.id === id);
  return c ? c.name : id || '';
}

function seatName(seatId) {
  const s = view && (view.seats || []).find((x) => x.seatId === seatId);
  return s ? s.displayName : 'Seat ' + seatId;
}

function render() {
  if (view.phase !== 'WAITING' && $('status').textContent.startsWith('Session created')) status('');
  const press = PRESS[view.press] ? 'press: ' + PRESS[view.press] : '';
  $('phase').textContent = [turnText(view, briefing), clockText(view, briefing, Date.now()), press].filter(Boolean).join(' · ');
  renderSeats();
  renderCountries();
  fill($('log'), log.slice(-30).reverse().map((line) => el('li', {}, line)));
  const phase = view.phase;
  $('start').disabled = phase !== 'WAITING';
  $('pause').disabled = phase !== 'RUNNING';
  $('resume').disabled = phase !== 'PAUSED';
  $('force').disabled = phase !== 'RUNNING';
  $('extend').disabled = phase === 'ENDED' || !Number(view.deadlineEpochMillis || 0);
  $('end').disabled = phase === 'ENDED';
  $('inject-button').disabled = phase === 'ENDED';
}

/**
 * Replaces a table's rows only when what they show changed, keeping the choices made in its
 * selects and the keyboard focus, so that a refresh never takes a control from under the hand.
 */
function redraw(body, key, signature, rows, fallback) {
  if (drawn[key] === signature) return;
  drawn[key] = signature;
  const focused = body.contains(document.activeElement) ? document.activeElement.id : '';
  const chosen = [...body.querySelectorAll('select')].map((s) => [s.id, s.value]);
  fill(body, rows());
  for (const [id, value] of chosen) {
    const select = $(id);
    if (select && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  if (focused) ($(focused) || fallback).focus(); // a removed row's control hands the focus to the outcome
}

const ROLE_ORDER = { GAME_MASTER: 0, PLAYER: 1, SPECTATOR: 2 };

function renderSeats() {
  const seats = (view.seats || []).slice().sort((a, b) => (ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
    || countryName(a.country).localeCompare(countryName(b.country)) || Number(a.seatId) - Number(b.seatId));
  const playable = (view.countries || []).filter((c) => c.playable);
  const signature = JSON.stringify([seats, playable.map((c) => c.id)]);
  redraw($('seats'), 'seats', signature, () => seats.map((s) => seatRow(s, playable)), $('seats-outcome'));
}

function seatRow(seat, playable) {
  const name = seat.displayName || '';
  const role = seat.role === 'GAME_MASTER' ? 'game master' : (seat.role || '').toLowerCase();
  const cells = [
    el('td', {}, name, seat.muted ? ' (muted)' : ''),
    el('td', { class: 'nowrap' }, role),
    el('td', {}, countryName(seat.country), seat.role === 'PLAYER' && seat.ready ? ' (ready)' : ''),
    el('td', {}, seat.connected ? 'yes' : 'no'),
  ];
  if (seat.role === 'PLAYER') {
    const select = 'move-to-' + seat.seatId;
    cells.push(el('td', { class: 'actions' },
      el('label', { for: select, class: 'sr-only' }, 'Move ' + name + ' to'),
      el('select', { id: select },
        el('option', { value: '' }, 'Country…'),
        playable.filter((c) => c.id !== seat.country).map((c) => el('option', { value: c.id }, c.name))),
      el('button', { type: 'button', id: 'move-' + seat.seatId, 'aria-label': 'Move ' + name, onclick: () => move(seat) }, 'Move')));
  } else {
    cells.push(el('td', {}));
  }
  cells.push(el('td', {}, seat.role === 'GAME_MASTER' ? null
    : el('button', { type: 'button', class: 'quiet', id: 'kick-' + seat.seatId, 'aria-label': 'Kick ' + name, onclick: () => kick(seat) }, 'Kick')));
  return el('tr', {}, cells);
}

async function move(seat) {
  const country = $('move-to-' + seat.seatId).value;
  if (!country) {
    outcome('seats-outcome', '', new Refusal('Choose the country to move ' + seat.displayName + ' to.'));
    $('move-to-' + seat.seatId).focus();
    return;
  }
  await ask('seats-outcome', { moveSeat: { seatId: seat.seatId, country } },
    seat.displayName + ' now plays ' + countryName(country) + '.');
}

async function kick(seat) {
  const question = 'Remove ' + seat.displayName + ' from the session? Their seat stops working; they can join again with the code.';
  if (!window.confirm(question)) return;
  await ask('seats-outcome', { removeSeat: { seatId: seat.seatId } }, seat.displayName + ' was removed from the session.');
}

function renderCountries() {
  const playable = (view.countries || []).filter((c) => c.playable);
  redraw($('countries'), 'countries', JSON.stringify(playable), () => playable.map(countryRow), $('countries-outcome'));
}

function countryRow(c) {
  const players = c.players || 0;
  let bot = null;
  if (c.bot) {
    bot = el('button', { type: 'button', class: 'quiet', id: 'bot-' + c.id, 'aria-label': 'Release the bot of ' + c.name,
      onclick: () => ask('countries-outcome', { releaseBot: { country: c.id } }, 'The bot no longer plays ' + c.name + '.') },
    'Release the bot');
  } else if (!players) {
    bot = el('button', { type: 'button', id: 'bot-' + c.id, 'aria-label': 'Assign a bot to ' + c.name,
      onclick: () => ask('countries-outcome', { assignBot: { country: c.id } }, 'A bot plays ' + c.name + ' from the next resolution on.') },
    'Assign a bot');
  }
  return el('tr', { id: 'country-' + c.id }, el('th', { scope: 'row' }, c.name), el('td', {}, String(players)),
    el('td', {}, c.ready ? 'ready' : players || c.bot ? 'not yet' : 'nobody plays it'),
    el('td', { class: 'actions' }, c.bot ? 'yes ' : 'no ', bot));
}

function setUpInject() {
  const actors = (briefing && briefing.actors) || [];
  fill($('inject-actor'), el('option', { value: '' }, 'Nobody: the effects name their countries'),
    actors.map((a) => el('option', { value: a.id }, a.name + ' (' + a.id + ')')));
  const playable = (view.countries || []).filter((c) => c.playable).map((c) => c.id);
  if (playable.length >= 2) {
    $('inject-effects').placeholder = 'sec(' + playable[0] + ') -5\ntrust(' + playable[1] + ', ' + playable[0] + ') +10';
  }
  const ids = (label, list) => (list && list.length ? label + ': ' + list.map((x) => x.id).join(', ') + '. ' : '');
  fill($('inject-names'), el('details', {}, el('summary', {}, 'The quantities and ids you can name'),
    el('p', {}, 'sec, dom, std, rf and grievance of a country, e.g. sec(ARM); trust and mutual_trust of two, '
      + 'e.g. trust(RUS, ARM); cred and coh of an organisation; track(ID); presence_turns and presence_strength of a presence.'),
    el('p', { class: 'code' }, ids('Countries', actors) + ids('Organisations', briefing && briefing.organisations)
      + ids('Tracks', briefing && briefing.tracks) + ids('Presences', briefing && briefing.presences))));
}

/** The effects typed one a line, as the CLI's inject reads them: sec(ARM) -5, trust(RUS, ARM) +10. */
function effects(text) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.map((line, i) => {
    const m = line.replace(/\s+/g, '').match(/^(.+\))([+-]\d{1,4})$/);
    if (!m) {
      throw new Refusal('Effect line ' + (i + 1) + ', "' + line + '", is not an effect: write a quantity and a signed amount, '
        + 'e.g. sec(ARM) -5 or trust(RUS, ARM) +10.');
    }
    return { target: m[1], delta: Number(m[2]) };
  });
}

async function inject(event) {
  event.preventDefault();
  const title = $('inject-title-text').value.trim();
  const text = $('inject-text').value.trim();
  try {
    if (!title) throw new Refusal('The news needs a headline.');
    if (!text) throw new Refusal('The news needs a story: what the class reads under the headline.');
    const body = { injectEvent: { title, text, effects: effects($('inject-effects').value) } };
    if ($('inject-actor').value) body.injectEvent.actor = $('inject-actor').value;
    const done = body.injectEvent.effects.length ? ' Its effects apply at the coming resolution.' : '';
    if (await ask('inject-outcome', body, 'Published: ' + title + '.' + done)) {
      for (const id of ['inject-title-text', 'inject-text', 'inject-effects']) $(id).value = '';
    }
  } catch (e) {
    outcome('inject-outcome', '', e);
  }
}

/** The whole rendering in one format, chunk by chunk; starts again if a turn resolves meanwhile. */
async function exported(format, includePrivateMessages) {
  for (let attempt = 0; attempt <= 3; attempt++) {
    let text = '';
    let turn = -1;
    let total = 0;
    while (true) {
      const chunk = (await connection.request({ exportRecord: { includePrivateMessages, format, offset: text.length } })).recordExport;
      if (turn >= 0 && (chunk.turn || 0) !== turn) break;
      turn = chunk.turn || 0;
      total = chunk.totalChars || 0;
      text += chunk.text || '';
      if (text.length >= total) return text;
      if (!chunk.text) throw new Refusal('The debrief stopped short; try again.');
    }
  }
  throw new Refusal('The game kept advancing while the debrief was fetched; try again.');
}

async function downloadDebrief() {
  const format = $('debrief-format').value;
  const file = DOWNLOADS[format];
  const name = file.name + '-' + showCode(code) + file.suffix;
  $('debrief').disabled = true;
  try {
    const text = await exported(format, $('debrief-private').checked);
    const url = URL.createObjectURL(new Blob([text], { type: file.type }));
    const link = el('a', { href: url, download: name, class: 'hidden' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    outcome('debrief-outcome', 'Downloaded ' + name + '.');
  } catch (e) {
    outcome('debrief-outcome', '', e);
  } finally {
    $('debrief').disabled = false;
  }
}

function control(id, body, done) {
  $(id).addEventListener('click', async () => {
    try {
      await ask('controls-outcome', body(), done);
    } catch (e) {
      outcome('controls-outcome', '', e);
    }
  });
}

$('create').addEventListener('submit', create);
for (const id of ['source-builtin', 'source-file', 'scenario']) $(id).addEventListener('change', describeScenario);
control('start', () => ({ startGame: {} }), 'The game has started.');
control('pause', () => ({ pauseGame: {} }), 'Paused.');
control('resume', () => ({ resumeGame: {} }), 'Resumed.');
control('force', () => ({ forceResolution: { turn: 0 } }), 'Turn forced: its report follows.');
control('end', () => ({ endGame: {} }), 'The game has ended.');
control('extend', () => ({ extendDeadline: { seconds: whole('extend-seconds', 1, 86400, 'The extension in seconds') } }), 'Extended.');
control('announce', () => ({ announce: { text: $('announce-text').value } }), 'Announced.');
$('inject').addEventListener('submit', inject);
$('debrief').addEventListener('click', downloadDebrief);
setInterval(() => { if (view) refresh(); }, 5000);
setInterval(() => { if (view && view.phase === 'RUNNING') render(); }, 1000);
start();
