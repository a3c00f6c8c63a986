// Timeline: events per day as stacked bars coloured by quad class. Drag
// across it to filter every other view to that range; a click without a
// drag clears the range.

import { s, h, replace, fmtNum } from "./dom.js";
import { QUADS, quadKey } from "./quad.js";

const DAY = 86400000;

export function dayNum(str) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(str || "");
  if (!m) return NaN;
  return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY);
}

export function dayStr(n) {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

// stack folds one point's counts into quad classes in stacking order.
function stack(point) {
  const by = {};
  for (const [k, v] of Object.entries(point.counts || {})) {
    const q = quadKey(k);
    by[q] = (by[q] || 0) + v;
  }
  if (!point.counts) by.other = point.total || 0;
  return by;
}

export function renderTimeline(el, points, filters, onRange) {
  const W = Math.max(480, el.clientWidth || 900);
  const H = 170;
  const m = { l: 40, r: 12, t: 10, b: 26 };
  const days = points.map((p) => dayNum(p.date)).filter((d) => !isNaN(d));
  if (!days.length) {
    replace(el, h("p", { class: "empty" }, "No dated events match these filters."));
    return;
  }
  let d0 = Math.min(...days), d1 = Math.max(...days);
  const f0 = dayNum(filters.from), f1 = dayNum(filters.to);
  if (!isNaN(f0)) d0 = Math.min(d0, f0);
  if (!isNaN(f1)) d1 = Math.max(d1, f1);
  d1 += 1; // the last day's bar needs width
  // show at least two weeks, so a few days do not become giant bars
  const MIN_DAYS = 14;
  if (d1 - d0 < MIN_DAYS) {
    const extra = MIN_DAYS - (d1 - d0);
    d0 -= Math.floor(extra / 2);
    d1 += Math.ceil(extra / 2);
  }
  const n = Math.max(1, d1 - d0);
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const slot = iw / n;
  const bw = Math.max(1, Math.min(48, slot - (slot > 4 ? 1 : 0)));
  // x is where a day's bar starts; bars are centred in their day's slot
  const x = (d) => m.l + (d - d0) * slot + (slot - bw) / 2;
  const max = Math.max(1, ...points.map((p) => p.total || 0));
  const y = (v) => (v / max) * ih;

  const svg = s("svg", { class: "timeline", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Events per day" });
  // y axis: zero, half and max
  for (const v of [0, Math.round(max / 2), max]) {
    const yy = m.t + ih - y(v);
    svg.append(s("line", { x1: m.l, x2: W - m.r, y1: yy, y2: yy, class: "grid" }));
    svg.append(s("text", { x: m.l - 6, y: yy + 4, class: "axis", "text-anchor": "end" }, fmtNum(v)));
  }
  const bars = s("g", { class: "bars" });
  for (const p of points) {
    const d = dayNum(p.date);
    if (isNaN(d)) continue;
    const by = stack(p);
    let acc = 0;
    for (const q of QUADS) {
      const v = by[q.key] || 0;
      if (!v) continue;
      const hgt = y(v);
      const rect = s("rect", { x: x(d), y: m.t + ih - y(acc) - hgt, width: bw, height: Math.max(hgt, 0.5), fill: q.color });
      rect.append(s("title", null, `${p.date}: ${v} ${q.name.toLowerCase()} (${p.total} in all)`));
      bars.append(rect);
      acc += v;
    }
  }
  svg.append(bars);
  // x axis ticks: about one per 100px
  // ticks every step days, step chosen so labels (~70px) do not collide
  const step = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(iw / 90))));
  for (let d = d0; d < d1; d += step) {
    const xx = x(d) + bw / 2;
    svg.append(s("line", { x1: xx, x2: xx, y1: m.t + ih, y2: m.t + ih + 4, class: "tick" }));
    const anchor = xx < m.l + 35 ? "start" : xx > W - m.r - 35 ? "end" : "middle";
    svg.append(s("text", { x: anchor === "start" ? m.l : anchor === "end" ? W - m.r : xx, y: H - 8, class: "axis", "text-anchor": anchor }, dayStr(d)));
  }

  // brush
  const sel = s("rect", { class: "brush", y: m.t, height: ih, x: 0, width: 0, visibility: "hidden" });
  const showSel = (a, b) => {
    const lo = Math.min(a, b), hi = Math.max(a, b);
    sel.setAttribute("x", lo);
    sel.setAttribute("width", Math.max(1, hi - lo));
    sel.setAttribute("visibility", "visible");
  };
  if (!isNaN(f0) || !isNaN(f1)) {
    const edge = (d) => m.l + (d - d0) * slot;
    showSel(edge(isNaN(f0) ? d0 : f0), edge((isNaN(f1) ? d1 - 1 : f1) + 1));
  }
  svg.append(sel);
  const overlay = s("rect", { class: "overlay", x: m.l, y: m.t, width: iw, height: ih });
  svg.append(overlay);
  const toDay = (px) => Math.max(d0, Math.min(d1 - 1, Math.floor(d0 + ((px - m.l) / iw) * n)));
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
    const da = toDay(Math.min(a, end)), db = toDay(Math.max(a, end));
    onRange(dayStr(da), dayStr(db));
  });

  const legend = h("div", { class: "legend" },
    QUADS.map((q) => h("span", { class: "key" }, h("i", { class: "swatch q-" + q.key }), q.name)),
    h("span", { class: "hint" }, "drag to select dates · click to clear"));
  replace(el, svg, legend);
}
