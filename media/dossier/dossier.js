// The dossier webview: draws the data the extension posts (never fetches anything) and sends back
// what the user asks for. Every string from an article goes into the page through textContent or
// a text node — never innerHTML — so no article text is ever parsed as markup. The extension
// filters the timeline and sends it a page of rows at a time; the next page is asked for when the
// end of the list scrolls into view (or "Show more" is pressed), so a country with tens of
// thousands of articles never reaches the page at once.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  // @ts-ignore
  const { el } = window.DossierDom;
  const saved = vscode.getState() || {};
  /** @type {{ subject?: unknown, fromYear: string, toYear: string, outlet: string, text: string, picks: string[] }} */
  const state = {
    subject: saved.subject,
    fromYear: saved.fromYear || '',
    toYear: saved.toYear || '',
    outlet: saved.outlet || '',
    text: saved.text || '',
    picks: Array.isArray(saved.picks) ? saved.picks : [],
  };
  /**
   * What the extension sent: the whole dossier's summary, and the rows passing the filters so far.
   * @type {{ generation: number, summary: any, matched: number, mode: string, rows: any[], pageSize: number } | null}
   */
  let view = null;
  /** A page has been asked for and not yet received. */
  let loading = false;
  /** Where focus goes once the next page arrives (keyboard navigation past the last row). */
  let focusRowAfterLoad = -1;

  function save() {
    vscode.setState(state);
    vscode.postMessage({ type: 'state', state: { picks: state.picks } });
  }

  /** Sends the filters to the extension, which answers with the first page passing them. */
  function requestView() {
    vscode.postMessage({
      type: 'view',
      filters: {
        fromYear: state.fromYear ? Number(state.fromYear) : null,
        toYear: state.toYear ? Number(state.toYear) : null,
        outlet: state.outlet || null,
        text: state.text,
      },
    });
  }

  function requestMore() {
    if (!view || loading || view.rows.length >= view.matched) return;
    loading = true;
    vscode.postMessage({ type: 'more', generation: view.generation, offset: view.rows.length });
  }

  /** @param {string} label @param {string} title @param {() => void} onClick @param {string} [cls] */
  function button(label, title, onClick, cls) {
    const b = el('button', { type: 'button', class: cls || 'link', title, text: label });
    b.addEventListener('click', (event) => { event.stopPropagation(); onClick(); });
    return b;
  }

  /** The sentence with its highlights as <mark> elements (text nodes only). */
  function sentenceNodes(/** @type {{text: string, highlights: {start: number, end: number}[]}} */ sentence) {
    const parts = [];
    let at = 0;
    for (const h of sentence.highlights) {
      if (h.start < at || h.end > sentence.text.length) continue;
      parts.push(document.createTextNode(sentence.text.slice(at, h.start)));
      parts.push(el('mark', { text: sentence.text.slice(h.start, h.end) }));
      at = h.end;
    }
    parts.push(document.createTextNode(sentence.text.slice(at)));
    return parts;
  }

  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

  function displayDate(/** @type {string|null} */ date) {
    if (!date) return 'undated';
    const md = /^--(\d{2})-(\d{2})$/.exec(date);
    if (md) return `${MONTHS[Number(md[1]) - 1]} ${Number(md[2])} (year unknown)`;
    return date;
  }

  const plural = (/** @type {number} */ n, /** @type {string} */ word) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

  /** @type {HTMLElement|null} */
  let timeline = null;
  /** @type {HTMLElement|null} */
  let status = null;
  /** @type {HTMLElement|null} */
  let moreBox = null;
  /** The heading of the last group drawn and its list, so the next page continues it. */
  let lastGroup = { label: /** @type {string|null} */ (null), list: /** @type {HTMLElement|null} */ (null) };
  const observer = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((seen) => { if (seen.some((e) => e.isIntersecting)) requestMore(); }, { rootMargin: '400px' })
    : null;

  function render() {
    app.replaceChildren();
    if (!view) return;
    const { summary } = view;
    const header = el('header', {}, [
      el('h1', {}, [summary.flag ? `${summary.flag} ` : '', summary.name]),
      summary.variants.length ? el('p', { class: 'variants', text: `Also written: ${summary.variants.join(' · ')}` }) : null,
      el('p', { class: 'summary', text: `${plural(summary.articles, 'article')} · ${plural(summary.outlets.length, 'outlet')}` }),
    ]);

    // Filters (applied by the extension).
    const yearSelect = (/** @type {string} */ label, /** @type {'fromYear'|'toYear'} */ field) => {
      const select = /** @type {HTMLSelectElement} */ (el('select', { 'aria-label': label }));
      select.append(el('option', { value: '', text: label === 'From year' ? 'from any year' : 'to any year' }));
      for (const y of summary.years) select.append(el('option', { value: String(y), text: String(y) }));
      select.value = state[field];
      select.addEventListener('change', () => { state[field] = select.value; save(); requestView(); });
      return select;
    };
    const outletSelect = /** @type {HTMLSelectElement} */ (el('select', { 'aria-label': 'Outlet' }));
    outletSelect.append(el('option', { value: '', text: 'all outlets' }));
    for (const o of summary.outlets) outletSelect.append(el('option', { value: o.name, text: `${o.name} (${o.count})` }));
    outletSelect.value = state.outlet;
    outletSelect.addEventListener('change', () => { state.outlet = outletSelect.value; save(); requestView(); });
    const textInput = /** @type {HTMLInputElement} */ (el('input', { type: 'search', placeholder: 'Filter mentions', 'aria-label': 'Filter mentions', value: state.text }));
    /** @type {ReturnType<typeof setTimeout>|undefined} */
    let typing;
    textInput.addEventListener('input', () => {
      state.text = textInput.value;
      save();
      clearTimeout(typing);
      typing = setTimeout(requestView, 200);
    });
    const briefCount = el('span', { class: 'count' });
    const filters = el('div', { class: 'filters', role: 'search' }, [
      yearSelect('From year', 'fromYear'), yearSelect('To year', 'toYear'), outletSelect, textInput,
      button('Insert brief into note', 'Insert the ticked mentions (or every mention passing the filters) into the Markdown note, at the cursor', () => {
        vscode.postMessage({ type: 'insertBrief', picks: state.picks.length ? state.picks : null });
      }, 'primary'),
      button('Clear ticks', 'Untick every mention', () => {
        state.picks = [];
        save();
        for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('ul.sentences input'))) box.checked = false;
        updateCount();
      }, 'secondary'),
      briefCount,
    ]);

    status = el('p', { class: 'status', role: 'status' });
    timeline = el('section', { class: 'timeline', 'aria-label': 'Timeline' });
    timeline.addEventListener('keydown', onTimelineKey);
    const side = el('aside', { class: 'side' }, [
      coList('Persons named with them', summary.persons, summary.personsTotal),
      coList('Countries named with them', summary.countries, summary.countriesTotal),
      outletList(),
    ]);
    app.append(header, filters, el('div', { class: 'columns' }, [el('div', {}, [status, timeline]), side]));
    lastGroup = { label: null, list: null };
    if (!view.rows.length) timeline.append(el('p', { class: 'empty', text: 'No mention matches the filters.' }));
    appendRows(view.rows, 0);
    updateCount();
  }

  function updateCount() {
    const count = /** @type {HTMLElement|null} */ (document.querySelector('.filters .count'));
    if (count) count.textContent = state.picks.length ? `${state.picks.length} ticked` : '';
  }

  /** Draws rows (from `offset` in the filtered timeline) at the end of the timeline, then the "show more" row. */
  function appendRows(/** @type {any[]} */ rows, /** @type {number} */ offset) {
    if (!view || !timeline) return;
    const ticked = new Set(state.picks);
    moreBox?.remove();
    if (observer) observer.disconnect();
    rows.forEach((row, i) => {
      if (view && view.mode !== 'none' && row.group !== lastGroup.label) {
        lastGroup = { label: row.group, list: null };
        timeline?.append(el('h2', { text: row.group }));
      }
      if (!lastGroup.list) {
        lastGroup.list = el('ol', { class: 'entries', start: String(offset + i + 1) });
        timeline?.append(lastGroup.list);
      }
      lastGroup.list.append(entryItem(row, offset + i, ticked));
    });
    const shown = view.rows.length, matched = view.matched;
    if (status) {
      status.textContent = matched === view.summary.articles
        ? `Showing ${shown.toLocaleString('en-US')} of ${plural(matched, 'article')}`
        : `${plural(matched, 'article')} of ${view.summary.articles.toLocaleString('en-US')} pass the filters · showing ${shown.toLocaleString('en-US')}`;
    }
    if (shown < matched) {
      const next = Math.min(view.pageSize, matched - shown);
      moreBox = el('div', { class: 'more-rows' }, [
        button(`Show ${next.toLocaleString('en-US')} more (${shown.toLocaleString('en-US')} of ${matched.toLocaleString('en-US')} shown)`, 'Load the next rows of the timeline', () => requestMore(), 'secondary'),
      ]);
      timeline.append(moreBox);
      if (observer) observer.observe(moreBox);
    } else moreBox = null;
  }

  function entryItem(/** @type {any} */ entry, /** @type {number} */ index, /** @type {Set<string>} */ ticked) {
    const item = el('li', { class: 'entry', 'data-key': entry.key, 'data-row': String(index) });
    const meta = el('div', { class: 'meta' }, [
      el('span', { class: 'date', text: displayDate(entry.date) }),
      entry.outlet ? el('span', { class: 'outlet', text: entry.outlet }) : null,
      button(entry.title, `Open ${entry.file}`, () => vscode.postMessage({ type: 'openArticle', key: entry.key, sentence: null, toSide: false }), 'title'),
    ]);
    const keyRow = el('div', { class: 'key' }, [
      el('code', { text: `@${entry.key}` }),
      button('Copy', `Copy @${entry.key}`, () => vscode.postMessage({ type: 'copyKey', key: entry.key })),
      button('Cite', `Insert [@${entry.key}] into the note`, () => vscode.postMessage({ type: 'cite', key: entry.key })),
      button('New note', 'Create (or open) the literature note for this article', () => vscode.postMessage({ type: 'newNote', key: entry.key })),
    ]);
    const sentences = el('ul', { class: 'sentences' });
    entry.sentences.forEach((/** @type {any} */ sentence, /** @type {number} */ i) => {
      const id = `${entry.key}#${i}`;
      const box = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', 'aria-label': 'Tick for the brief' }));
      box.checked = ticked.has(id);
      box.addEventListener('change', () => {
        state.picks = box.checked ? [...new Set([...state.picks, id])] : state.picks.filter((p) => p !== id);
        save();
        updateCount();
      });
      const open = el('button', { type: 'button', class: 'sentence', title: 'Open the article at this sentence' }, sentenceNodes(sentence));
      open.addEventListener('click', () => vscode.postMessage({ type: 'openArticle', key: entry.key, sentence: sentence.text, toSide: false }));
      sentences.append(el('li', {}, [box, open]));
    });
    item.append(meta, sentences, keyRow);
    return item;
  }

  /** Focuses row `index`'s title (the first thing to act on in a row). */
  function focusRow(/** @type {number} */ index) {
    const title = /** @type {HTMLElement|null} */ (document.querySelector(`li.entry[data-row="${index}"] button.title`));
    if (title) {
      title.focus();
      title.scrollIntoView({ block: 'nearest' });
    }
    return !!title;
  }

  /** Arrow keys move between rows (Down past the last drawn row loads the next page), Home and End to the ends. */
  function onTimelineKey(/** @type {KeyboardEvent} */ event) {
    if (!view || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = /** @type {HTMLElement} */ (event.target);
    if (target instanceof HTMLInputElement && target.type !== 'checkbox') return;
    const row = target.closest && target.closest('li.entry');
    const current = row ? Number(row.getAttribute('data-row')) : -1;
    let next;
    if (event.key === 'ArrowDown') next = current + 1;
    else if (event.key === 'ArrowUp') next = Math.max(0, current - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = view.rows.length - 1;
    else return;
    event.preventDefault();
    if (!focusRow(next) && next >= view.rows.length && view.rows.length < view.matched) {
      focusRowAfterLoad = next;
      requestMore();
    }
  }

  function coList(/** @type {string} */ title, /** @type {any[]} */ items, /** @type {number} */ total) {
    const section = el('section', { 'aria-label': title }, [el('h2', { text: title })]);
    if (!items.length) {
      section.append(el('p', { class: 'empty', text: 'None.' }));
      return section;
    }
    const list = el('ol', { class: 'counts' });
    for (const item of items) {
      const subject = item.kind === 'person' ? { kind: 'person', id: item.id } : { kind: 'country', code: item.id };
      list.append(el('li', {}, [
        button(item.name, `Open the dossier of ${item.name}`, () => vscode.postMessage({ type: 'openDossier', subject })),
        el('span', { class: 'n', text: String(item.count) }),
      ]));
    }
    section.append(list);
    if (total > items.length) section.append(el('p', { class: 'more', text: `and ${(total - items.length).toLocaleString('en-US')} more` }));
    return section;
  }

  function outletList() {
    const section = el('section', { 'aria-label': 'Outlets' }, [el('h2', { text: 'Outlets' })]);
    const list = el('ol', { class: 'counts' });
    if (!view) return section;
    for (const outlet of view.summary.outlets) {
      list.append(el('li', {}, [
        button(outlet.name, `Show only ${outlet.name}`, () => { state.outlet = state.outlet === outlet.name ? '' : outlet.name; save(); requestView(); }),
        el('span', { class: 'n', text: String(outlet.count) }),
      ]));
    }
    if (view.summary.unknownOutlet) list.append(el('li', { class: 'unknown', text: `outlet unknown: ${view.summary.unknownOutlet}` }));
    section.append(list);
    return section;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'dossier') {
      // Focus and scroll survive a redraw after an index change (the extension sends as many rows as were shown).
      const focusedRow = document.activeElement?.closest?.('li.entry')?.getAttribute('data-row');
      const scroll = window.scrollY;
      view = { generation: message.generation, summary: message.summary, matched: message.matched, mode: message.mode, rows: message.rows, pageSize: message.pageSize };
      loading = false;
      state.subject = view.summary.subject;
      save();
      render();
      window.scrollTo(0, scroll);
      if (focusedRow != null) focusRow(Number(focusedRow));
    } else if (message.type === 'rows') {
      if (!view || message.generation !== view.generation || message.offset !== view.rows.length) return;
      loading = false;
      view.rows.push(...message.rows);
      view.matched = message.matched;
      appendRows(message.rows, message.offset);
      if (focusRowAfterLoad >= 0) {
        focusRow(focusRowAfterLoad);
        focusRowAfterLoad = -1;
      }
    } else if (message.type === 'missing') {
      view = null;
      app.replaceChildren(el('p', { class: 'empty', text: message.indexing ? 'Indexing the articles…' : 'No article names this person or country any more.' }));
    }
  });
  // The first message says which filters to apply (those saved with the panel's state).
  requestView();
})();
