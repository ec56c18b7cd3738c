/* The browser editor: Decap CMS with the configuration generated from the schema (src/cms/config.ts), a quote
 * picker, a preview that renders the event with the site's templates and shows what `npm run check` will say.
 * A module with no build step: Decap's bundle, loaded before it, provides `CMS`, `h` (React.createElement) and `createClass`. */
/* global CMS, h, createClass, fetch, window, document, setTimeout, clearTimeout */
import { pruned } from './pruned.js';

(function () {
  const toPlain = (value) => (value && typeof value.toJS === 'function' ? value.toJS() : value);
  // JSON drops undefined keys: a citation without a prefix has no `prefix` at all.
  const tidy = (value) => JSON.parse(JSON.stringify(value));
  const post = (url, body) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (res) => ({
      ok: res.ok,
      json: await res.json(),
    }));

  // Set from config.json: the preview's endpoints, or the static files of a published editor (src/cms/export.ts).
  const settings = { passages: '/__cms/passages', check: true };
  let passages = null;
  const loadPassages = () => (passages ??= fetch(settings.passages).then((res) => res.json()).then((json) => json.sources));

  /** Words typed into the search, all of which a passage must contain (any case). */
  const matching = (source, query) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!source || words.length === 0) return [];
    return source.passages.filter((p) => words.every((w) => p.text.toLowerCase().includes(w))).slice(0, 12);
  };

  /** `sources`: per citation, the article, then a passage found by searching its text; a quote is never typed. */
  const CitationsControl = createClass({
    getInitialState() {
      return { sources: [], queries: {} };
    },
    componentDidMount() {
      loadPassages().then((sources) => this.setState({ sources }));
    },
    citations() {
      const value = toPlain(this.props.value);
      return Array.isArray(value) ? value : [];
    },
    isValid() {
      const missing = this.citations().some((c) => !c.id || !c.quote);
      return missing ? { error: { message: 'Pick an article and a passage for each source.' } } : true;
    },
    replace(index, citation) {
      const list = this.citations().slice();
      if (citation === null) list.splice(index, 1);
      else list[index] = tidy(citation);
      this.props.onChange(list);
    },
    search(index, text) {
      this.setState({ queries: { ...this.state.queries, [index]: text } });
    },
    renderCitation(citation, index, help) {
      const base = `${this.props.forID}-${index}`;
      const sources = this.state.sources;
      const source = sources.find((s) => s.id === citation.id);
      const query = this.state.queries[index] ?? '';
      const known = sources.some((s) => s.id === citation.id);
      return h(
        'div',
        { key: index, className: 'nt-citation', 'data-citation': index },
        h('label', { htmlFor: `${base}-source` }, `Article ${index + 1}`),
        h(
          'select',
          {
            id: `${base}-source`,
            value: citation.id ?? '',
            onChange: (e) => this.replace(index, { id: e.target.value, quote: '' }),
          },
          h('option', { value: '' }, 'Choose an article…'),
          !known && citation.id ? h('option', { value: citation.id }, `${citation.id} (not in content/sources/)`) : null,
          sources.map((s) => h('option', { key: s.id, value: s.id }, s.title)),
        ),
        citation.quote ? h('blockquote', { className: 'nt-quote' }, citation.quote) : h('p', { className: 'nt-empty' }, 'No passage picked yet.'),
        source
          ? h(
              'div',
              null,
              h('label', { htmlFor: `${base}-search` }, 'Search the article for the passage'),
              h('input', {
                id: `${base}-search`,
                type: 'search',
                value: query,
                placeholder: 'A few words of the passage',
                onChange: (e) => this.search(index, e.target.value),
              }),
              h(
                'ul',
                { className: 'nt-passages', 'aria-label': 'Passages found' },
                matching(source, query).map((p) =>
                  h(
                    'li',
                    { key: `${p.prefix ?? ''}|${p.text}|${p.suffix ?? ''}` },
                    h(
                      'button',
                      {
                        type: 'button',
                        onClick: () => {
                          this.replace(index, { ...citation, quote: p.text, prefix: p.prefix, suffix: p.suffix });
                          this.search(index, '');
                        },
                      },
                      p.text,
                    ),
                  ),
                ),
              ),
            )
          : null,
        h('p', { className: 'nt-empty' }, help.quote ?? ''),
        h('div', { className: 'nt-actions' }, h('button', { type: 'button', onClick: () => this.replace(index, null) }, 'Remove this source')),
      );
    },
    render() {
      const list = this.citations();
      const help = toPlain(this.props.field.get('parts')) ?? {};
      return h(
        'div',
        { id: this.props.forID, className: 'nt-citations' },
        list.map((c, i) => this.renderCitation(c, i, help)),
        h(
          'button',
          { type: 'button', className: 'nt-add', onClick: () => this.props.onChange([...list, { id: '', quote: '' }]) },
          list.length === 0 ? 'Add a source' : 'Add another source',
        ),
      );
    },
  });

  /**
   * A claim's `quote`: one passage picked from the articles' sentences (each result names its article: pick from
   * the claim's source, which the check verifies). A quote already in the file is kept as it is.
   */
  const PassageControl = createClass({
    getInitialState() {
      return { sources: [], query: '' };
    },
    componentDidMount() {
      loadPassages().then((sources) => this.setState({ sources }));
    },
    render() {
      const value = typeof this.props.value === 'string' ? this.props.value : '';
      const words = this.state.query.toLowerCase().split(/\s+/).filter(Boolean);
      const found = [];
      if (words.length > 0) {
        for (const source of this.state.sources) {
          for (const p of source.passages) {
            if (found.length < 12 && words.every((w) => p.text.toLowerCase().includes(w))) found.push({ source, passage: p });
          }
        }
      }
      return h(
        'div',
        { className: 'nt-citation' },
        value ? h('blockquote', { className: 'nt-quote' }, value) : h('p', { className: 'nt-empty' }, 'No passage picked yet.'),
        h('input', {
          id: this.props.forID,
          type: 'search',
          value: this.state.query,
          placeholder: 'Search the articles: a few words of the passage',
          onChange: (e) => this.setState({ query: e.target.value }),
        }),
        h(
          'ul',
          { className: 'nt-passages', 'aria-label': 'Passages found' },
          found.map(({ source, passage }) =>
            h(
              'li',
              { key: `${source.id}|${passage.prefix ?? ''}|${passage.text}` },
              h(
                'button',
                {
                  type: 'button',
                  title: source.title,
                  onClick: () => {
                    this.props.onChange(passage.text);
                    this.setState({ query: '' });
                  },
                },
                passage.text,
              ),
              h('small', null, ` (${source.id})`),
            ),
          ),
        ),
      );
    },
  });

  const CitationsPreview = createClass({
    render() {
      const list = toPlain(this.props.value) ?? [];
      return h('ul', null, list.map((c, i) => h('li', { key: i }, `${c.id}: ${c.quote}`)));
    },
  });

  /** One diagnostic as `npm run check` prints it: where, the field, the message, what was expected, the rule. */
  const diagnosticItem = (d, i) =>
    h(
      'li',
      { key: i, className: `nt-diagnostic nt-${d.severity}` },
      h('strong', null, d.severity === 'error' ? 'Error' : 'Warning'),
      ` ${d.line}:${d.column}  ${d.field ? `${d.field}: ` : ''}${d.message}${d.expected ? ` (expected ${d.expected})` : ''}  `,
      h('code', null, d.ruleId),
      d.hint ? h('div', { className: 'nt-hint' }, `hint: ${d.hint}`) : null,
    );

  /**
   * The preview pane: the event's page as the site renders it (the server renders it with the site's templates)
   * and, above it, the diagnostics the check gives for this file as it stands in the form, saved or not.
   */
  const EventPreview = createClass({
    getInitialState() {
      return { result: null, failed: null, moved: null };
    },
    componentDidMount() {
      this.seq = 0;
      this.schedule();
    },
    componentDidUpdate(previous) {
      if (previous.entry !== this.props.entry) this.schedule();
    },
    componentWillUnmount() {
      clearTimeout(this.timer);
      this.gone = true;
    },
    schedule() {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.check(), 300);
    },
    async check() {
      if (!settings.check) {
        this.setState({ failed: 'The check runs in the preview (npm run edit) and on the pull request; this page shows the form only.' });
        return;
      }
      const path = this.props.entry.get('path') || null;
      const data = toPlain(this.props.entry.get('data')) ?? {};
      const key = JSON.stringify([path, data]);
      if (key === this.lastKey) return;
      this.lastKey = key;
      const seq = ++this.seq;
      try {
        const { ok, json } = await post('/__cms/check', { path, data });
        if (this.gone || seq !== this.seq) return;
        this.setState(ok ? { result: json, failed: null } : { failed: json.error });
      } catch (error) {
        if (!this.gone) this.setState({ failed: `The preview could not check this event: ${error.message}` });
      }
    },
    async adopt() {
      const data = toPlain(this.props.entry.get('data')) ?? {};
      const { ok, json } = await post('/__cms/adopt', { path: this.props.entry.get('path'), data });
      if (!ok) return this.setState({ failed: json.error });
      const slug = json.path.replace(/^content\/events\//, '').replace(/\.md$/, '');
      window.location.hash = `#/collections/events/entries/${slug}`;
      window.location.reload();
    },
    render() {
      const { result, failed } = this.state;
      const draft = /^drafts\//.test(this.props.entry.get('path') ?? '');
      const diagnostics = result ? result.diagnostics : [];
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.length - errors;
      const status = failed
        ? failed
        : !result
          ? 'Checking…'
          : diagnostics.length === 0
            ? `npm run check: no problems in ${result.path}.`
            : `npm run check: ${errors} ${errors === 1 ? 'error' : 'errors'} and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} in ${result.path}.`;
      return h(
        'div',
        { className: 'nt-preview' },
        h(
          'section',
          { className: 'nt-check', 'aria-label': 'Check', 'data-errors': result ? errors : '' },
          h('p', { role: 'status' }, status),
          diagnostics.length ? h('ul', null, diagnostics.map(diagnosticItem)) : null,
          draft && result && errors === 0
            ? h('button', { type: 'button', onClick: () => this.adopt() }, 'Make it an event (move it to content/events/)')
            : null,
        ),
        result && result.html
          ? h('main', { id: 'main', dangerouslySetInnerHTML: { __html: result.html } })
          : h('main', { id: 'main' }, h('article', { className: 'event-page' }, h('h1', null, this.props.entry.getIn(['data', 'title']) ?? ''), h('p', { className: 'note' }, 'The page appears here once the check finds no errors.'))),
      );
    },
  });

  const PREVIEW_CSS = `
.nt-check { font: 14px/1.45 system-ui, sans-serif; margin: 0 0 1em; padding: .75em 1em; border: 2px solid #8a8a8a; border-radius: 6px; }
.nt-check[data-errors="0"] { border-color: #2e7d32; }
.nt-check ul { margin: .5em 0 0; padding-left: 1.2em; }
.nt-error strong { color: #b00020; }
.nt-warning strong { color: #8a5a00; }
.nt-hint { color: #555; }
`;

  async function start() {
    const { config, sitePrefix, passages: passagesUrl, check } = await (await fetch('config.json')).json();
    Object.assign(settings, { passages: passagesUrl, check });
    if (config.backend.name === 'proxy') config.backend.proxy_url = `${window.location.origin}/api/v1`;
    CMS.registerPreviewStyle(`${sitePrefix}assets/site.css`);
    CMS.registerPreviewStyle(PREVIEW_CSS, { raw: true });
    CMS.registerWidget('citations', CitationsControl, CitationsPreview);
    CMS.registerWidget('passage', PassageControl);
    for (const collection of config.collections) CMS.registerPreviewTemplate(collection.name, EventPreview);
    CMS.registerEventListener({
      name: 'preSave',
      handler: ({ entry }) => {
        const data = entry.get('data');
        const plain = toPlain(data);
        const kept = pruned(plain) ?? {};
        if (!kept.sources) kept.sources = [];
        let next = data;
        for (const key of Object.keys(plain)) if (!(key in kept)) next = next.delete(key);
        for (const [key, value] of Object.entries(kept)) next = next.set(key, value);
        return next;
      },
    });
    CMS.init({ config });
  }

  start().catch((error) => {
    document.body.textContent = `The editor could not start: ${error.message}`;
  });
})();
