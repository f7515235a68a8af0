// The network webview: draws the person–country map the extension aggregated (at most 150 nodes)
// as SVG, laid out by layout.js a few ticks per animation frame. Names go in as text nodes only.
// Click or Enter on a node opens its dossier; hovering or focusing a node dims what it is not
// linked to; the arrow keys move the focus to the nearest node in that direction.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  // @ts-ignore
  const { el } = window.DossierDom;
  // @ts-ignore
  const { simulation } = window.DossierLayout;
  const SVG = 'http://www.w3.org/2000/svg';
  const saved = vscode.getState() || {};
  let options = saved.options || { country: null, fromYear: null, toYear: null };
  let frame = 0;


  function svg(/** @type {string} */ tag, /** @type {Record<string, string|number>} */ attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    return node;
  }

  function sendFilter() {
    vscode.setState({ options });
    vscode.postMessage({ type: 'filter', country: options.country, fromYear: options.fromYear, toYear: options.toYear });
  }

  function render(/** @type {any} */ message) {
    cancelAnimationFrame(frame);
    const { network, countries } = message;
    options = message.options || options;
    app.replaceChildren();

    const countrySelect = /** @type {HTMLSelectElement} */ (el('select', { 'aria-label': 'Country' }));
    countrySelect.append(el('option', { value: '', text: 'all countries' }));
    for (const c of countries) countrySelect.append(el('option', { value: c.code, text: `${c.flag ? c.flag + ' ' : ''}${c.name} (${c.articles})` }));
    countrySelect.value = options.country || '';
    countrySelect.addEventListener('change', () => { options = { ...options, country: countrySelect.value || null }; sendFilter(); });
    const yearSelect = (/** @type {'fromYear'|'toYear'} */ field, /** @type {string} */ label) => {
      const select = /** @type {HTMLSelectElement} */ (el('select', { 'aria-label': label }));
      select.append(el('option', { value: '', text: field === 'fromYear' ? 'from any year' : 'to any year' }));
      if (network.years) for (let y = network.years.min; y <= network.years.max; y++) select.append(el('option', { value: String(y), text: String(y) }));
      select.value = options[field] == null ? '' : String(options[field]);
      select.addEventListener('change', () => { options = { ...options, [field]: select.value ? Number(select.value) : null }; sendFilter(); });
      return select;
    };
    const summary = `${network.nodes.length} of ${network.totalNodes} persons and countries · ${network.edges.length} links · ${network.articles} articles`;
    app.append(el('div', { class: 'filters', role: 'search' }, [
      countrySelect, yearSelect('fromYear', 'From year'), yearSelect('toYear', 'To year'),
      el('span', { class: 'legend' }, [
        el('span', {}, [el('span', { class: 'dot person' }), 'person']),
        el('span', {}, [el('span', { class: 'dot country' }), 'country']),
      ]),
      el('span', { class: 'count', text: summary }),
    ]));
    if (!network.nodes.length) {
      app.append(el('p', { class: 'empty', text: 'No article matches the filters.' }));
      return;
    }

    const width = Math.max(600, app.clientWidth || 900), height = Math.max(400, window.innerHeight - 120);
    const graph = svg('svg', { class: 'graph', viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': 'Co-mention network' });
    const linkLayer = svg('g', { class: 'links' }), nodeLayer = svg('g', { class: 'nodes' });
    graph.append(linkLayer, nodeLayer);
    app.append(el('div', { class: 'network' }, [graph]));

    const byId = new Map(network.nodes.map((/** @type {any} */ n, /** @type {number} */ i) => [n.id, i]));
    const neighbours = network.nodes.map(() => new Set());
    let maxWeight = 1;
    for (const e of network.edges) maxWeight = Math.max(maxWeight, e.weight);
    const lines = network.edges.map((/** @type {any} */ e) => {
      const s = byId.get(e.source), t = byId.get(e.target);
      neighbours[s].add(t);
      neighbours[t].add(s);
      const line = svg('line', { 'stroke-width': (0.5 + 3 * Math.sqrt(e.weight / maxWeight)).toFixed(2), 'stroke-opacity': (0.25 + 0.5 * e.weight / maxWeight).toFixed(2) });
      const title = svg('title', {});
      title.textContent = `${network.nodes[s].name} — ${network.nodes[t].name}: ${e.weight} article${e.weight === 1 ? '' : 's'}`;
      line.append(title);
      linkLayer.append(line);
      return { line, s, t };
    });
    const groups = network.nodes.map((/** @type {any} */ node, /** @type {number} */ i) => {
      const g = svg('g', { class: `node ${node.kind}`, tabindex: '0', role: 'button', 'data-id': node.id,
        'aria-label': `${node.name}, ${node.kind}, ${node.articles} article${node.articles === 1 ? '' : 's'}: open the dossier` });
      const circle = svg('circle', { r: 5 });
      const label = svg('text', { dx: 0, dy: 0, 'text-anchor': 'middle' });
      label.textContent = node.flag ? `${node.flag} ${node.name}` : node.name;
      const title = svg('title', {});
      title.textContent = `${node.name} · ${node.articles} article${node.articles === 1 ? '' : 's'}`;
      g.append(circle, label, title);
      const open = () => vscode.postMessage({ type: 'openDossier', subject: node.kind === 'person' ? { kind: 'person', id: node.ref } : { kind: 'country', code: node.ref } });
      g.addEventListener('click', open);
      g.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); open(); }
        else if (event.key.startsWith('Arrow')) { event.preventDefault(); moveFocus(i, event.key); }
      });
      g.addEventListener('mouseenter', () => highlight(i));
      g.addEventListener('mouseleave', () => highlight(-1));
      g.addEventListener('focus', () => highlight(i));
      g.addEventListener('blur', () => highlight(-1));
      nodeLayer.append(g);
      return { g, circle, label };
    });

    /** @type {{x: number, y: number, r: number}[]} */
    let positions = [];
    function draw() {
      for (const { line, s, t } of lines) {
        line.setAttribute('x1', positions[s].x.toFixed(1)); line.setAttribute('y1', positions[s].y.toFixed(1));
        line.setAttribute('x2', positions[t].x.toFixed(1)); line.setAttribute('y2', positions[t].y.toFixed(1));
      }
      groups.forEach(({ g, circle, label }, i) => {
        const p = positions[i];
        g.setAttribute('transform', `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`);
        circle.setAttribute('r', p.r.toFixed(1));
        label.setAttribute('dy', (p.r + 11).toFixed(1));
      });
    }

    function highlight(/** @type {number} */ i) {
      groups.forEach(({ g }, k) => g.classList.toggle('dim', i >= 0 && k !== i && !neighbours[i].has(k)));
      for (const { line, s, t } of lines) line.classList.toggle('dim', i >= 0 && s !== i && t !== i);
    }

    function moveFocus(/** @type {number} */ from, /** @type {string} */ key) {
      const [dx, dy] = key === 'ArrowLeft' ? [-1, 0] : key === 'ArrowRight' ? [1, 0] : key === 'ArrowUp' ? [0, -1] : [0, 1];
      const p = positions[from];
      let best = -1, bestScore = Infinity;
      positions.forEach((q, k) => {
        const vx = q.x - p.x, vy = q.y - p.y;
        const along = vx * dx + vy * dy;
        if (k === from || along <= 0) return;
        const score = along + 2 * Math.abs(vx * dy - vy * dx);
        if (score < bestScore) { bestScore = score; best = k; }
      });
      if (best >= 0) /** @type {any} */ (groups[best].g).focus();
    }

    const sim = simulation(network.nodes, network.edges, { width, height });
    // A few ticks per frame, within about 8 ms, so the page stays responsive while it settles.
    const loop = () => {
      const started = performance.now();
      let more = true;
      while (more && performance.now() - started < 8) more = sim.step(1);
      positions = sim.positions();
      draw();
      document.body.dataset.settled = more ? 'false' : 'true';
      if (more) frame = requestAnimationFrame(loop);
    };
    document.body.dataset.settled = 'false';
    loop();
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'network') render(message);
  });
  // After a reload the panel comes back with the filters it had.
  if (saved.options) sendFilter();
  else vscode.postMessage({ type: 'ready' });
})();
