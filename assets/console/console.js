// Counter console page: log in with the counter's PIN, then act on the queue. The page never
// reloads: it long-polls /api/state?since=SEQ, which the kiosk answers as soon as the queue
// changes. Texts come from /api/texts (console.po); nothing here is shown to people as-is.
'use strict';

const page = {
  lang: localStorage.getItem('desa-console-lang') === 'en' ? 'en' : 'id',
  texts: {},
  csrf: null,
  counter: null,
  seq: null,
  desk: null,
  poll: null, // AbortController of the running long-poll
  busy: false,
};

const $ = (id) => document.getElementById(id);

function t(id, vars) {
  let text = Object.prototype.hasOwnProperty.call(page.texts, id) ? page.texts[id] : id;
  for (const [k, v] of Object.entries(vars || {})) text = text.split('{' + k + '}').join(String(v));
  return text;
}

async function api(method, path, body) {
  const options = { method, credentials: 'same-origin', headers: {}, signal: body && body.signal };
  if (method === 'POST') {
    options.headers['Content-Type'] = 'application/json';
    if (page.csrf) options.headers['X-CSRF-Token'] = page.csrf;
    options.body = JSON.stringify(body.data || {});
  }
  const res = await fetch(path, options);
  let data = {};
  try { data = await res.json(); } catch (e) { data = {}; }
  return { status: res.status, data };
}

async function loadTexts() {
  const r = await api('GET', '/api/texts?lang=' + page.lang);
  if (r.status === 200) page.texts = r.data;
  document.documentElement.lang = page.lang;
  document.title = t('console.title');
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
}

function say(text, isError) {
  const m = $('message');
  m.textContent = text;
  m.classList.toggle('error', !!isError);
  m.hidden = !text;
}

function setLive(on) {
  const live = $('live');
  live.hidden = page.counter === null;
  live.textContent = t(on ? 'console.live.on' : 'console.live.off');
  live.classList.toggle('off', !on);
}

function serviceName(id) {
  const s = page.desk && page.desk.services.find((x) => x.id === id);
  if (!s) return id;
  return page.lang === 'en' ? s.name_en : s.name_id;
}

function clock(unix) {
  const offset = page.desk ? page.desk.utc_offset_s : 0;
  return new Date((unix + offset) * 1000).toISOString().substring(11, 16);
}

function minutes(seconds) {
  return seconds === null ? t('console.stats.none') : t('console.stats.minutes', { m: Math.round(seconds / 60) });
}

function fillList(list, items) {
  list.replaceChildren(...items.map((text) => {
    const li = document.createElement('li');
    li.textContent = text;
    return li;
  }));
}

function render() {
  const d = page.desk;
  if (!d) return;
  const c = d.current;
  $('current').hidden = !c;
  $('current-none').hidden = !!c;
  if (c) {
    $('current-number').textContent = c.number;
    $('current-service').textContent = serviceName(c.service);
    $('current-state').textContent = t('console.state.' + c.state);
    $('current-state').dataset.state = c.state;
    $('current-lane').textContent = c.lane === 'regular' ? '' : t('console.lane.' + c.lane);
    fillList($('current-events'), c.events.map((e) => {
      const what = t('console.event.' + e.action, { service: serviceName(e.service) });
      const who = e.counter === null ? t('console.event.by_kiosk') : t('console.event.by_counter', { n: e.counter });
      return clock(e.at) + ' · ' + what + ' ' + who;
    }));
  }
  const state = c ? c.state : null;
  $('call-next').disabled = page.busy || !!c;
  $('recall').disabled = page.busy || state !== 'called';
  $('serving').disabled = page.busy || state !== 'called';
  $('no-show').disabled = page.busy || state !== 'called';
  $('finish').disabled = page.busy || state !== 'serving';
  const targets = d.services.filter((s) => !c || s.id !== c.service);
  const select = $('transfer-to');
  const key = page.lang + ':' + targets.map((s) => s.id).join(',');
  if (select.dataset.key !== key) { // rebuilt only when it changes: an open list on a phone stays open
    const chosen = select.value;
    select.replaceChildren(...targets.map((s) => new Option(s.prefix + ' · ' + serviceName(s.id), s.id)));
    if (targets.some((s) => s.id === chosen)) select.value = chosen;
    select.dataset.key = key;
  }
  $('transfer').disabled = page.busy || state !== 'called' || targets.length === 0;

  $('waiting').replaceChildren(...d.services.map((s) => {
    const li = document.createElement('li');
    li.className = s.mine ? 'mine' : '';
    li.dataset.service = s.id;
    const name = document.createElement('span');
    name.textContent = s.prefix + ' · ' + serviceName(s.id);
    if (s.mine) {
      const note = document.createElement('span');
      note.className = 'mine-note';
      note.textContent = t('console.waiting.mine');
      name.append(note);
    }
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = t('console.waiting.count', { n: s.waiting });
    li.append(name, count);
    return li;
  }));

  $('calls-none').hidden = d.last_calls.length > 0;
  fillList($('calls'), d.last_calls.map((call) => clock(call.at) + ' · ' + call.number + ' ' +
    t('console.calls.to_counter', { n: call.counter }) + (call.recall ? ' ' + t('console.calls.again') : '')));

  $('stats').tBodies[0].replaceChildren(...d.services.map((s) => {
    const row = document.createElement('tr');
    const cells = [s.prefix + ' · ' + serviceName(s.id), s.issued, s.served, s.no_shows, minutes(s.average_wait_s),
      minutes(s.average_service_s), s.peak_hour === null ? t('console.stats.none') : String(s.peak_hour).padStart(2, '0') + ':00'];
    cells.forEach((v, i) => {
      const td = document.createElement('td');
      td.textContent = v;
      if (i > 0 && i < 4) td.className = 'num';
      row.append(td);
    });
    return row;
  }));
}

function show(view) {
  const loggedIn = view === 'desk';
  $('login-view').hidden = loggedIn;
  $('desk-view').hidden = !loggedIn;
  $('logout').hidden = !loggedIn;
  $('counter-badge').hidden = !loggedIn;
  if (loggedIn) $('counter-badge').textContent = t('console.counter_badge', { n: page.counter });
  setLive(true);
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// One long-poll after another; a network failure waits 2 s before trying again.
async function pollLoop(controller) {
  while (!controller.signal.aborted) {
    try {
      const since = page.seq === null ? '' : '?since=' + page.seq;
      const r = await api('GET', '/api/state' + since, { signal: controller.signal });
      if (r.status === 401) return loggedOut(t('console.error.not_logged_in'));
      if (r.status !== 200) throw new Error('status ' + r.status);
      page.desk = r.data;
      page.seq = r.data.seq;
      setLive(true);
      render();
    } catch (e) {
      if (controller.signal.aborted) return;
      setLive(false);
      await sleep(2000);
    }
  }
}

function startPolling() {
  if (page.poll) page.poll.abort();
  page.poll = new AbortController();
  page.seq = null;
  pollLoop(page.poll);
}

function loggedIn(session) {
  page.counter = session.counter;
  page.csrf = session.csrf;
  show('desk');
  startPolling();
}

function loggedOut(text) {
  if (page.poll) page.poll.abort();
  page.poll = null;
  page.counter = null;
  page.csrf = null;
  page.desk = null;
  show('login');
  say(text || '', !!text);
}

async function loadCounters() {
  const r = await api('GET', '/api/counters');
  const select = $('counter-select');
  const chosen = select.value || localStorage.getItem('desa-console-counter');
  select.replaceChildren(...(r.data.counters || []).map((n) => new Option(t('console.login.counter_option', { n }), String(n))));
  if (chosen && [...select.options].some((o) => o.value === chosen)) select.value = chosen;
}

async function onLogin(event) {
  event.preventDefault();
  const counter = Number($('counter-select').value);
  const pin = $('pin').value;
  $('pin').value = '';
  $('login-btn').disabled = true;
  try {
    const r = await api('POST', '/api/login', { data: { counter, pin, lang: page.lang } });
    if (r.status === 200) {
      localStorage.setItem('desa-console-counter', String(counter));
      say('');
      loggedIn(r.data);
    } else {
      say(r.data.message || t('console.error.internal'), true);
    }
  } catch (e) {
    say(t('console.error.network'), true);
  } finally {
    $('login-btn').disabled = false;
  }
}

async function onAction(event) {
  const action = event.currentTarget.dataset.action;
  const current = page.desk && page.desk.current;
  const data = { action };
  if (action !== 'call_next') data.ticket_id = current ? current.id : 0;
  if (action === 'transfer') data.to_service = $('transfer-to').value;
  page.busy = true;
  render();
  try {
    const r = await api('POST', '/api/action', { data });
    if (r.status === 401) return loggedOut(t('console.error.not_logged_in'));
    if (r.status === 200) {
      page.desk = r.data.state;
      say(t('console.done.' + action, { number: r.data.ticket.number, service: serviceName(r.data.ticket.service) }));
    } else {
      say(r.data.message || t('console.error.internal'), true);
    }
  } catch (e) {
    say(t('console.error.network'), true);
  } finally {
    page.busy = false;
    render();
  }
}

async function onLanguage() {
  page.lang = page.lang === 'en' ? 'id' : 'en';
  localStorage.setItem('desa-console-lang', page.lang);
  await loadTexts();
  if (page.counter !== null) {
    await api('POST', '/api/lang', { data: { lang: page.lang } });
    show('desk');
    render();
  } else {
    await loadCounters();
  }
  say('');
}

async function onLogout() {
  await api('POST', '/api/logout', { data: {} }).catch(() => null);
  loggedOut('');
}

async function start() {
  $('login-form').addEventListener('submit', onLogin);
  for (const b of document.querySelectorAll('[data-action]')) b.addEventListener('click', onAction);
  $('lang-switch').addEventListener('click', onLanguage);
  $('logout').addEventListener('click', onLogout);
  try {
    await loadTexts();
    await loadCounters();
    const r = await api('GET', '/api/session');
    if (r.status === 200) {
      page.csrf = r.data.csrf;
      if (r.data.lang !== page.lang) await api('POST', '/api/lang', { data: { lang: page.lang } }).catch(() => null);
      loggedIn(r.data);
    } else {
      loggedOut('');
    }
  } catch (e) {
    say(t('console.error.network'), true);
  }
}

start();
