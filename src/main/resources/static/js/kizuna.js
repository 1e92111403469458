// Small behaviours shared by every page. Everything here also works without JavaScript,
// only less comfortably: forms submit normally, and the server falls back to Asia/Tokyo.
(function () {
  'use strict';

  function browserTimeZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    } catch (e) {
      return '';
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-browser-time-zone]').forEach(function (input) {
      input.value = browserTimeZone();
    });
  });

  // Destructive buttons ask first.
  document.addEventListener('submit', function (event) {
    var button = event.submitter;
    var message = button && button.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);

  // Live sections (the account timeline) listen to a server-sent event stream and ask htmx to fetch
  // them again when it says something changed. EventSource reconnects by itself after a drop.
  function connectLive(root) {
    var elements = root.querySelectorAll ? root.querySelectorAll('[data-live-url]') : [];
    elements.forEach(function (element) {
      if (element.kizunaSource || !window.EventSource) {
        return;
      }
      var source = new EventSource(element.getAttribute('data-live-url'));
      element.kizunaSource = source;
      source.addEventListener('changed', function () {
        if (window.htmx) {
          window.htmx.trigger(element, 'live-changed');
        }
      });
      source.addEventListener('ready', function () {
        element.setAttribute('data-live', 'connected');
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    connectLive(document);
  });
  window.addEventListener('pagehide', function () {
    document.querySelectorAll('[data-live-url]').forEach(function (element) {
      if (element.kizunaSource) {
        element.kizunaSource.close();
      }
    });
  });

  // htmx requests carry the CSRF token that Spring Security expects on every POST.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
})();
