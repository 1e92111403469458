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

  // htmx requests carry the CSRF token that Spring Security expects on every POST.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
})();
