// Site search on the static output, as the reader types. Every form marked data-search gets it: the search page's
// (all results) and the home page's (the first few in place, and a link to the rest). Without JavaScript both
// forms submit to /search/?q=…. The Pagefind bundle (written by the build into /pagefind/) and its alias table are
// loaded only when the reader starts to search; results are built from text nodes and <mark> alone, never from
// raw HTML.
(function () {
  'use strict';
  if (!window.URL || !window.history.replaceState) return;
  var DEBOUNCE_MS = 200;
  // The live region speaks once the reader pauses, not at every keystroke's results.
  var ANNOUNCE_MS = 700;
  // A query whose aliases multiply out further is searched in its first combinations only.
  var MAX_VARIANTS = 24;
  var engine = null;

  function load(form) {
    if (!engine) {
      var bundle = form.getAttribute('data-bundle');
      var aliases = bundle.replace(/pagefind\.js$/, 'aliases.json');
      engine = Promise.all([
        import(bundle).then(function (pagefind) {
          return pagefind.options({ excerptLength: 30 }).then(function () {
            return pagefind;
          });
        }),
        fetch(aliases)
          .then(function (r) {
            return r.ok ? r.json() : { spellings: {}, groups: [] };
          })
          .catch(function () {
            return { spellings: {}, groups: [] };
          }),
      ]);
      engine.catch(function () {
        engine = null;
      });
    }
    return engine;
  }

  // As src/search/aliases.ts reads a spelling.
  function words(text) {
    return text.normalize('NFKC').toLocaleLowerCase('en').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // The query as parts: the reader's own words, and the alias groups that its runs of words name (longest first).
  function parse(query, table) {
    var ws = words(query);
    var parts = [];
    for (var i = 0; i < ws.length; ) {
      var found = -1;
      for (var j = ws.length; j > i && found < 0; j--) {
        var key = ws.slice(i, j).join(' ');
        if (Object.prototype.hasOwnProperty.call(table.spellings, key)) found = j;
      }
      if (found < 0) {
        parts.push({ text: ws[i] });
        i++;
      } else {
        var spelling = ws.slice(i, found).join(' ');
        parts.push({ group: table.groups[table.spellings[spelling]], spelling: spelling });
        i = found;
      }
    }
    return parts;
  }

  // Each group stands for any of its spellings; the searches to run are the combinations.
  function variants(parts) {
    var out = [''];
    parts.forEach(function (part) {
      var options = part.group ? part.group.terms : [part.text];
      var next = [];
      out.forEach(function (v) {
        options.forEach(function (o) {
          if (next.length < MAX_VARIANTS) next.push(v ? v + ' ' + o : o);
        });
      });
      out = next;
    });
    return out;
  }

  // Every variant's results, once each, best score first; a result keeps the excerpt of the variant that scored it best.
  function searchAll(pagefind, table, query) {
    var parts = parse(query, table);
    var plain = parts.every(function (p) { return !p.group; });
    return Promise.all((plain ? [query] : variants(parts)).map(function (v) { return pagefind.search(v); })).then(function (searches) {
      var best = new Map();
      searches.forEach(function (s) {
        s.results.forEach(function (r) {
          var seen = best.get(r.id);
          if (!seen || r.score > seen.score) best.set(r.id, r);
        });
      });
      var results = Array.from(best.values()).sort(function (a, b) {
        return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      });
      // Named in the status only where the reader typed another spelling than the name.
      var names = [];
      parts.forEach(function (p) {
        var typedName = p.group && p.group.names.some(function (n) { return words(n).join(' ') === p.spelling; });
        if (p.group && !typedName) names = names.concat(p.group.names);
      });
      return { results: results, names: names };
    });
  }

  // Pagefind marks matches with <mark> and escapes < and > in the text; keep only text and those marks.
  function excerpt(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    var out = document.createElement('p');
    out.className = 'excerpt';
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === 'MARK') {
        var mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else out.appendChild(document.createTextNode(node.textContent || ''));
    });
    return out;
  }

  function item(r, level) {
    var li = document.createElement('li');
    var h = document.createElement(level);
    if (level === 'p') h.className = 'result-title';
    var a = document.createElement('a');
    a.href = r.url;
    a.textContent = (r.meta && r.meta.title) || r.url;
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement('p');
    meta.className = 'meta';
    if (r.meta && r.meta.category) {
      var c = document.createElement('span');
      c.className = 'result-category';
      c.textContent = r.meta.category;
      meta.appendChild(c);
      meta.appendChild(document.createTextNode(' · '));
    }
    meta.appendChild(document.createTextNode((r.meta && r.meta.date) || ''));
    li.appendChild(meta);
    if (r.excerpt) li.appendChild(excerpt(r.excerpt));
    return li;
  }

  function describe(query, total, names) {
    var also = names.length ? ', with other spellings of ' + names.join(', ') : '';
    if (!total) return 'Nothing found for “' + query + '”' + also + '.';
    return total + ' result' + (total === 1 ? '' : 's') + ' for “' + query + '”' + also + '.';
  }

  function setup(form) {
    var input = form.querySelector('input[type="search"]');
    var status = document.getElementById(form.getAttribute('data-status'));
    var list = document.getElementById(form.getAttribute('data-results'));
    if (!input || !status || !list) return;
    var inPlace = form.getAttribute('data-search') === 'in-place';
    var limit = inPlace ? 5 : 20;
    var more = inPlace ? document.getElementById(form.getAttribute('data-more')) : null;
    var notice = document.getElementById(form.getAttribute('data-nojs') || '');
    if (notice) notice.hidden = true;
    var latest = 0;
    var typing = null;
    var announcing = null;
    var shown = null;

    function announce(text) {
      clearTimeout(announcing);
      announcing = setTimeout(function () {
        if (status.textContent !== text) status.textContent = text;
      }, ANNOUNCE_MS);
    }

    function remember(query) {
      var url = new URL(window.location.href);
      if (query) url.searchParams.set('q', query);
      else url.searchParams.delete('q');
      if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url.href);
    }

    function clear() {
      list.textContent = '';
      list.hidden = true;
      if (more) more.hidden = true;
      clearTimeout(announcing);
      status.textContent = '';
    }

    function run(query) {
      var ticket = ++latest;
      if (query === shown) return;
      if (!query) {
        shown = query;
        clear();
        return;
      }
      load(form)
        .then(function (loaded) {
          return searchAll(loaded[0], loaded[1], query);
        })
        .then(function (found) {
          return Promise.all(found.results.slice(0, limit).map(function (r) { return r.data(); })).then(function (data) {
            if (ticket !== latest) return;
            shown = query;
            list.textContent = '';
            data.forEach(function (r) {
              list.appendChild(item(r, inPlace ? 'p' : 'h2'));
            });
            list.hidden = data.length === 0;
            if (more) {
              more.hidden = found.results.length === 0;
              var link = more.querySelector('a');
              var url = new URL(form.action, window.location.href);
              url.searchParams.set('q', query);
              link.href = url.href;
              link.textContent = found.results.length > data.length ? 'All ' + found.results.length + ' results on the search page' : 'Open these results on the search page';
            }
            var text = describe(query, found.results.length, found.names);
            if (found.results.length > data.length) text += ' The first ' + data.length + ' are shown.';
            announce(text);
          });
        })
        .catch(function () {
          if (ticket === latest) announce('Search is not available here. Every event is listed on the timeline.');
        });
    }

    input.addEventListener('input', function () {
      clearTimeout(typing);
      var query = input.value.trim();
      typing = setTimeout(function () {
        remember(query);
        run(query);
      }, DEBOUNCE_MS);
    });
    // The bundle starts loading when the reader is about to type, not on every page view.
    input.addEventListener('focus', function () { load(form).catch(function () {}); }, { once: true });
    if (!inPlace) {
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        clearTimeout(typing);
        var query = input.value.trim();
        remember(query);
        run(query);
      });
    }
    var initial = (new URLSearchParams(window.location.search).get('q') || '').trim();
    if (initial) {
      input.value = initial;
      run(initial);
    }
  }

  document.querySelectorAll('form[data-search]').forEach(setup);
})();
