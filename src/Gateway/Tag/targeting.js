/*! Targeting web tag v1: plain JavaScript, no dependencies. Served by the gateway at /tag/v1/targeting.js */
(function (w, d) {
  'use strict';
  if (w.Targeting && w.Targeting.version) return;
  var ss = w.sessionStorage, cfg, base, pre, sid, es, rev = -1, queue = [], busy = false, tries = 0, timer,
    hooks = {}, shown = {}, exited = false, autoPage, last, batch = 100, starting = false;
  var script = d.currentScript;

  function key(k) { return 'targeting:' + cfg.account + ':' + k; }
  function load(k, dflt) { try { return JSON.parse(ss.getItem(key(k))) || dflt; } catch (e) { return dflt; } }
  function save(k, v) { try { ss.setItem(key(k), JSON.stringify(v)); } catch (e) { /* storage full or denied */ } }
  function uuid() {
    var c = w.crypto;
    if (c && c.randomUUID) return c.randomUUID();
    var b = c.getRandomValues(new Uint8Array(16)), s = '';
    for (var i = 0; i < 16; i++) s += (b[i] + 256).toString(16).slice(1);
    return s;
  }
  function emit(name, arg) { (hooks[name] || []).forEach(function (fn) { try { fn(arg); } catch (e) { console.error(e); } }); }
  function url(path) { return base + '/v1/accounts/' + encodeURIComponent(cfg.account) + path; }
  function post(path, body) {
    body = JSON.stringify(body); // keepalive (survives the page) is limited to 64 KB in flight, counted in bytes
    var small = body.length < 20000 || new TextEncoder().encode(body).length < 60000; // a fetch over the limit fails outright
    return fetch(url(path), { method: 'POST', keepalive: small, headers: { 'Content-Type': 'application/json' }, body: body });
  }

  // ---- session ----
  function start() {
    if (starting) return;
    starting = true;
    post('/sessions', { source: cfg.source }).then(function (r) {
      if (r.status === 404 || r.status === 400) { console.warn('Targeting: no account ' + cfg.account); return; }
      if (!r.ok) throw new Error('session ' + r.status);
      return r.json();
    }).then(function (s) {
      if (!s) return;
      starting = false; tries = 0; sid = s.sessionId; rev = -1;
      save('session', sid); save('seen', {});
      emit('session', sid);
      decide(s.decision); listen(); flush();
    }).catch(function () { starting = false; retry(start); });
  }
  function restart() { sid = null; ss.removeItem(key('session')); if (es) es.close(); es = null; start(); }

  // ---- events: queued with ids in sessionStorage, sent in order, retried with the same ids ----
  function enqueue(ev) {
    ev.id = ev.id || uuid();
    queue.push(ev); save('queue', queue);
    flush();
  }
  function retry(fn) {
    clearTimeout(timer);
    var ms = Math.min(500 * Math.pow(2, tries++), 8000) * (0.75 + Math.random() / 2);
    timer = setTimeout(fn, ms);
  }
  function flush() {
    if (!sid) { if (!starting) start(); return; }
    if (busy || !queue.length) return;
    busy = true;
    var sent = queue.slice(0, batch), ids = sent.map(function (e) { return e.id; }), at = sid;
    post('/sessions/' + sid + '/events', { events: sent }).then(function (r) {
      if (at !== sid) { busy = false; return flush(); }
      if (r.status === 404) { busy = false; return restart(); }
      var refused = r.status === 400 || r.status === 422; // a bad event, or one the session has no room for: never retried
      if (refused && sent.length > 1) { busy = false; batch = 1; return flush(); } // isolate the refused event
      if (refused) console.warn('Targeting: event refused', sent[0]);
      else if (!r.ok) throw new Error('events ' + r.status);
      return (r.ok ? r.json() : Promise.resolve(null)).catch(function () { }).then(function (dec) {
        busy = false; tries = 0;
        queue = queue.filter(function (e) { return ids.indexOf(e.id) < 0; }); save('queue', queue);
        if (!queue.length) batch = 100;
        decide(dec); flush();
      });
    }).catch(function () { busy = false; retry(flush); });
  }
  // The page is going away: whatever is not acknowledged goes out with keepalive; it also stays
  // queued, so the next page sends it again with the same ids and the gateway skips repeats.
  function hide(e) {
    if (e && e.type === 'pagehide' && es) { es.close(); es = null; } // reopened if the page comes back (bfcache)
    if (!sid || !queue.length) return;
    post('/sessions/' + sid + '/events', { events: queue.slice(0, 100) }).catch(function () { });
  }

  // ---- decisions pushed over Server-Sent Events ----
  function listen() {
    if (es || !sid || !w.EventSource) return;
    var at = sid;
    es = new EventSource(url('/sessions/' + sid + '/decisions'));
    es.addEventListener('decision', function (m) { if (at === sid) decide(JSON.parse(m.data)); });
    es.onopen = function () { tries = 0; clearTimeout(timer); flush(); };
    es.onerror = function () {
      if (es.readyState !== 2) return; // the browser reconnects by itself
      es = null;
      fetch(url('/sessions/' + at + '/decision')).then(function (r) {
        if (at !== sid) return;
        if (r.status === 404) restart(); else setTimeout(listen, 2000);
      }).catch(function () { setTimeout(listen, 3000); });
    };
  }
  function decide(dec) {
    if (!dec || dec.revision < rev) return;
    rev = dec.revision;
    emit('decision', dec);
    if (cfg.render === false) return;
    if (d.body) render(dec.engagements || []);
    else d.addEventListener('DOMContentLoaded', function () { if (rev === dec.revision) render(dec.engagements || []); });
  }

  // ---- rendering ----
  function ekey(e) { return e.campaignId + '/' + e.engagementId; }
  function status(e, s) { enqueue({ type: 'engagementStatus', campaignId: e.campaignId, engagementId: e.engagementId, status: s }); }
  function render(list) {
    var want = {}, seen = load('seen', {});
    list.forEach(function (e) {
      var k = ekey(e);
      if (seen[k] === 'declined' || (seen[k] === 'clicked' && e.kind === 'overlay')) return;
      want[k] = 1;
      if (!shown[k]) { shown[k] = build(e); if (shown[k]) { status(e, 'exposed'); emit('exposed', e); } }
    });
    Object.keys(shown).forEach(function (k) {
      if (!want[k]) { if (shown[k]) shown[k].remove(); delete shown[k]; }
    });
  }
  function el(tag, cls, text) {
    var n = d.createElement(tag);
    n.className = cls;
    if (text) n.textContent = text;
    return n;
  }
  function dock() {
    var n = d.querySelector('.tg-dock');
    if (!n) { n = el('div', 'tg-dock'); d.body.appendChild(n); }
    return n;
  }
  function build(e) {
    var root = el('div', 'tg-eng tg-' + e.kind), box = root, main, label = e.name || 'Need help?';
    root.setAttribute('data-targeting-engagement', e.engagementId);
    root.setAttribute('data-targeting-campaign', e.campaignId);
    root.setAttribute('data-targeting-kind', e.kind);
    if (e.kind === 'overlay') {
      box = el('div', 'tg-dialog');
      box.setAttribute('role', 'dialog');
      box.appendChild(el('p', 'tg-title', label));
      main = el('button', 'tg-main', cfg.labels.overlay);
      root.appendChild(box);
    } else if (e.kind === 'content') {
      box.appendChild(el('p', 'tg-title', label));
      main = el('button', 'tg-main', cfg.labels.content);
    } else {
      main = el('button', 'tg-main', label);
    }
    main.type = 'button';
    main.setAttribute('data-targeting-action', 'click');
    var close = el('button', 'tg-close', '\u00D7');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.setAttribute('data-targeting-action', 'decline');
    box.appendChild(main); box.appendChild(close);
    main.onclick = function () { act(e, 'clicked'); if (e.kind === 'overlay') drop(e); };
    close.onclick = function () { act(e, 'declined'); drop(e); };
    if (e.kind === 'content') {
      var slot = d.querySelector('[data-targeting-slot="' + e.engagementId + '"]') || d.querySelector('[data-targeting-slot=""]');
      if (!slot) return null;
      slot.appendChild(root);
    } else if (e.kind === 'overlay') d.body.appendChild(root);
    else dock().appendChild(root);
    return root;
  }
  function act(e, s) {
    var seen = load('seen', {});
    seen[ekey(e)] = s; save('seen', seen);
    status(e, s);
    emit(s === 'clicked' ? 'click' : 'decline', e);
  }
  function drop(e) { var n = shown[ekey(e)]; if (n) n.remove(); shown[ekey(e)] = null; }
  var css = ':where(.tg-eng){--_a:var(--targeting-accent,#2563eb);--_f:var(--targeting-fg,#111827);--_b:var(--targeting-bg,#fff);' +
    'font:var(--targeting-font,15px/1.4 system-ui,sans-serif);color:var(--_f);box-sizing:border-box}' +
    ':where(.tg-eng) button{font:inherit;cursor:pointer;border:0;border-radius:var(--targeting-radius,999px)}' +
    ':where(.tg-main){background:var(--_a);color:#fff;padding:.6em 1.1em}' +
    ':where(.tg-close){background:transparent;color:inherit;padding:.2em .5em;font-size:1.2em}' +
    ':where(.tg-dock){position:fixed;right:1rem;bottom:1rem;display:flex;flex-direction:column;gap:.5rem;align-items:flex-end;z-index:var(--targeting-z,2147483000)}' +
    ':where(.tg-chatButton,.tg-stickyButton){display:flex;align-items:center;background:var(--_b);border-radius:999px;box-shadow:0 4px 16px #0003;padding:.25rem}' +
    ':where(.tg-stickyButton) .tg-main{border-radius:.5rem}' +
    ':where(.tg-chatButton) .tg-main::before{content:"";display:inline-block;width:.55em;height:.55em;border-radius:50%;background:#4ade80;margin-right:.5em}' +
    ':where(.tg-overlay){position:fixed;inset:0;background:var(--targeting-backdrop,#0008);display:grid;place-items:center;z-index:var(--targeting-z,2147483000)}' +
    ':where(.tg-dialog){position:relative;background:var(--_b);border-radius:var(--targeting-box-radius,12px);padding:1.5rem 2.5rem 1.5rem 1.5rem;max-width:min(90vw,28rem);box-shadow:0 10px 40px #0005}' +
    ':where(.tg-dialog) .tg-close{position:absolute;top:.4rem;right:.4rem}' +
    ':where(.tg-title){margin:0 0 1em;font-weight:600;font-size:1.1em}' +
    ':where(.tg-content){position:relative;background:var(--_b);border:1px solid #0002;border-radius:var(--targeting-box-radius,12px);padding:1rem 2.5rem 1rem 1rem}' +
    ':where(.tg-content) .tg-close{position:absolute;top:.3rem;right:.3rem}';

  // ---- page views, exit intent, single-page apps ----
  function sections() {
    if (cfg.sections) return cfg.sections;
    var s = [];
    d.querySelectorAll('meta[name="targeting-section"]').forEach(function (m) {
      (m.content || '').split(',').forEach(function (v) { v = v.trim(); if (v) s.push(v); });
    });
    return s;
  }
  function page(p, auto) {
    p = p || {};
    var u = p.url ? new URL(p.url, location.href).href : location.href;
    clearTimeout(autoPage);
    if (auto && u.split('#')[0] === last) return; // a jump to an anchor is not a new page
    last = u.split('#')[0];
    exited = false;
    enqueue({ type: 'pageView', url: u, title: p.title || d.title, sections: p.sections || sections() });
  }
  function exit(e) {
    if (exited || e.relatedTarget || e.clientY > 0) return;
    exited = true;
    enqueue({ type: 'aboutToAbandon' });
  }
  function spa() {
    var push = history.pushState;
    history.pushState = function () {
      var r = push.apply(this, arguments);
      clearTimeout(autoPage);
      autoPage = setTimeout(function () { page(0, 1); }, 0); // after the app has set the title
      return r;
    };
    w.addEventListener('popstate', function () { page(0, 1); });
  }

  function init(o) {
    if (cfg) return;
    if (!o || !o.account) throw new Error('Targeting.init needs { account }');
    cfg = { account: o.account, source: o.source || 'web', sections: o.sections, render: o.render,
      labels: Object.assign({ overlay: 'Tell me more', content: 'Show me' }, o.labels) };
    base = (o.gateway || (script && script.src ? new URL(script.src).origin : location.origin)).replace(/\/+$/, '');
    sid = load('session', null);
    queue = load('queue', []);
    var st = d.createElement('style');
    st.id = 'targeting-style';
    st.textContent = css;
    d.head.insertBefore(st, d.head.firstChild); // first, so the site's own CSS wins
    d.addEventListener('mouseout', exit);
    w.addEventListener('pagehide', hide);
    d.addEventListener('visibilitychange', function () { if (d.visibilityState === 'hidden') hide(); });
    w.addEventListener('online', function () { tries = 0; flush(); listen(); });
    w.addEventListener('pageshow', function (e) { if (e.persisted) { listen(); page(); } });
    spa();
    page();
    if (sid) listen();
    (pre || []).forEach(function (c) { api[c[0]].apply(null, c[1]); });
    pre = null;
  }

  var api = {
    version: '1',
    init: init,
    push: function (ev) {
      if (!cfg) { (pre = pre || []).push(['push', [ev]]); return; }
      if (!ev || !ev.type) throw new Error('Targeting.push needs an event with a type');
      enqueue(Object.assign({}, ev));
    },
    page: function (p) { if (!cfg) (pre = pre || []).push(['page', [p]]); else page(p); },
    on: function (name, fn) { (hooks[name] = hooks[name] || []).push(fn); return api; },
    session: function () { return sid; },
    pending: function () { return queue.length; }
  };
  w.Targeting = api;
  if (script && script.getAttribute('data-account')) {
    var go = function () { init({ account: script.getAttribute('data-account'), gateway: script.getAttribute('data-gateway') || undefined }); };
    if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', go); else go();
  }
})(window, document);
