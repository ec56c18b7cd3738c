// The share control (templates/_includes/share.njk), as a progressive enhancement: without this script it stays
// hidden. The button hands the page's address to the Web Share API where the browser has it (phones, some desktops),
// and otherwise copies it, saying so in a status line. No network, nothing sent anywhere but the reader's clipboard.
(function () {
  'use strict';
  var boxes = document.querySelectorAll('[data-share]');
  Array.prototype.forEach.call(boxes, function (box) {
    var button = box.querySelector('button');
    var status = box.querySelector('[role="status"]');
    if (!button || !status) return;
    var say = function (text) {
      status.textContent = text;
    };
    var copy = function (url) {
      if (!navigator.clipboard || !navigator.clipboard.writeText) return Promise.reject(new Error('no clipboard'));
      return navigator.clipboard.writeText(url);
    };
    button.addEventListener('click', function () {
      var url = window.location.href;
      say('');
      if (navigator.share) {
        navigator.share({ title: document.title, url: url }).catch(function (error) {
          // The reader closing the share sheet is no failure; anything else falls back to a copy.
          if (error && error.name === 'AbortError') return;
          copy(url).then(
            function () { say('Link copied'); },
            function () { say('Copy this address: ' + url); }
          );
        });
        return;
      }
      copy(url).then(
        function () { say('Link copied'); },
        function () { say('Copy this address: ' + url); }
      );
    });
    box.hidden = false;
  });
})();
