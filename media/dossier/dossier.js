// The dossier webview: draws the data the extension posts (never fetches anything) and sends back
// what the user asks for. Every string from an article goes into the page through textContent or
// a text node — never innerHTML — so no article text is ever parsed as markup.
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
  /** @type {any} */
  let dossier = null;

  function save() {
    vscode.setState(state);
    vscode.postMessage({ type: 'state', state: { picks: state.picks } });
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

  function passes(/** @type {any} */ entry) {
    if (state.outlet && (entry.outlet || '') !== state.outlet) return false;
    if (state.fromYear && (entry.year === null || entry.year < Number(state.fromYear))) return false;
    if (state.toYear && (entry.year === null || entry.year > Number(state.toYear))) return false;
    if (state.text) {
      const needle = state.text.toLocaleLowerCase();
      const hay = [entry.title, entry.outlet || '', entry.key, ...entry.sentences.map((/** @type {any} */ s) => s.text)].join('\n').toLocaleLowerCase();
      if (!hay.includes(needle)) return false;
    }
    return true;
  }

  /** Long timelines get headings: by year, or by month when they span one year. */
  function groupLabel(/** @type {any} */ entry, /** @type {'year'|'month'|'none'} */ mode) {
    if (mode === 'none') return '';
    if (!entry.date) return 'Undated';
    if (entry.date.startsWith('--')) return 'Year unknown';
    if (mode === 'year') return entry.date.slice(0, 4);
    return entry.date.length >= 7 ? `${MONTHS[Number(entry.date.slice(5, 7)) - 1]} ${entry.date.slice(0, 4)}` : entry.date.slice(0, 4);
  }

  function visibleEntries() {
    return dossier ? dossier.entries.filter(passes) : [];
  }

  function visiblePicks() {
    const entries = visibleEntries();
    const shown = new Set();
    for (const e of entries) e.sentences.forEach((/** @type {any} */ _s, /** @type {number} */ i) => shown.add(`${e.key}#${i}`));
    const ticked = state.picks.filter((p) => shown.has(p));
    return ticked.length ? ticked : [...shown];
  }

  function render() {
    app.replaceChildren();
    if (!dossier) return;
    const entries = visibleEntries();
    const years = [...new Set(dossier.entries.map((/** @type {any} */ e) => e.year).filter((/** @type {any} */ y) => y !== null))].sort();
    const header = el('header', {}, [
      el('h1', {}, [dossier.flag ? `${dossier.flag} ` : '', dossier.name]),
      dossier.variants.length ? el('p', { class: 'variants', text: `Also written: ${dossier.variants.join(' · ')}` }) : null,
      el('p', { class: 'summary', text: `${dossier.entries.length} article${dossier.entries.length === 1 ? '' : 's'} · ${dossier.outlets.length} outlet${dossier.outlets.length === 1 ? '' : 's'}` }),
    ]);

    // Filters.
    const yearSelect = (/** @type {string} */ label, /** @type {'fromYear'|'toYear'} */ field) => {
      const select = /** @type {HTMLSelectElement} */ (el('select', { 'aria-label': label }));
      select.append(el('option', { value: '', text: label === 'From year' ? 'from any year' : 'to any year' }));
      for (const y of years) select.append(el('option', { value: String(y), text: String(y) }));
      select.value = state[field];
      select.addEventListener('change', () => { state[field] = select.value; save(); render(); });
      return select;
    };
    const outletSelect = /** @type {HTMLSelectElement} */ (el('select', { 'aria-label': 'Outlet' }));
    outletSelect.append(el('option', { value: '', text: 'all outlets' }));
    for (const o of dossier.outlets) outletSelect.append(el('option', { value: o.name, text: `${o.name} (${o.count})` }));
    outletSelect.value = state.outlet;
    outletSelect.addEventListener('change', () => { state.outlet = outletSelect.value; save(); render(); });
    const textInput = /** @type {HTMLInputElement} */ (el('input', { type: 'search', placeholder: 'Filter mentions', 'aria-label': 'Filter mentions', value: state.text }));
    textInput.addEventListener('input', () => {
      state.text = textInput.value;
      save();
      renderTimeline();
    });
    const briefCount = el('span', { class: 'count' });
    const filters = el('div', { class: 'filters', role: 'search' }, [
      yearSelect('From year', 'fromYear'), yearSelect('To year', 'toYear'), outletSelect, textInput,
      button('Insert brief into note', 'Insert the ticked mentions (or all shown) into the Markdown note, at the cursor', () => {
        vscode.postMessage({ type: 'insertBrief', picks: visiblePicks() });
      }, 'primary'),
      button('Clear ticks', 'Untick every mention', () => { state.picks = []; save(); renderTimeline(); }, 'secondary'),
      briefCount,
    ]);

    const timeline = el('section', { class: 'timeline', 'aria-label': 'Timeline' });
    const side = el('aside', { class: 'side' }, [
      coList('Persons named with them', dossier.persons),
      coList('Countries named with them', dossier.countries),
      outletList(),
    ]);
    app.append(header, filters, el('div', { class: 'columns' }, [timeline, side]));

    function renderTimeline() {
      const shown = visibleEntries();
      timeline.replaceChildren();
      const ticked = new Set(state.picks);
      briefCount.textContent = ticked.size ? `${ticked.size} ticked` : '';
      if (!shown.length) {
        timeline.append(el('p', { class: 'empty', text: 'No mention matches the filters.' }));
        return;
      }
      const spanYears = new Set(shown.map((/** @type {any} */ e) => e.year).filter((/** @type {any} */ y) => y !== null));
      const mode = shown.length <= 12 ? 'none' : spanYears.size <= 1 ? 'month' : 'year';
      let current = null;
      /** @type {HTMLElement} */
      let list = el('ol', { class: 'entries' });
      timeline.append(list);
      for (const entry of shown) {
        const label = groupLabel(entry, mode);
        if (mode !== 'none' && label !== current) {
          current = label;
          timeline.append(el('h2', { text: label }));
          list = el('ol', { class: 'entries' });
          timeline.append(list);
        }
        list.append(entryItem(entry, ticked));
      }
    }
    renderTimeline();
    void entries;
  }

  function entryItem(/** @type {any} */ entry, /** @type {Set<string>} */ ticked) {
    const item = el('li', { class: 'entry', 'data-key': entry.key });
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
    entry.sentences.forEach((/** @type {any} */ sentence, /** @type {number} */ index) => {
      const id = `${entry.key}#${index}`;
      const box = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', 'aria-label': 'Tick for the brief' }));
      box.checked = ticked.has(id);
      box.addEventListener('change', () => {
        state.picks = box.checked ? [...new Set([...state.picks, id])] : state.picks.filter((p) => p !== id);
        save();
        const count = /** @type {HTMLElement|null} */ (document.querySelector('.filters .count'));
        if (count) count.textContent = state.picks.length ? `${state.picks.length} ticked` : '';
      });
      const open = el('button', { type: 'button', class: 'sentence', title: 'Open the article at this sentence' }, sentenceNodes(sentence));
      open.addEventListener('click', () => vscode.postMessage({ type: 'openArticle', key: entry.key, sentence: sentence.text, toSide: false }));
      sentences.append(el('li', {}, [box, open]));
    });
    item.append(meta, sentences, keyRow);
    return item;
  }

  function coList(/** @type {string} */ title, /** @type {any[]} */ items) {
    const section = el('section', { 'aria-label': title }, [el('h2', { text: title })]);
    if (!items.length) {
      section.append(el('p', { class: 'empty', text: 'None.' }));
      return section;
    }
    const list = el('ol', { class: 'counts' });
    for (const item of items.slice(0, 30)) {
      const subject = item.kind === 'person' ? { kind: 'person', id: item.id } : { kind: 'country', code: item.id };
      list.append(el('li', {}, [
        button(item.name, `Open the dossier of ${item.name}`, () => vscode.postMessage({ type: 'openDossier', subject })),
        el('span', { class: 'n', text: String(item.count) }),
      ]));
    }
    section.append(list);
    if (items.length > 30) section.append(el('p', { class: 'more', text: `and ${items.length - 30} more` }));
    return section;
  }

  function outletList() {
    const section = el('section', { 'aria-label': 'Outlets' }, [el('h2', { text: 'Outlets' })]);
    const list = el('ol', { class: 'counts' });
    for (const outlet of dossier.outlets) {
      list.append(el('li', {}, [
        button(outlet.name, `Show only ${outlet.name}`, () => { state.outlet = state.outlet === outlet.name ? '' : outlet.name; save(); render(); }),
        el('span', { class: 'n', text: String(outlet.count) }),
      ]));
    }
    if (dossier.unknownOutlet) list.append(el('li', { class: 'unknown', text: `outlet unknown: ${dossier.unknownOutlet}` }));
    section.append(list);
    return section;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'dossier') {
      dossier = message.dossier;
      state.subject = dossier.subject;
      save();
      render();
    } else if (message.type === 'missing') {
      dossier = null;
      app.replaceChildren(el('p', { class: 'empty', text: message.indexing ? 'Indexing the articles…' : 'No article names this person or country any more.' }));
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
