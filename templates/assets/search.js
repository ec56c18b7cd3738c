// Site search on the static output. The Pagefind bundle (written by the build into /pagefind/) is loaded only
// when the reader searches; results are built from text nodes and <mark> alone, never from raw HTML.
(function () {
  'use strict';
  var form = document.getElementById('search');
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var notice = document.getElementById('search-nojs');
  if (!form || !input || !status || !list) return;
  if (notice) notice.hidden = true;
  var engine = null;
  var latest = 0;

  function load() {
    if (!engine) {
      engine = import(form.getAttribute('data-bundle')).then(function (pagefind) {
        return pagefind.options({ excerptLength: 24 }).then(function () {
          return pagefind;
        });
      });
    }
    return engine;
  }

  // Pagefind marks matches with <mark>; keep only text and those marks.
  function excerpt(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    var out = document.createElement('p');
    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === 3) out.appendChild(document.createTextNode(node.textContent));
      else if (node.nodeName === 'MARK') {
        var mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else out.appendChild(document.createTextNode(node.textContent || ''));
    });
    return out;
  }

  function show(query, results, total) {
    list.textContent = '';
    results.forEach(function (r) {
      var li = document.createElement('li');
      var h = document.createElement('h2');
      var a = document.createElement('a');
      a.href = r.url;
      a.textContent = (r.meta && r.meta.title) || r.url;
      h.appendChild(a);
      li.appendChild(h);
      if (r.meta && r.meta.date) {
        var d = document.createElement('p');
        d.className = 'meta';
        d.textContent = r.meta.date;
        li.appendChild(d);
      }
      li.appendChild(excerpt(r.excerpt || ''));
      list.appendChild(li);
    });
    status.textContent = !total
      ? 'Nothing found for “' + query + '”.'
      : total > results.length
        ? 'The first ' + results.length + ' of ' + total + ' results for “' + query + '”.'
        : total + ' result' + (total === 1 ? '' : 's') + ' for “' + query + '”.';
  }

  function run(query) {
    var ticket = ++latest;
    if (!query) {
      list.textContent = '';
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    load()
      .then(function (pagefind) {
        return pagefind.search(query);
      })
      .then(function (found) {
        return Promise.all(found.results.slice(0, 20).map(function (r) { return r.data(); })).then(function (results) {
          if (ticket === latest) show(query, results, found.results.length);
        });
      })
      .catch(function () {
        if (ticket === latest) status.textContent = 'Search is not available here. Every event is listed on the timeline.';
      });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var query = input.value.trim();
    var url = new URL(window.location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url.href);
    run(query);
  });
  var initial = new URLSearchParams(window.location.search).get('q') || '';
  if (initial) {
    input.value = initial;
    run(initial.trim());
  }
})();
