// Timeline: events per day, week, month or year (whichever suits the span
// shown; see bins.js) as stacked bars coloured by quad class. The server
// sends daily counts under the same filters as the table, from/to
// included, so a brushed range zooms the timeline in and its bins get
// finer. Drag across it to set from/to, snapped to whole bins; a click
// without a drag clears the range.

import { s, h, replace, fmtNum } from "./dom.js";
import { QUADS, quadKey } from "./quad.js";
import { binDays, binStart, binEnd, binLabel, tickLabel, domain, dayStr, UNITS } from "./bins.js";

// stack folds one bin's counts into quad classes in stacking order.
function stack(bin) {
  const by = {};
  for (const [k, v] of Object.entries(bin.counts || {})) {
    const q = quadKey(k);
    by[q] = (by[q] || 0) + v;
  }
  if (!Object.keys(bin.counts || {}).length) by.other = bin.total || 0;
  return by;
}

// timelineTitle is the panel heading for a bin unit.
export function timelineTitle(unit) {
  return "Events per " + ((UNITS.find((u) => u.key === unit) || UNITS[0]).label);
}

// renderTimeline draws daily points into el and returns the bin unit it
// chose ("" when there is nothing to draw). onRange(from, to) receives a
// brushed range of whole bins, or two empty strings for a click.
export function renderTimeline(el, points, filters, onRange) {
  const W = Math.max(480, el.clientWidth || 900);
  const H = 170;
  const m = { l: 40, r: 12, t: 10, b: 26 };
  const dom = domain(points, filters.from, filters.to);
  if (!dom) {
    replace(el, h("p", { class: "empty" }, "No dated events match these filters."),
      filters.from || filters.to ? h("button", { type: "button", class: "secondary", onclick: () => onRange("", "") }, "Clear dates") : null);
    return "";
  }
  const { lo, hi, unit } = dom;
  const bins = binDays(points, unit, lo, hi);
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const px = iw / (hi - lo); // pixels per day
  const x = (d) => m.l + (d - lo) * px;
  const max = Math.max(1, ...bins.map((b) => b.total));
  const y = (v) => (v / max) * ih;
  const shown = bins.reduce((n, b) => n + b.total, 0);

  const svg = s("svg", {
    class: "timeline", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": timelineTitle(unit), dataset: { unit, total: String(shown), from: dayStr(lo), to: dayStr(hi - 1) },
  });
  // y axis: zero, half and max
  for (const v of [0, Math.round(max / 2), max]) {
    const yy = m.t + ih - y(v);
    svg.append(s("line", { x1: m.l, x2: W - m.r, y1: yy, y2: yy, class: "grid" }));
    svg.append(s("text", { x: m.l - 6, y: yy + 4, class: "axis", "text-anchor": "end" }, fmtNum(v)));
  }
  const g = s("g", { class: "bars" });
  for (const b of bins) {
    const slot = (b.end - b.start) * px;
    const bw = Math.max(1, Math.min(48, slot - (slot > 4 ? 1 : 0)));
    const bx = x(b.start) + (slot - bw) / 2;
    const by = stack(b);
    const bar = s("g", { class: "bar", dataset: { start: dayStr(b.start), total: String(b.total) } });
    let acc = 0;
    for (const q of QUADS) {
      const v = by[q.key] || 0;
      if (!v) continue;
      const hgt = y(v);
      const rect = s("rect", { x: bx, y: m.t + ih - y(acc) - hgt, width: bw, height: Math.max(hgt, 0.5), fill: q.color });
      rect.append(s("title", null, `${binLabel(b.start, unit)}: ${v} ${q.name.toLowerCase()} (${b.total} in all)`));
      bar.append(rect);
      acc += v;
    }
    g.append(bar);
  }
  svg.append(g);
  // x axis: a tick on every k-th bin start, k chosen so that labels (about
  // 90px wide) do not collide
  const starts = [];
  for (let d = lo; d < hi; ) {
    starts.push(d);
    d = binEnd(d, unit);
  }
  const every = Math.max(1, Math.ceil(starts.length / Math.max(1, Math.floor(iw / 90))));
  for (let i = 0; i < starts.length; i += every) {
    const xx = x(starts[i]) + ((binEnd(starts[i], unit) - starts[i]) * px) / 2;
    svg.append(s("line", { x1: xx, x2: xx, y1: m.t + ih, y2: m.t + ih + 4, class: "tick" }));
    const anchor = xx < m.l + 35 ? "start" : xx > W - m.r - 35 ? "end" : "middle";
    svg.append(s("text", { x: anchor === "start" ? m.l : anchor === "end" ? W - m.r : xx, y: H - 8, class: "axis", "text-anchor": anchor },
      tickLabel(starts[i], unit)));
  }

  // brush: the selection snaps to the bins under the pointer
  const sel = s("rect", { class: "brush", y: m.t, height: ih, x: 0, width: 0, visibility: "hidden" });
  const dayAt = (pxv) => Math.max(lo, Math.min(hi - 1, Math.floor(lo + (pxv - m.l) / px)));
  const snapped = (a, b) => {
    const d0 = binStart(dayAt(Math.min(a, b)), unit);
    const d1 = binEnd(binStart(dayAt(Math.max(a, b)), unit), unit);
    return [d0, d1];
  };
  const showSel = (a, b) => {
    const [d0, d1] = snapped(a, b);
    sel.setAttribute("x", x(d0));
    sel.setAttribute("width", Math.max(1, (d1 - d0) * px));
    sel.setAttribute("visibility", "visible");
  };
  svg.append(sel);
  const overlay = s("rect", { class: "overlay", x: m.l, y: m.t, width: iw, height: ih });
  svg.append(overlay);
  const local = (ev) => {
    const r = svg.getBoundingClientRect();
    return Math.max(m.l, Math.min(W - m.r, ((ev.clientX - r.left) * W) / r.width));
  };
  let start = null;
  overlay.addEventListener("pointerdown", (ev) => {
    start = local(ev);
    overlay.setPointerCapture(ev.pointerId);
    showSel(start, start);
  });
  overlay.addEventListener("pointermove", (ev) => {
    if (start !== null) showSel(start, local(ev));
  });
  overlay.addEventListener("pointerup", (ev) => {
    if (start === null) return;
    const end = local(ev);
    const a = start;
    start = null;
    if (Math.abs(end - a) < 3) {
      onRange("", "");
      return;
    }
    const [d0, d1] = snapped(a, end);
    onRange(dayStr(d0), dayStr(d1 - 1));
  });

  const legend = h("div", { class: "legend" },
    QUADS.map((q) => h("span", { class: "key" }, h("i", { class: "swatch q-" + q.key }), q.name)),
    h("span", { class: "hint" }, `${dayStr(lo)} to ${dayStr(hi - 1)} by ${unit} · drag to zoom in · click to clear dates`));
  replace(el, svg, legend);
  return unit;
}
