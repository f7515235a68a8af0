// A small force-directed layout for the network panel (about 100 lines instead of a graph
// library: see the README's "Drawing the network" for the measurements). Nodes repel each other
// (all pairs: at 150 nodes that is 11,000 pairs a tick, well under a millisecond), edges pull their
// ends together with a strength that grows with the edge's weight, and a weak pull to the centre
// keeps unlinked nodes in view. Deterministic: the same graph always gets the same picture.
// Loaded as a plain script in the webview (defines DossierLayout) and required by the bench.
(function (root) {
  /**
   * A simulation to advance a few ticks per animation frame (`step`), so the page never stalls.
   * @param {{ id: string, articles: number }[]} nodes
   * @param {{ source: string, target: string, weight: number }[]} edges
   * @param {{ width: number, height: number, ticks?: number }} size
   */
  function simulation(nodes, edges, size) {
    const n = nodes.length;
    const ticks = size.ticks ?? 300;
    const cx = size.width / 2, cy = size.height / 2;
    const x = new Float64Array(n), y = new Float64Array(n), vx = new Float64Array(n), vy = new Float64Array(n);
    const maxArticles = Math.max(1, ...nodes.map((d) => d.articles));
    const radius = nodes.map((d) => 4 + 14 * Math.sqrt(d.articles / maxArticles));
    // Sunflower seeding: spread, deterministic, the most-covered nodes in the middle.
    const spread = Math.min(size.width, size.height) * 0.45;
    for (let i = 0; i < n; i++) {
      const r = spread * Math.sqrt((i + 0.5) / Math.max(1, n));
      const a = i * 2.399963229728653;
      x[i] = cx + r * Math.cos(a);
      y[i] = cy + r * Math.sin(a);
    }
    const index = new Map(nodes.map((d, i) => [d.id, i]));
    const links = [];
    let maxWeight = 1;
    for (const e of edges) maxWeight = Math.max(maxWeight, e.weight);
    for (const e of edges) {
      const s = index.get(e.source), t = index.get(e.target);
      if (s !== undefined && t !== undefined && s !== t) links.push([s, t, 0.02 + 0.1 * Math.log1p(e.weight) / Math.log1p(maxWeight)]);
    }
    const ideal = Math.max(24, Math.sqrt((size.width * size.height) / Math.max(1, n)) * 0.9);
    const repulsion = ideal * ideal * 0.6;
    let alpha = 1;
    let done = 0;
    const decay = 1 - Math.pow(0.001, 1 / ticks);
    function tick() {
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let dx = x[i] - x[j], dy = y[i] - y[j];
          let d2 = dx * dx + dy * dy;
          if (d2 < 1e-6) { dx = 0.01 * (i - j); dy = 0.01; d2 = dx * dx + dy * dy; }
          const min = radius[i] + radius[j] + 4;
          const f = (repulsion / d2) * alpha * (d2 < min * min ? 3 : 1);
          const d = Math.sqrt(d2);
          const fx = (dx / d) * Math.min(f, ideal), fy = (dy / d) * Math.min(f, ideal);
          vx[i] += fx; vy[i] += fy; vx[j] -= fx; vy[j] -= fy;
        }
      }
      for (const [s, t, strength] of links) {
        const dx = x[t] - x[s], dy = y[t] - y[s];
        const d = Math.sqrt(dx * dx + dy * dy) || 1;
        const f = ((d - ideal) / d) * strength * alpha;
        vx[s] += dx * f; vy[s] += dy * f; vx[t] -= dx * f; vy[t] -= dy * f;
      }
      for (let i = 0; i < n; i++) {
        vx[i] += (cx - x[i]) * 0.01 * alpha;
        vy[i] += (cy - y[i]) * 0.01 * alpha;
        vx[i] *= 0.6; vy[i] *= 0.6;
        x[i] += vx[i]; y[i] += vy[i];
      }
      alpha -= alpha * decay;
      done++;
    }
    /** Advances up to `count` ticks; false once the layout has settled. */
    function step(count) {
      for (let k = 0; k < count && done < ticks; k++) tick();
      return done < ticks;
    }
    return { step, positions, get progress() { return done / ticks; } };

    function positions() {
    // Fit into the box, keeping the aspect ratio.
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, x[i] - radius[i]); maxX = Math.max(maxX, x[i] + radius[i]);
      minY = Math.min(minY, y[i] - radius[i]); maxY = Math.max(maxY, y[i] + radius[i]);
    }
    const pad = 40;
    const scale = Math.min(3, (size.width - 2 * pad) / Math.max(1, maxX - minX), (size.height - 2 * pad) / Math.max(1, maxY - minY));
    const ox = (size.width - scale * (maxX - minX)) / 2 - scale * minX, oy = (size.height - scale * (maxY - minY)) / 2 - scale * minY;
    return nodes.map((_, i) => ({ x: ox + scale * x[i], y: oy + scale * y[i], r: radius[i] }));
    }
  }

  /** The settled layout at once (tests and the bench). */
  function layout(nodes, edges, size) {
    const sim = simulation(nodes, edges, size);
    while (sim.step(50));
    return sim.positions();
  }
  root.DossierLayout = { simulation, layout };
  if (typeof module === 'object' && module.exports) module.exports = { simulation, layout };
})(typeof window === 'object' ? window : globalThis);
