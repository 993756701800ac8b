// The game master's page, /gm. The game-master token stays in this tab's sessionStorage.
import { Connection, el, fill, showCode, clockText, turnText, savedSeat, saveSeat, forgetSeat, applyEvent, reason }
  from '/entente.js';

const KEY = 'entente.gm';
const $ = (id) => document.getElementById(id);
let connection = null;
let view = null;
let briefing = null;
let code = '';
const log = [];

function status(text, isError) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
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
        return;
      } catch (e) {
        if (e.code !== 'INVALID_TOKEN' && e.code !== 'UNKNOWN_SESSION') throw e;
        forgetSeat(KEY);
      }
    }
    const list = await connection.request({ listScenarios: {} });
    fill($('scenario'), (list.scenarioList.scenarios || []).map((s) => el('option', { value: s.id }, s.title + ' (' + s.id + ')')));
    $('create').classList.remove('hidden');
  } catch (e) {
    status(reason(e), true);
  }
}

async function create(event) {
  event.preventDefault();
  $('create-button').disabled = true;
  const seconds = Number($('deadline').value);
  try {
    const answer = await connection.request({ createSession: {
      builtinScenarioId: $('scenario').value,
      turns: Number($('turns').value) || 0,
      deadline: seconds ? { secondsPerTurn: seconds } : { gameMasterAdvanced: true },
      displayName: $('gmname').value.trim(),
    } });
    code = answer.sessionCreated.joinCode;
    saveSeat(KEY, { code, token: answer.sessionCreated.gameMasterToken });
    $('create').classList.add('hidden');
    await entered(answer.sessionCreated.view);
    status('Session created: read out the code ' + showCode(code) + '.');
  } catch (e) {
    status(reason(e), true);
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
  render();
}

function onEvent(event) {
  if (event.closing) {
    status(reason(event.closing), true);
    return;
  }
  if (!view) return;
  applyEvent(view, event);
  if (event.message) {
    const m = event.message;
    log.push((m.channel || '') + ' ' + (m.fromName || '') + (m.fromCountry ? ' (' + m.fromCountry + ')' : '')
      + (m.toCountry ? ' to ' + m.toCountry : '') + ': ' + m.text);
  } else if (event.turnReport) {
    log.push('Turn ' + event.turnReport.turn + ' resolved (' + (event.turnReport.cause || '') + '): '
      + (event.turnReport.lines || []).length + ' report lines.');
    refresh();
  } else if (event.news) {
    log.push('News: ' + event.news.title);
  }
  render();
}

function refresh() {
  if (connection && view) connection.request({ getView: {} }).then((a) => { view = a.view; render(); }, () => {});
}

function render() {
  $('phase').textContent = [turnText(view, briefing), clockText(view, briefing, Date.now())].filter(Boolean).join(' · ');
  fill($('seats'), (view.seats || []).map((s) => el('tr', {},
    el('td', {}, s.displayName || ''), el('td', {}, (s.role || '').toLowerCase().replace('_', ' ')),
    el('td', {}, s.country || ''), el('td', {}, s.connected ? 'yes' : 'no'))));
  fill($('countries'), (view.countries || []).filter((c) => c.playable).map((c) => el('span', { class: c.ready ? 'pill ready' : 'pill' },
    c.name + ': ' + (c.players || 0) + (c.bot ? ' (bot)' : '') + (c.ready ? ', ready' : ''))));
  fill($('log'), log.slice(-30).reverse().map((line) => el('li', {}, line)));
  const phase = view.phase;
  $('start').disabled = phase !== 'WAITING';
  $('pause').disabled = phase !== 'RUNNING';
  $('resume').disabled = phase !== 'PAUSED';
  $('force').disabled = phase !== 'RUNNING';
  $('extend').disabled = phase === 'ENDED' || !Number(view.deadlineEpochMillis || 0);
  $('end').disabled = phase === 'ENDED';
}

function control(body, done) {
  return async () => {
    try {
      await connection.request(body());
      status(done);
    } catch (e) {
      status(reason(e), true);
    }
  };
}

async function downloadDebrief() {
  const format = $('debrief-format').value;
  const includePrivateMessages = $('debrief-private').checked;
  try {
    let text = '';
    let turn = null;
    let total = 1;
    while (text.length < total) {
      const answer = await connection.request({ exportRecord: { includePrivateMessages, format, offset: text.length } });
      const chunk = answer.recordExport;
      if (turn !== null && (chunk.turn || 0) !== turn) { text = ''; }
      turn = chunk.turn || 0;
      total = chunk.totalChars || 0;
      text += chunk.text || '';
      if (!chunk.text && text.length < total) throw { message: 'The debrief stopped short.' };
    }
    const html = format === 'DEBRIEF_FORMAT_HTML';
    const blob = new Blob([text], { type: html ? 'text/html' : 'text/markdown' });
    const link = el('a', { href: URL.createObjectURL(blob), download: 'debrief-' + code + (html ? '.html' : '.md') });
    document.body.append(link);
    link.click();
    link.remove();
    status('The debrief was downloaded.');
  } catch (e) {
    status(reason(e), true);
  }
}

$('create').addEventListener('submit', create);
$('start').addEventListener('click', control(() => ({ startGame: {} }), 'The game has started.'));
$('pause').addEventListener('click', control(() => ({ pauseGame: {} }), 'Paused.'));
$('resume').addEventListener('click', control(() => ({ resumeGame: {} }), 'Resumed.'));
$('force').addEventListener('click', control(() => ({ forceResolution: { turn: 0 } }), 'The turn is being resolved.'));
$('end').addEventListener('click', control(() => ({ endGame: {} }), 'The game has ended.'));
$('extend').addEventListener('click', control(() => ({ extendDeadline: { seconds: Number($('extend-seconds').value) || 0 } }), 'Extended.'));
$('announce').addEventListener('click', control(() => ({ announce: { text: $('announce-text').value } }), 'Announced.'));
$('debrief').addEventListener('click', downloadDebrief);
setInterval(() => { if (view) { refresh(); } }, 5000);
start();
