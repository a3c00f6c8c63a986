// Actor network: actors as nodes, actor -> recipient relations as edges
// weighted by event count and coloured by their commonest quad class. The
// layout is a small deterministic force simulation (the same data always
// gives the same picture), run to rest before drawing.

import { s, h, replace } from "./dom.js";
import { quadColor } from "./quad.js";

const MAX_NODES = 40;

function key(n) {
  return (n.name || "?") + "\u0000" + (n.country || "");
}

function label(n) {
  if (n.name && n.country && n.name !== n.country) return `${n.name} (${n.country})`;
  return n.name || n.country || "?";
}

// layout places nodes with a velocity-Verlet simulation in the manner of
// d3-force (many-body repulsion, springy links, a pull to the centre),
// then scales the result to fill the box, leaving room for labels.
export function layout(nodes, edges, W, H) {
  const N = nodes.length;
  nodes.forEach((n, i) => {
    // phyllotaxis start, as d3-force does: deterministic and well spread
    const r = 10 * Math.sqrt(0.5 + i), a = i * Math.PI * (3 - Math.sqrt(5));
    n.x = r * Math.cos(a);
    n.y = r * Math.sin(a);
    n.vx = 0;
    n.vy = 0;
  });
  const links = edges.filter((e) => e.s !== e.t);
  const count = new Map();
  for (const e of links) {
    count.set(e.s, (count.get(e.s) || 0) + 1);
    count.set(e.t, (count.get(e.t) || 0) + 1);
  }
  let alpha = 1;
  const decay = 1 - Math.pow(0.001, 1 / 300);
  for (let it = 0; it < 300; it++) {
    for (const e of links) {
      const a = e.s, b = e.t;
      let dx = b.x + b.vx - a.x - a.vx, dy = b.y + b.vy - a.y - a.vy;
      const l = Math.sqrt(dx * dx + dy * dy) || 1e-6;
      const k = ((l - 110) / l) * alpha * (1 / Math.min(count.get(a), count.get(b)));
      dx *= k; dy *= k;
      const bias = count.get(a) / (count.get(a) + count.get(b));
      b.vx -= dx * bias; b.vy -= dy * bias;
      a.vx += dx * (1 - bias); a.vy += dy * (1 - bias);
    }
    for (let i = 0; i < N; i++) {
      for (let j = i + 1; j < N; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = b.x - a.x, dy = b.y - a.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 1) { dx = 0.5 + 0.1 * i; dy = 0.5; d2 = dx * dx + dy * dy; }
        const w = (-500 * alpha) / d2;
        a.vx += dx * w; a.vy += dy * w;
        b.vx -= dx * w; b.vy -= dy * w;
      }
    }
    for (const n of nodes) {
      n.vx -= n.x * 0.06 * alpha;
      n.vy -= n.y * 0.06 * alpha;
      n.vx *= 0.6; n.vy *= 0.6;
      n.x += n.vx; n.y += n.vy;
    }
    alpha -= alpha * decay;
  }
  // fit into the box; labels go to the right of a node, so keep room there
  const pad = { l: 24, r: 60, t: 22, b: 22 };
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const n of nodes) {
    x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x);
    y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
  }
  const sx = (W - pad.l - pad.r) / Math.max(1, x1 - x0), sy = (H - pad.t - pad.b) / Math.max(1, y1 - y0);
  // each axis is scaled on its own: a wide box gives labels more room
  const kx = Math.min(sx, 4), ky = Math.min(sy, 4);
  const ox = pad.l + (W - pad.l - pad.r - (x1 - x0) * kx) / 2, oy = pad.t + (H - pad.t - pad.b - (y1 - y0) * ky) / 2;
  for (const n of nodes) {
    n.x = ox + (n.x - x0) * kx;
    n.y = oy + (n.y - y0) * ky;
  }
}

export function renderNetwork(el, edgesIn, filters, onActor) {
  const W = Math.max(360, el.clientWidth || 600);
  const H = Math.round(W * 0.52);
  if (!edgesIn.length) {
    replace(el, h("p", { class: "empty" }, "No actor → recipient relations match these filters."));
    return;
  }
  const byKey = new Map();
  const node = (n) => {
    const kk = key(n);
    if (!byKey.has(kk)) byKey.set(kk, { name: n.name, country: n.country, deg: 0 });
    return byKey.get(kk);
  };
  const raw = edgesIn.map((e) => {
    const a = node(e.actor || {}), b = node(e.recipient || {});
    a.deg += e.weight || 1;
    b.deg += e.weight || 1;
    return { a, b, e };
  });
  const nodes = [...byKey.values()].sort((x, y) => y.deg - x.deg || label(x).localeCompare(label(y))).slice(0, MAX_NODES);
  const kept = new Set(nodes);
  const edges = raw.filter((r) => kept.has(r.a) && kept.has(r.b)).map((r) => ({
    s: r.a, t: r.b, w: r.e.weight || 1, quads: r.e.quads || {}, mean: r.e.mean_intensity,
  }));
  layout(nodes, edges, W, H);

  const maxW = Math.max(1, ...edges.map((e) => e.w));
  const maxDeg = Math.max(1, ...nodes.map((n) => n.deg));
  const radius = (n) => 5 + 11 * Math.sqrt(n.deg / maxDeg);
  const svg = s("svg", { class: "network", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Actor network" });
  const defs = s("defs");
  defs.append(s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
    s("path", { d: "M0,0L10,5L0,10z", class: "arrowhead" })));
  svg.append(defs);
  const ge = s("g", { class: "edges" });
  for (const e of edges) {
    let top = "", best = -1;
    for (const [q, c] of Object.entries(e.quads)) if (c > best) { best = c; top = q; }
    const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y;
    const d = Math.sqrt(dx * dx + dy * dy) || 1;
    const rt = radius(e.t) + 2;
    let line;
    if (e.s === e.t) {
      const r = radius(e.s);
      line = s("path", { d: `M${e.s.x},${e.s.y - r} c 20,-30 40,0 ${r},${r}`, class: "edge", fill: "none" });
    } else {
      line = s("line", { x1: e.s.x, y1: e.s.y, x2: e.t.x - (dx / d) * rt, y2: e.t.y - (dy / d) * rt, class: "edge", "marker-end": "url(#arrow)" });
    }
    line.setAttribute("stroke", quadColor(top));
    line.setAttribute("stroke-width", (1 + 4 * Math.sqrt(e.w / maxW)).toFixed(1));
    line.append(s("title", null, `${label(e.s)} → ${label(e.t)}: ${e.w} event${e.w === 1 ? "" : "s"}` +
      (typeof e.mean === "number" ? ` · mean intensity ${e.mean.toFixed(1)}` : "")));
    ge.append(line);
  }
  svg.append(ge);
  const gn = s("g", { class: "nodes" });
  for (const n of nodes) {
    const selected = filters.actor_name && n.name && filters.actor_name.toLowerCase() === n.name.toLowerCase();
    const g = s("g", {
      class: "node" + (selected ? " selected" : ""), transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`, tabindex: 0,
      dataset: { name: n.name || "", country: n.country || "" },
      onkeydown: (ev) => { if (ev.key === "Enter") onActor(selected ? "" : n.name || ""); },
      onclick: () => onActor(selected ? "" : n.name || ""),
    });
    g.append(s("circle", { r: radius(n).toFixed(1) }));
    // labels sit right of the node, or left of it near the right edge
    const left = n.x > W - 150;
    g.append(s("text", { x: left ? -radius(n) - 3 : radius(n) + 3, y: 4, "text-anchor": left ? "end" : "start" }, label(n)));
    g.append(s("title", null, `${label(n)}: ${n.deg} event${n.deg === 1 ? "" : "s"} · click to filter on this actor`));
    gn.append(g);
  }
  svg.append(gn);
  const hidden = byKey.size - nodes.length;
  replace(el, svg, h("div", { class: "legend" },
    h("span", null, `${nodes.length} actors, ${edges.length} relations`),
    hidden > 0 ? h("span", null, ` · ${hidden} smaller actors not drawn`) : null,
    h("span", { class: "hint" }, "click an actor to filter")));
}
