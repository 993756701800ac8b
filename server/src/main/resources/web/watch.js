// The projector page, /watch/CODE: a spectator seat, so it can only ever hold public things.
import { Connection, el, fill, showCode, clockText, turnText, projectorName, savedSeat, saveSeat, forgetSeat,
  applyEvent, reason } from '/entente.js';

const code = decodeURIComponent(location.pathname.split('/')[2] || '');
const key = 'entente.watch.' + code.toUpperCase();
const $ = (id) => document.getElementById(id);
let view = null;
let briefing = null;
const news = [];
let report = null;
let connection = null;

/** A spectator seat for this tab: spectate once, then resume from event 0 to rebuild the page. */
async function enter() {
  let seat = savedSeat(key);
  if (!seat) {
    const first = new Connection(() => {}, null);
    await first.open();
    const answer = await first.request({ spectate: { joinCode: code, displayName: projectorName() } });
    seat = { token: answer.joined.seatToken };
    saveSeat(key, seat);
    first.close();
  }
  connection = new Connection(onEvent, () => { status('Connection lost; reconnecting…'); setTimeout(start, 2000); });
  await connection.open();
  let answer;
  try {
    answer = await connection.request({ resume: { joinCode: code, token: seat.token, lastSeq: '0' } });
  } catch (e) {
    if (e.code === 'INVALID_TOKEN') forgetSeat(key);
    throw e;
  }
  view = answer.resumed.view;
  news.length = 0;
  report = null;
  briefing = (await connection.request({ getBriefing: {} })).briefing;
  status('');
  render();
}

function start() {
  enter().catch((e) => { status(reason(e)); if (e.code === 'UNAVAILABLE') setTimeout(start, 3000); });
}

function status(text) {
  $('status').textContent = text;
}

function onEvent(event) {
  if (event.closing) {
    status(reason(event.closing));
    return;
  }
  if (!view) return;
  applyEvent(view, event);
  if (event.message && event.message.channel === 'ANNOUNCEMENT') {
    news.push({ title: 'Announcement', text: event.message.text, turn: event.message.turn });
  } else if (event.news) {
    news.push({ title: event.news.title, text: event.news.text, turn: event.news.turn });
  } else if (event.turnReport) {
    report = event.turnReport;
    connection.request({ getView: {} }).then((answer) => { view = answer.view; render(); }, () => {});
  }
  render();
}

function countryName(id) {
  const c = (view.countries || []).find((x) => x.id === id);
  if (c) return c.name;
  const a = briefing && (briefing.actors || []).find((x) => x.id === id);
  return a ? a.name : id;
}

function render() {
  if (!view) return;
  $('title').textContent = view.scenarioTitle || 'Entente';
  const phase = view.phase;
  $('lobby').classList.toggle('hidden', phase !== 'WAITING');
  $('game').classList.toggle('hidden', phase !== 'RUNNING' && phase !== 'PAUSED' && phase !== 'ENDED');
  $('ended').classList.toggle('hidden', phase !== 'ENDED');
  $('address').textContent = location.origin + '/';
  $('joincode').textContent = showCode(code);
  const playable = (view.countries || []).filter((c) => c.playable);
  fill($('seats'), playable.map((c) => el('span', { class: 'pill' }, c.name + ': ' + (c.players || 0))));
  $('turn').textContent = turnText(view, briefing);
  $('clock').textContent = clockText(view, briefing, Date.now(), true);
  fill($('readiness'), playable.map((c) => el('span', { class: c.ready ? 'pill ready' : 'pill' },
    c.name + (c.ready ? ': ready' : c.bot ? ': bot' : ': not ready'))));
  fill($('news'), news.slice(-6).reverse().map((n) => el('li', {}, el('strong', {}, n.title + ': '), n.text)));
  fill($('report'), report
    ? [el('li', { class: 'muted' }, 'Turn ' + report.turn + ' (' + (report.cause || '') + ')'),
      (report.lines || []).map((line) => el('li', {}, line.text))]
    : [el('li', { class: 'muted' }, 'No turn has been resolved yet.')]);
  const game = view.game || {};
  fill($('organisations'), (game.organisations || []).map((o) => el('div', { class: 'card' },
    el('h3', {}, o.name + ' · credibility ' + (o.credibility || 0) + ' · cohesion ' + (o.cohesion || 0)),
    el('div', { class: 'strip' }, (o.members || []).map((m) => el('span', { class: 'pill' },
      countryName(m.actor) + ': ' + (m.status || '') + (m.noticeTurnsLeft ? ' (' + m.noticeTurnsLeft + ' turns of notice)' : '')))))));
  fill($('tracks'), (game.tracks || []).map((t) => el('tr', {}, el('th', {}, t.name), el('td', {}, String(t.value || 0)))));
}

setInterval(() => { if (view && view.phase === 'RUNNING') $('clock').textContent = clockText(view, briefing, Date.now(), true); }, 1000);
start();
