// OB Backup Console page behaviour. Loaded with `defer` from /assets (no inline script: the
// Content-Security-Policy forbids it). Every feature here only improves a page that already
// works without script.
(function () {
  'use strict';

  // One written form of a time everywhere, the server's "2026-12-06 23:07:44 UTC" but in the reader's
  // zone: year first reads the same in every country, where 12/06/2026 does not.
  var TIME_PARTS = new Intl.DateTimeFormat('en-US', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'short'
  });

  function written(when) {
    var part = {};
    TIME_PARTS.formatToParts(when).forEach(function (p) {
      part[p.type] = p.value;
    });
    return part.year + '-' + part.month + '-' + part.day + ' ' + part.hour + ':' + part.minute + ':' + part.second
        + ' ' + part.timeZoneName;
  }

  // Times arrive as UTC instants in <time datetime>; show them in the reader's zone and keep UTC on hover.
  function localTimes(root) {
    root.querySelectorAll('time[data-local-time]').forEach(function (el) {
      var when = new Date(el.getAttribute('datetime'));
      if (isNaN(when.getTime())) {
        return;
      }
      el.title = el.textContent.indexOf('UTC') >= 0 ? el.textContent : el.title;
      el.textContent = written(when);
    });
  }

  // The start form's preflight panel: when a choice changes, fetch the server-rendered fragment for
  // the current choices and swap it in. The panel is a live region, so screen readers hear the result.
  // "Acknowledge FULL instead of INCREMENTAL" means something only for an INCREMENTAL backup.
  function acknowledgeOnlyForIncremental(form) {
    var incremental = form.elements.type && form.elements.type.value === 'INCREMENTAL';
    document.querySelectorAll('[data-for-incremental]').forEach(function (el) {
      el.hidden = !incremental;
    });
    if (!incremental && form.elements.acknowledge) {
      form.elements.acknowledge.checked = false;
    }
  }

  // While the preflight blocks, the review would only be refused: its button waits.
  function reviewAllowed(form, panel) {
    var review = document.getElementById('review');
    if (review) {
      review.disabled = panel.querySelector('[data-blocked]') !== null;
    }
  }

  /** The start form's tenant checkboxes (one per tenant the person may operate). */
  function tenantBoxes(form) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="tenants"]'));
  }

  function preflight() {
    var form = document.getElementById('backup-form');
    var panel = document.getElementById('preflight');
    if (!form || !panel) {
      return;
    }
    var pending = null;
    function refresh() {
      var params = new URLSearchParams();
      ['cluster', 'type', 'plusArchivelog', 'allTenants', 'acknowledge'].forEach(function (name) {
        var field = form.elements[name];
        if (!field) {
          return;
        }
        if (field.type === 'checkbox') {
          if (field.checked) {
            params.append(name, field.value);
          }
        } else {
          params.append(name, field.value);
        }
      });
      tenantBoxes(form).forEach(function (box) {
        if (box.checked) {
          params.append('tenants', box.value);
        }
      });
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      panel.setAttribute('aria-busy', 'true');
      fetch('/backups/preflight?' + params.toString(), {
        credentials: 'same-origin',
        headers: { 'Accept': 'text/html' },
        signal: pending.signal
      }).then(function (response) {
        if (!response.ok) {
          throw new Error('preflight ' + response.status);
        }
        return response.text();
      }).then(function (html) {
        panel.innerHTML = html;
        reviewAllowed(form, panel);
        localTimes(panel);
        panel.removeAttribute('aria-busy');
        document.dispatchEvent(new CustomEvent('obconsole:preflight-updated'));
      }).catch(function (error) {
        if (error.name !== 'AbortError') {
          panel.removeAttribute('aria-busy');
          panel.dataset.state = 'error';
        }
      });
    }
    acknowledgeOnlyForIncremental(form);
    reviewAllowed(form, panel);
    // a backup that ends (or starts) elsewhere changes what the preflight finds: ask again, same choices
    document.addEventListener('obconsole:changed', function (event) {
      var cluster = form.elements.cluster && form.elements.cluster.value;
      if (!event.detail.cluster || event.detail.cluster === cluster) {
        refresh();
      }
    });
    form.addEventListener('change', function (event) {
      if (event.target.name === 'type') {
        acknowledgeOnlyForIncremental(form);
      }
      if (event.target.name === 'cluster') {
        // tenants belong to a cluster: reload the form for the new one (works without script too)
        window.location.search = '?cluster=' + encodeURIComponent(event.target.value);
        return;
      }
      if (['password', 'passwordConfirmation', 'description'].indexOf(event.target.name) < 0) {
        refresh();
      }
    });
  }

  // A submit whose session had expired comes back from the sign-in as a GET, its form data lost, and
  // the server sends the operator to the form flagged data-restore-choices. So every submit keeps the
  // choices in this tab's sessionStorage (never the passwords: they are not in this list), and the
  // flagged form takes them back.
  var SAVED_CHOICES = 'obconsole.backup-form';
  var CHOICES = ['cluster', 'allTenants', 'type', 'concurrency', 'plusArchivelog', 'description', 'acknowledge'];

  function saveChoicesOnSubmit(form) {
    form.addEventListener('submit', function () {
      var choices = { tenants: [] };
      CHOICES.forEach(function (name) {
        var field = form.elements[name];
        if (field) {
          choices[name] = field.type === 'checkbox' ? field.checked : field.value;
        }
      });
      tenantBoxes(form).forEach(function (box) {
        if (box.checked) {
          choices.tenants.push(box.value);
        }
      });
      try {
        sessionStorage.setItem(SAVED_CHOICES, JSON.stringify(choices));
      } catch (e) {
        // storage refused (private mode, quota): the form still submits, it just cannot be restored
      }
    });
  }

  function savedChoices() {
    try {
      return JSON.parse(sessionStorage.getItem(SAVED_CHOICES));
    } catch (e) {
      return null;
    }
  }

  function forgetChoices() {
    try {
      sessionStorage.removeItem(SAVED_CHOICES);
    } catch (e) {
      // no storage, nothing kept
    }
  }

  // Returns 'restored', 'reloading' (the saved cluster's form is being loaded first) or 'none'.
  function restoreChoices(form) {
    var saved = form.hasAttribute('data-restore-choices') ? savedChoices() : null;
    if (!saved) {
      return 'none';
    }
    var cluster = form.elements.cluster;
    if (cluster && saved.cluster && cluster.value !== saved.cluster) {
      var offered = Array.prototype.some.call(cluster.options, function (o) { return o.value === saved.cluster; });
      if (offered) {
        // tenants belong to a cluster: load the saved cluster's form, which restores the rest
        window.location.search = '?cluster=' + encodeURIComponent(saved.cluster) + '&msg=session-expired';
        return 'reloading';
      }
      forgetChoices();
      return 'none';
    }
    forgetChoices();
    CHOICES.forEach(function (name) {
      var field = form.elements[name];
      if (!field || !(name in saved) || name === 'cluster') {
        return;
      }
      if (field.type === 'checkbox') {
        field.checked = saved[name] === true;
      } else {
        field.value = saved[name];
      }
    });
    tenantBoxes(form).forEach(function (box) {
      box.checked = saved.tenants.indexOf(box.value) >= 0;
    });
    return 'restored';
  }

  function backupForm() {
    var form = document.getElementById('backup-form');
    if (!form) {
      if (document.getElementById('confirm')) {
        forgetChoices(); // the submit arrived: nothing to restore any more
      }
      return;
    }
    var restored = restoreChoices(form);
    if (restored === 'reloading') {
      return;
    }
    saveChoicesOnSubmit(form);
    preflight();
    var boxes = tenantBoxes(form);
    if (restored === 'restored' && boxes.length) {
      boxes[0].dispatchEvent(new Event('change', { bubbles: true })); // a fresh preflight
    }
  }

  // The set-up page's archive status while it moves (BEGINNING, STOPPING): fetch the server-rendered
  // fragment every second and swap it in; once it has settled, reload so the forms match the new state.
  function archiveState() {
    var state = document.getElementById('archive-state');
    if (!state || state.dataset.settling !== 'true') {
      return;
    }
    var url = state.dataset.refreshUrl;
    var timer = setInterval(function () {
      fetch(url, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        if (html === null) {
          return;
        }
        var holder = document.createElement('div');
        holder.innerHTML = html.trim();
        var fresh = holder.firstElementChild;
        var current = document.getElementById('archive-state');
        if (!fresh || !current) {
          return;
        }
        current.replaceWith(fresh);
        localTimes(fresh);
        if (fresh.dataset.settling !== 'true') {
          clearInterval(timer);
          window.location.reload();
        }
      }).catch(function () { /* the next tick tries again */ });
    }, 1000);
  }

  // The restore wizard. The time is typed in the reader's zone: the zone field (sent with it, for the
  // server to convert) is the browser's, and UTC is written beside the time as it is typed. The free
  // pools offered are the chosen target cluster's (the select holds every target's, one group each).
  var BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

  function utcBeside(time, zone, output) {
    var when = time.value && zone.value === BROWSER_ZONE ? new Date(time.value) : null;
    output.textContent = when && !isNaN(when.getTime())
        ? '= ' + when.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '') + ' UTC' : '';
  }

  function poolsOfTarget(target, pools) {
    pools.querySelectorAll('optgroup[data-cluster]').forEach(function (group) {
      var chosen = group.getAttribute('data-cluster') === target.value;
      group.hidden = !chosen;
      group.disabled = !chosen;
    });
    document.querySelectorAll('[data-no-free-pool]').forEach(function (note) {
      note.hidden = note.getAttribute('data-no-free-pool') !== target.value;
    });
    var selected = pools.options[pools.selectedIndex];
    if (!selected || selected.parentNode.disabled) {
      var first = pools.querySelector('optgroup:not([disabled]) option');
      pools.value = first ? first.value : '';
    }
  }

  function restoreForm() {
    var form = document.getElementById('restore-form');
    if (!form) {
      return;
    }
    var time = document.getElementById('r-time');
    var zone = form.querySelector('[data-browser-zone]');
    var output = document.getElementById('r-time-utc');
    if (zone && !zone.value && BROWSER_ZONE) {
      zone.value = BROWSER_ZONE;
    }
    if (time && zone && output) {
      ['input', 'change'].forEach(function (kind) {
        time.addEventListener(kind, function () { utcBeside(time, zone, output); });
        zone.addEventListener(kind, function () { utcBeside(time, zone, output); });
      });
      utcBeside(time, zone, output);
    }
    var target = document.getElementById('r-target');
    var pools = document.getElementById('r-pool');
    if (target && pools) {
      target.addEventListener('change', function () { poolsOfTarget(target, pools); });
      poolsOfTarget(target, pools);
    }
  }

  // progress.js puts server-rendered fragments into the page; their times need the reader's zone too.
  window.obconsole = {
    localTimes: localTimes
  };

  function ready() {
    localTimes(document);
    backupForm();
    archiveState();
    restoreForm();
    document.documentElement.dataset.ready = 'true';
    document.dispatchEvent(new CustomEvent('obconsole:ready'));
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
})();
