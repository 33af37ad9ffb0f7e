// Live backup progress from /ws/progress. The server sends, per job, the very HTML fragments the
// page rendered (a job row, the tenant page's running block with its tasks, the overview's
// progress), rendered by the same templates; this script only puts them in place. It computes
// nothing: no percent, no status rule, no row built by hand.
//
// Where a fragment goes: every element with data-job-key and data-fragment is replaced by the new
// HTML of that fragment; a list (data-live-list="<fragment>", data-live-when="running|ended",
// optionally narrowed by data-live-cluster/data-live-tenant) holds the job's fragment while the
// job's state matches and loses it otherwise, so an ended job leaves "Running" (with its Cancel
// button) and appears under the history. Loaded with `defer` from /assets (no inline script: the
// Content-Security-Policy forbids it). The server filters by tenant scope.
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
      if (list.getAttribute('data-live-when') !== state || !html[fragment]) {
        if (existing && list.getAttribute('data-live-when') !== state) {
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

  function apply(message) {
    var html = message.html || {};
    (message.jobs || []).forEach(function (job) {
      var fragments = html[job.key] || {};
      place(job, fragments);
      replace(job, fragments);
    });
  }

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
    // "resync": the server follows it with a fresh snapshot; nothing to do until it arrives
  }

  function connect() {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/progress';
    try {
      socket = new WebSocket(url);
    } catch (e) {
      retry();
      return;
    }
    socket.onopen = function () {
      delay = MIN_DELAY;
      showState(true);
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
    if (!document.querySelector('[data-job-key], [data-live-list], #live-indicator')) {
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
