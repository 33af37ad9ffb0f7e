// Live backup progress: keeps every element carrying data-job-key="cluster/tenantId/jobId" up to
// date from /ws/progress, adds rows for jobs started elsewhere, and shows whether the page is live.
// Loaded with `defer` from /assets (no inline script: the Content-Security-Policy forbids it). The
// server filters by tenant scope; this script only shows what it is sent.
(function () {
  'use strict';

  var MIN_DELAY = 1000;
  var MAX_DELAY = 30000;
  var socket = null;
  var delay = MIN_DELAY;
  var known = {};

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

  function field(root, name) {
    return root.querySelector('[data-field="' + name + '"]');
  }

  function setText(root, name, text) {
    var el = field(root, name);
    if (el && el.textContent !== text) {
      el.textContent = text;
    }
  }

  function eta(seconds) {
    if (seconds === null || seconds === undefined) {
      return '';
    }
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    return (h ? h + ' h ' : '') + (h || m ? m + ' min ' : '') + (h ? '' : s + ' s');
  }

  function bytes(n) {
    if (n === null || n === undefined) {
      return '';
    }
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    var i = 0;
    while (n >= 1024 && i < units.length - 1) {
      n /= 1024;
      i++;
    }
    return (i ? n.toFixed(1) : n) + ' ' + units[i];
  }

  function statusClass(status) {
    return 'status status-' + String(status || '').toLowerCase();
  }

  function badge(root, job) {
    var el = field(root, 'stalled');
    if (job.stalled && !el) {
      el = document.createElement('span');
      el.className = 'badge stalled';
      el.setAttribute('data-field', 'stalled');
      el.textContent = 'stalled';
      var status = field(root, 'status');
      (status ? status.parentNode : root).appendChild(el);
    } else if (!job.stalled && el) {
      el.parentNode.removeChild(el);
    }
  }

  function failure(root, job) {
    if (job.status !== 'FAILED') {
      return;
    }
    var el = field(root, 'failure');
    if (!el) {
      el = document.createElement('div');
      el.className = 'failure';
      el.setAttribute('data-field', 'failure');
      var cell = field(root, 'result');
      (cell || root).appendChild(el);
    }
    var text = 'OceanBase error ' + job.result + (job.comment ? ': ' + job.comment : '');
    if (el.textContent !== text) {
      el.textContent = text;
    }
  }

  function update(root, job) {
    var percent = job.status === 'COMPLETED' ? 100 : job.percent;
    var bar = field(root, 'percent');
    if (bar && percent !== null && percent !== undefined) {
      if (bar.tagName === 'PROGRESS') {
        bar.value = percent;
        bar.textContent = percent + ' %';
      } else {
        bar.style.width = percent + '%';
      }
    }
    setText(root, 'percent-text', percent === null || percent === undefined ? '' : percent + ' %');
    setText(root, 'phase', job.phase || '');
    setText(root, 'eta', job.running === false ? '' : eta(job.etaSeconds));
    setText(root, 'rate', job.rate ? bytes(job.rate) + '/s' : '');
    setText(root, 'bytes', bytes(job.bytesDone));
    setText(root, 'retries', job.retries ? String(job.retries) : '');
    var status = field(root, 'status');
    if (status) {
      status.textContent = job.status;
      status.className = statusClass(job.status);
    }
    root.setAttribute('data-status', job.status);
    badge(root, job);
    failure(root, job);
  }

  // A job nobody's page listed yet: the Jobs and Overview tables get a row of their own.
  function addRow(job) {
    var body = document.querySelector('table[data-live-jobs] tbody, table.jobs tbody');
    if (!body || !isRunning(job)) {
      return;
    }
    var row = document.createElement('tr');
    row.setAttribute('data-job-key', job.key);
    row.className = 'live-added';
    [job.cluster, job.tenant, String(job.jobId), job.type].forEach(function (text) {
      var td = document.createElement('td');
      td.textContent = text;
      row.appendChild(td);
    });
    var progress = document.createElement('td');
    progress.innerHTML = '<span class="progress"><progress max="100" data-field="percent"></progress> '
      + '<span data-field="percent-text"></span> <span data-field="status"></span> '
      + '<span data-field="phase"></span> <span data-field="eta"></span></span>';
    row.appendChild(progress);
    var started = document.createElement('td');
    started.textContent = job.startedAt ? job.startedAt.replace('T', ' ') : '';
    row.appendChild(started);
    ['duration', 'description', 'result', 'actions'].forEach(function (name) {
      var td = document.createElement('td');
      td.setAttribute('data-field', name);
      row.appendChild(td);
    });
    body.insertBefore(row, body.firstChild);
  }

  function isRunning(job) {
    return job.status === 'INIT' || job.status === 'DOING' || job.status === 'CANCELING';
  }

  function apply(jobs) {
    jobs.forEach(function (job) {
      job.running = isRunning(job);
      known[job.key] = job;
      var elements = document.querySelectorAll('[data-job-key="' + (window.CSS && CSS.escape ? CSS.escape(job.key) : job.key) + '"]');
      if (elements.length === 0) {
        addRow(job);
        elements = document.querySelectorAll('[data-job-key="' + job.key + '"]');
      }
      elements.forEach(function (el) {
        update(el, job);
      });
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
      apply(message.jobs || []);
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
    if (!document.querySelector('[data-job-key], table[data-live-jobs], table.jobs, #live-indicator')) {
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
