// Live backup progress from /ws/progress. The server sends, per job, the very HTML fragments the
// page rendered (a job row, the tenant page's running block with its tasks, the overview's
// progress), rendered by the same templates; this script only puts them in place. It computes
// nothing: no percent, no status rule, no row built by hand.
//
// Where a fragment goes: every element with data-job-key and data-fragment is replaced by the new
// HTML of that fragment; a list (data-live-list="<fragment>", data-live-when="running|ended",
// optionally narrowed by data-live-cluster/data-live-tenant) holds the job's fragment while the
// job's state matches and loses it otherwise ("always": from start to end, as the restores list),
// so an ended job leaves "Running" (with its Cancel button) and appears under the history. Loaded
// with `defer` from /assets (no inline script: the Content-Security-Policy forbids it). The server filters by tenant scope.
//
// What else a page shows as current (a tenant's state and preflight, its sets, recovery points)
// is marked data-live-refresh (with an id, optionally narrowed by data-live-cluster and
// data-live-tenant). When the server says a tenant's state changed ("changed"), or after a
// reconnect or resync (changes may have been missed), the page is read again as it stands and those
// elements are swapped for their fresh copies: again the server's own HTML, nothing built here.
// The same moments are announced as the document event "obconsole:changed" (detail: the message,
// or {} when anything may have changed) for parts that depend on the person's own choices.
//
// A page that shows only some tenants (the overview of a large fleet) says which in data-live-watch
// ("cluster" or "cluster/tenant", comma-separated); the socket then carries only those (the server
// still filters by scope). What arrived is counted per tenant in window.obconsoleLive.heard.
(function () {
  'use strict';

  var MIN_DELAY = 1000;
  var MAX_DELAY = 30000;
  var socket = null;
  var delay = MIN_DELAY;
  // jobs this page showed running: only those move into an "ended" list (the page's filters chose the rest)
  var wasRunning = {};

  function indicator() {
    var el = document.getElementById('live-indicator');
    if (!el) {
      el = document.createElement('span');
      el.id = 'live-indicator';
      el.setAttribute('role', 'status');
      el.setAttribute('aria-live', 'polite');
      (document.querySelector('header') || document.body).appendChild(el);
    }
    return el;
  }

  function showState(live) {
    var el = indicator();
    el.textContent = live ? 'Live' : 'Reconnecting\u2026';
    el.className = live ? 'live' : 'reconnecting';
    el.setAttribute('data-state', live ? 'live' : 'reconnecting');
  }

  function selector(key, fragment) {
    var escaped = window.CSS && CSS.escape ? CSS.escape(key) : key;
    return '[data-job-key="' + escaped + '"]' + (fragment ? '[data-fragment="' + fragment + '"]' : '[data-fragment]');
  }

  // The server's HTML as a node; table rows need a table around them to parse.
  function parse(html) {
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    var node = template.content.firstElementChild;
    if (window.obconsole && window.obconsole.localTimes && node) {
      window.obconsole.localTimes(node);
    }
    return node;
  }

  function inScope(list, job) {
    var cluster = list.getAttribute('data-live-cluster');
    var tenant = list.getAttribute('data-live-tenant');
    return (!cluster || cluster === job.cluster) && (!tenant || tenant === job.tenant);
  }

  function showEmpty(list) {
    var id = list.getAttribute('data-live-empty');
    var placeholder = id && document.getElementById(id);
    if (placeholder) {
      placeholder.hidden = list.querySelector('[data-job-key]') !== null;
    }
  }

  function place(job, html) {
    var state = job.running ? 'running' : 'ended';
    if (job.running || document.querySelector(selector(job.key))) {
      wasRunning[job.key] = wasRunning[job.key] || job.running
          || document.querySelector('[data-live-when="running"] ' + selector(job.key)) !== null;
    }
    document.querySelectorAll('[data-live-list]').forEach(function (list) {
      if (!inScope(list, job)) {
        return;
      }
      var fragment = list.getAttribute('data-live-list');
      var existing = list.querySelector(selector(job.key, fragment));
      // "always": the list keeps the job from start to end (restores: one row that ends in place)
      var when = list.getAttribute('data-live-when');
      var holds = when === state || when === 'always';
      if (!holds || !html[fragment]) {
        if (existing && !holds) {
          existing.parentNode.removeChild(existing);
        }
      } else if (!existing && (state === 'running' || wasRunning[job.key])) {
        list.insertBefore(parse(html[fragment]), list.firstElementChild);
      }
      showEmpty(list);
    });
  }

  function replace(job, html) {
    document.querySelectorAll(selector(job.key)).forEach(function (el) {
      var fresh = html[el.getAttribute('data-fragment')];
      if (fresh && el.isConnected) {
        el.replaceWith(parse(fresh));
      }
    });
  }

  var live = window.obconsoleLive = { heard: {} };

  function heard(cluster, tenant) {
    var key = cluster + '/' + tenant;
    live.heard[key] = (live.heard[key] || 0) + 1;
  }

  function apply(message) {
    var html = message.html || {};
    (message.jobs || []).forEach(function (job) {
      heard(job.cluster, job.tenant);
      var fragments = html[job.key] || {};
      place(job, fragments);
      replace(job, fragments);
    });
  }

  function concerns(el, message) {
    var cluster = el.getAttribute('data-live-cluster');
    var tenant = el.getAttribute('data-live-tenant');
    return (!cluster || cluster === message.cluster)
        && (!tenant || (message.tenants || []).indexOf(tenant) >= 0);
  }

  var reading = false;
  var readAgain = false;

  // Reads the page again and swaps every live-refreshed element for its fresh copy; one read at a time.
  function refresh() {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    readAgain = false;
    fetch(location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } }).then(function (response) {
      // a session that ended sends the page to the sign-in: nothing to take from that
      return response.ok && !response.redirected ? response.text() : null;
    }).then(function (html) {
      if (html === null) {
        return;
      }
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      document.querySelectorAll('[data-live-refresh][id]').forEach(function (el) {
        var copy = fresh.getElementById(el.id);
        if (copy && el.isConnected) {
          var node = document.importNode(copy, true);
          if (window.obconsole && window.obconsole.localTimes) {
            window.obconsole.localTimes(node);
          }
          el.replaceWith(node);
        }
      });
      document.dispatchEvent(new CustomEvent('obconsole:refreshed'));
    }).catch(function () {
      // the next change reads again
    }).then(function () {
      reading = false;
      if (readAgain) {
        refresh();
      }
    });
  }

  // What is computed for choices the person made (the start form's preflight) cannot be read back
  // from the page: its script hears of the change and asks the server again.
  function announce(message) {
    document.dispatchEvent(new CustomEvent('obconsole:changed', { detail: message || {} }));
  }

  function changed(message) {
    announce(message);
    var stale = Array.prototype.some.call(document.querySelectorAll('[data-live-refresh]'), function (el) {
      return concerns(el, message);
    });
    if (stale) {
      refresh();
    }
  }

  var opened = false;

  function onMessage(event) {
    var message;
    try {
      message = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (message.type === 'snapshot' || message.type === 'delta') {
      apply(message);
    }
    if (message.type === 'changed') {
      (message.tenants || []).forEach(function (tenant) { heard(message.cluster, tenant); });
      changed(message);
    }
    if (message.type === 'resync') {
      announce(null);
    }
    if (message.type === 'resync' && document.querySelector('[data-live-refresh]')) {
      // the server follows it with a fresh snapshot of the jobs; what else changed meanwhile is read again
      refresh();
    }
  }

  function connect() {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/progress';
    var shown = document.querySelector('[data-live-watch]');
    if (shown) {
      url += '?watch=' + encodeURIComponent(shown.getAttribute('data-live-watch'));
    }
    try {
      socket = new WebSocket(url);
    } catch (e) {
      retry();
      return;
    }
    socket.onopen = function () {
      delay = MIN_DELAY;
      showState(true);
      if (opened) {
        announce(null);
      }
      if (opened && document.querySelector('[data-live-refresh]')) {
        refresh(); // back after a break: what changed meanwhile was not heard
      }
      opened = true;
    };
    socket.onmessage = onMessage;
    socket.onclose = function () {
      socket = null;
      showState(false);
      retry();
    };
  }

  function retry() {
    var wait = Math.min(MAX_DELAY, delay) * (0.75 + Math.random() * 0.5);
    delay = Math.min(MAX_DELAY, delay * 2);
    setTimeout(connect, wait);
  }

  function start() {
    if (!document.querySelector('[data-job-key], [data-live-list], [data-live-refresh], #live-indicator')) {
      return;
    }
    showState(false);
    connect();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
