// The timeline's filters, as a progressive enhancement: without this script the page lists every event and links
// to the category, actor and place pages. With it, choosing a category, actor or place hides the other events at
// once, says how many are shown, and records the choice in the address (?category=…&actor=…&place=…), so it can be
// shared and the back button returns to the previous choice. No framework, no network.
// "What was known when" (templates/_includes/as-of-home.njk) joins in where the page has it: choosing a reporting
// moment hides the events first reported after it (each carries data-reported, an instant in UTC) and sets ?as-of=.
// On a narrow screen the filters start folded behind "Filter events" (open in the markup, for readers without
// JavaScript), so that the story comes first; an address naming an event the filters hide says so, with a way out.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var timeline = document.getElementById('timeline');
  if (!form || !timeline || !window.URLSearchParams || !window.history.pushState) return;

  var KEYS = ['category', 'actor', 'place'];
  var events = Array.prototype.slice.call(timeline.querySelectorAll('li.event'));
  var groups = Array.prototype.slice.call(timeline.querySelectorAll('section.day, section.era'));
  var status = document.getElementById('f-status');
  var none = document.getElementById('no-results');
  var background = document.getElementById('background');
  var radios = Array.prototype.slice.call(form.querySelectorAll('input[name="category"]'));
  var selects = { actor: form.elements.namedItem('actor'), place: form.elements.namedItem('place') };
  var asOf = document.getElementById('f-as-of');
  var box = document.getElementById('filter-box');
  var wide = window.matchMedia ? window.matchMedia('(min-width: 60rem)') : null;
  var notice = document.getElementById('hidden-target');
  var noticeText = document.getElementById('hidden-target-text');
  var showButton = document.getElementById('hidden-target-show');
  var instants = {};
  if (asOf) {
    KEYS.push('as-of');
    selects['as-of'] = asOf;
    Array.prototype.forEach.call(asOf.options, function (o) { instants[o.value] = o.getAttribute('data-instant'); });
  }
  var allowed = { category: radios.map(function (r) { return r.value; }) };
  KEYS.slice(1).forEach(function (k) {
    allowed[k] = Array.prototype.map.call(selects[k].options, function (o) { return o.value; });
  });

  function fromUrl() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    KEYS.forEach(function (k) {
      var v = params.get(k) || '';
      state[k] = allowed[k].indexOf(v) >= 0 ? v : '';
    });
    return state;
  }

  function fromControls() {
    var checked = radios.filter(function (r) { return r.checked; })[0];
    var state = { category: checked ? checked.value : '' };
    KEYS.slice(1).forEach(function (k) { state[k] = selects[k].value; });
    return state;
  }

  function toControls(state) {
    radios.forEach(function (r) { r.checked = r.value === state.category; });
    KEYS.slice(1).forEach(function (k) { selects[k].value = state[k] || ''; });
  }

  function has(list, id) {
    return (' ' + list + ' ').indexOf(' ' + id + ' ') >= 0;
  }

  function apply(state) {
    var shown = 0;
    var early = 0;
    events.forEach(function (li) {
      var ok =
        (!state.category || li.getAttribute('data-category') === state.category) &&
        (!state.actor || has(li.getAttribute('data-actors'), state.actor)) &&
        (!state.place || has(li.getAttribute('data-places'), state.place)) &&
        (!state['as-of'] || li.getAttribute('data-reported') <= instants[state['as-of']]);
      li.hidden = !ok;
      if (ok) {
        shown += 1;
        if (background && background.contains(li)) early += 1;
      }
    });
    groups.forEach(function (g) {
      g.hidden = !g.querySelector('li.event:not([hidden])');
    });
    var active = KEYS.some(function (k) { return state[k]; });
    if (active && early > 0 && background) background.open = true;
    if (none) none.hidden = shown > 0;
    explainHidden();
    status.textContent = active
      ? 'Showing ' + shown + ' of ' + events.length + ' events' +
        (state['as-of'] ? ' reported by ' + asOf.options[asOf.selectedIndex].text : '') +
        (early ? ', ' + early + ' of them in the background' : '') + '.'
      : 'Showing all ' + events.length + ' events.';
  }

  function update() {
    var state = fromControls();
    var url = new URL(window.location.href);
    KEYS.forEach(function (k) {
      if (state[k]) url.searchParams.set(k, state[k]);
      else url.searchParams.delete(k);
    });
    url.hash = '';
    if (url.href !== window.location.href) window.history.pushState(state, '', url.href);
    apply(state);
  }

  form.addEventListener('change', update);
  if (asOf) {
    asOf.addEventListener('change', update);
    document.getElementById('as-of-pick').hidden = false;
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    update();
  });
  form.addEventListener('reset', function (e) {
    e.preventDefault();
    toControls({ category: '', actor: '', place: '' });
    update();
  });
  window.addEventListener('popstate', function () {
    var state = fromUrl();
    toControls(state);
    apply(state);
  });

  function hashTarget() {
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (e) {
      // A malformed escape (#%E0) names nothing; it must not stop the filters.
      return null;
    }
    return (id && document.getElementById(id)) || null;
  }

  // The event or day the address names (/?category=diplomacy#ceasefire-takes-effect, or a day of the time axis)
  // may be one the filters hide: the browser then shows nothing of it, so say why and offer to show it.
  function hiddenTarget() {
    var target = hashTarget();
    if (!target || !timeline.contains(target) || notice.contains(target)) return null;
    var item = target.closest('li.event, section.day, section.era');
    return item && item.closest('[hidden]') ? target : null;
  }

  function explainHidden() {
    if (!notice) return;
    var target = hiddenTarget();
    notice.hidden = !target;
    if (!target) return;
    var event = events.indexOf(target) >= 0;
    var title = event ? document.getElementById('t-' + target.id) : target;
    var name = '“' + (title ? title.textContent : target.id) + '”';
    noticeText.textContent = event
      ? 'The event this address points to, ' + name + ', is hidden by the current filter.'
      : name + ', which this address points to, has no event that matches the current filter.';
    showButton.textContent = event ? 'Show this event' : 'Show all events';
  }

  function showHidden() {
    var target = hiddenTarget();
    if (!target) return;
    var state = { category: '', actor: '', place: '', 'as-of': '' };
    toControls(state);
    var url = new URL(window.location.href);
    KEYS.forEach(function (k) { url.searchParams.delete(k); });
    window.history.pushState(state, '', url.href);
    apply(state);
    if (background && background.contains(target)) background.open = true;
    target.scrollIntoView();
    var link = target.querySelector('h2 a, h3 a, h4 a');
    if (!link && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    (link || target).focus();
  }

  // A link to an event in the collapsed background (/#blockade) opens it; printing shows every event.
  function reveal() {
    var target = hashTarget();
    explainHidden();
    if (notice && !notice.hidden) notice.scrollIntoView({ block: 'center' });
    if (target && background && background.contains(target) && !background.open) {
      background.open = true;
      target.scrollIntoView();
    }
  }
  var wasOpen = false;
  window.addEventListener('hashchange', reveal);
  window.addEventListener('beforeprint', function () {
    if (!background) return;
    wasOpen = background.open;
    background.open = true;
  });
  window.addEventListener('afterprint', function () {
    if (background) background.open = wasOpen;
  });

  if (notice) showButton.addEventListener('click', showHidden);
  form.hidden = false;
  // The pages by category, actor and place stay one click away; the filters now do their job in place.
  var pages = document.getElementById('browse-pages');
  if (pages) pages.open = false;
  var initial = fromUrl();
  toControls(initial);
  apply(initial);
  if (box && wide) {
    // Folded on a narrow screen unless the address already filters, so that the reader sees what hides events.
    if (!wide.matches && !KEYS.some(function (k) { return initial[k]; })) box.open = false;
    if (wide.addEventListener) wide.addEventListener('change', function (e) { if (e.matches) box.open = true; });
  }
  reveal();
})();
