// Small inline-SVG charts: no library, no download.
window.KizukiCharts = (() => {
  const ns = 'http://www.w3.org/2000/svg';
  const el = (name, attrs, text) => { const e = document.createElementNS(ns, name); for (const k in attrs) e.setAttribute(k, attrs[k]); if (text !== undefined) e.textContent = text; return e; };
  function frame(w, h) { return el('svg', { viewBox: `0 0 ${w} ${h}`, width: '100%', role: 'img' }); }
  // points: [{x: label, y: 0..1}], drawn as a line with dots.
  function line(points, opts = {}) {
    const w = 640, h = opts.height || 180, p = 30, svg = frame(w, h);
    const max = opts.max ?? Math.max(1e-9, ...points.map(q => q.y));
    const x = i => p + (points.length < 2 ? (w - 2 * p) / 2 : i * (w - 2 * p) / (points.length - 1));
    const y = v => h - p - (v / max) * (h - 2 * p);
    svg.appendChild(el('line', { x1: p, y1: h - p, x2: w - p, y2: h - p, stroke: '#e5e7eb' }));
    svg.appendChild(el('text', { x: 2, y: y(max) + 4 }, opts.format ? opts.format(max) : max));
    svg.appendChild(el('polyline', { points: points.map((q, i) => `${x(i)},${y(q.y)}`).join(' '), fill: 'none', stroke: '#1d4ed8', 'stroke-width': 2 }));
    points.forEach((q, i) => {
      const c = el('circle', { cx: x(i), cy: y(q.y), r: 3, fill: '#1d4ed8' }); c.appendChild(el('title', {}, `${q.x}: ${opts.format ? opts.format(q.y) : q.y}`)); svg.appendChild(c);
    });
    if (points.length) { svg.appendChild(el('text', { x: p, y: h - 8 }, points[0].x)); svg.appendChild(el('text', { x: w - p, y: h - 8, 'text-anchor': 'end' }, points[points.length - 1].x)); }
    return svg;
  }
  // bars: [{label, value}] horizontal bars.
  function bars(items, opts = {}) {
    const w = 640, row = 22, h = items.length * row + 10, svg = frame(w, h), max = Math.max(1e-9, ...items.map(i => i.value));
    items.forEach((it, i) => {
      svg.appendChild(el('text', { x: 0, y: i * row + 15 }, it.label));
      svg.appendChild(el('rect', { x: 200, y: i * row + 4, width: Math.max(1, (w - 280) * it.value / max), height: 14, fill: it.color || '#1d4ed8', rx: 2 }));
      svg.appendChild(el('text', { x: 205 + (w - 280) * it.value / max, y: i * row + 15 }, opts.format ? opts.format(it.value) : it.value));
    });
    return svg;
  }
  // calibration: [{predicted, observed}] against the diagonal.
  function calibration(bins) {
    const w = 260, h = 260, p = 24, svg = frame(w, h), s = v => p + v * (w - 2 * p), t = v => h - p - v * (h - 2 * p);
    svg.setAttribute('width', '260');
    svg.appendChild(el('line', { x1: s(0), y1: t(0), x2: s(1), y2: t(1), stroke: '#e5e7eb', 'stroke-dasharray': '4 3' }));
    svg.appendChild(el('polyline', { points: bins.map(b => `${s(b.predicted)},${t(b.observed)}`).join(' '), fill: 'none', stroke: '#c2410c', 'stroke-width': 2 }));
    bins.forEach(b => svg.appendChild(el('circle', { cx: s(b.predicted), cy: t(b.observed), r: 3, fill: '#c2410c' })));
    svg.appendChild(el('text', { x: p, y: h - 6 }, '0')); svg.appendChild(el('text', { x: w - p, y: h - 6, 'text-anchor': 'end' }, '1'));
    return svg;
  }
  // Heat colour for a rate relative to the largest.
  function heat(rate, max) { const a = max > 0 ? rate / max : 0; return `rgba(194,65,12,${(0.08 + 0.72 * a).toFixed(2)})`; }
  return { line, bars, calibration, heat };
})();
