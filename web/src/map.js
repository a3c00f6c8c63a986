// Map: Natural Earth countries at 1:110m (npm world-atlas, bundled, so
// nothing loads from the internet) with a circle per event location sized
// by its event count and coloured by the quad class most of its events
// fall in. Clicking a circle filters on that place: by its GeoNames id, so
// that namesakes (Paris, France and Paris, Texas) stay apart, or by name
// for a place without one (an unresolved dateline).
//
// The map zooms (wheel, +/- buttons) and pans (drag). Only the basemap is
// scaled; circles and labels are placed in screen coordinates at each
// change, so that they keep their size and labels are placed again where
// zooming made room.

import { feature, mesh } from "topojson-client";
import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import world from "world-atlas/countries-110m.json";
import { s, h, replace } from "./dom.js";
import { QUADS, quadInfo } from "./quad.js";
import { dominantQuad, clampView, zoomAt } from "./mapview.js";

// STEP is the zoom factor of one button press.
const STEP = 2;
// DRAG is how far (px) the pointer moves before a press becomes a pan
// instead of a click on a circle.
const DRAG = 4;

let countries = null;
let borders = null;

function basemap() {
  if (!countries) {
    countries = feature(world, world.objects.countries).features;
    borders = mesh(world, world.objects.countries, (a, b) => a !== b);
  }
  return { countries, borders };
}

// renderMap draws places into el. quadsOf(place) gives a place's event
// counts by quad class key. view is the caller's zoom state ({k, x, y}), kept across
// redraws so that a filter change does not reset the zoom; the map
// updates it in place.
export function renderMap(el, places, quadsOf, filters, view, onPlace) {
  const W = Math.max(360, el.clientWidth || 600);
  const H = Math.round(W * 0.52);
  const proj = geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], { type: "Sphere" });
  const path = geoPath(proj);
  const { countries, borders } = basemap();

  const svg = s("svg", { class: "map", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Map of event locations" });
  const base = s("g", { class: "basemap" });
  base.append(s("path", { class: "sphere", d: path({ type: "Sphere" }) }));
  base.append(s("path", { class: "graticule", d: path(geoGraticule10()) }));
  const land = s("g", { class: "countries" });
  for (const c of countries) {
    const d = path(c);
    if (!d) continue;
    const p = s("path", { class: "country", d });
    if (c.properties && c.properties.name) p.append(s("title", null, c.properties.name));
    land.append(p);
  }
  base.append(land);
  base.append(s("path", { class: "borders", d: path(borders) }));
  svg.append(base);

  const pts = places.filter((p) => typeof p.lat === "number" && typeof p.lon === "number" && !(p.lat === 0 && p.lon === 0));
  const max = Math.max(1, ...pts.map((p) => p.count || 0));
  const g = s("g", { class: "places" });
  const labels = s("g", { class: "place-labels" });
  // big circles first so small ones stay clickable on top
  pts.sort((a, b) => b.count - a.count);
  const marks = [];
  for (const p of pts) {
    const xy = proj([p.lon, p.lat]);
    if (!xy) continue;
    const r = 3 + 14 * Math.sqrt((p.count || 0) / max);
    const selected = p.geonameid
      ? filters.geonameid === String(p.geonameid)
      : !!filters.place && filters.place.toLowerCase() === String(p.name).toLowerCase();
    const quads = quadsOf(p);
    const quad = dominantQuad(quads);
    const c = s("circle", {
      class: `place q-${quad}` + (selected ? " selected" : ""), r: r.toFixed(1),
      tabindex: 0, dataset: { place: p.name, geonameid: String(p.geonameid || ""), quad },
      onclick: () => onPlace(selected ? null : p),
      onkeydown: (ev) => { if (ev.key === "Enter") onPlace(selected ? null : p); },
    });
    const split = QUADS.filter((q) => quads[q.key]).map((q) => `${quads[q.key]} ${q.name.toLowerCase()}`);
    c.append(s("title", null, `${p.name}${p.country_code ? " (" + p.country_code + ")" : ""}: ${p.count} event${p.count === 1 ? "" : "s"}` +
      (split.length ? ": " + split.join(", ") : "")));
    g.append(c);
    marks.push({ p, c, xy, r });
  }
  svg.append(g, labels);

  // place moves circles and labels to the zoom view; labels go to the
  // biggest places, skipping any that would overlap one already placed
  // (text width estimated from its length).
  const place = () => {
    base.setAttribute("transform", `translate(${view.x.toFixed(2)},${view.y.toFixed(2)}) scale(${view.k.toFixed(4)})`);
    svg.dataset.zoom = view.k.toFixed(3);
    labels.replaceChildren();
    const placed = [];
    for (const { p, c, xy, r } of marks) {
      const cx = view.k * xy[0] + view.x, cy = view.k * xy[1] + view.y;
      c.setAttribute("cx", cx.toFixed(1));
      c.setAttribute("cy", cy.toFixed(1));
      const inside = cx > -r && cx < W + r && cy > -r && cy < H + r;
      c.setAttribute("visibility", inside ? "visible" : "hidden");
      if (!inside || placed.length >= 12) continue;
      const box = { x0: cx + r + 2, y0: cy - 7, x1: cx + r + 4 + 6.5 * String(p.name).length, y1: cy + 6 };
      if (!placed.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) {
        placed.push(box);
        labels.append(s("text", { x: box.x0.toFixed(1), y: (cy + 4).toFixed(1), class: "place-label" }, p.name));
      }
    }
  };
  const set = (next) => {
    Object.assign(view, clampView(next, W, H));
    place();
  };
  set(view);

  // screen converts a pointer event to viewBox coordinates.
  const screen = (ev) => {
    const r = svg.getBoundingClientRect();
    return [((ev.clientX - r.left) * W) / r.width, ((ev.clientY - r.top) * H) / r.height];
  };
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault(); // zoom the map, not scroll the page
    const [px, py] = screen(ev);
    set(zoomAt(view, Math.exp(-ev.deltaY * 0.002), px, py, W, H));
  }, { passive: false });
  // A press becomes a pan once it has moved DRAG pixels; only then is the
  // pointer captured, so that a press and release on a circle still
  // clicks it.
  let drag = null;
  svg.addEventListener("pointerdown", (ev) => {
    if (ev.button !== 0) return;
    drag = { id: ev.pointerId, at: screen(ev), from: { ...view }, panning: false };
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag || ev.pointerId !== drag.id) return;
    const [px, py] = screen(ev);
    const dx = px - drag.at[0], dy = py - drag.at[1];
    if (!drag.panning) {
      if (Math.hypot(dx, dy) < DRAG) return;
      drag.panning = true;
      svg.setPointerCapture(ev.pointerId);
      svg.classList.add("panning");
    }
    set({ k: drag.from.k, x: drag.from.x + dx, y: drag.from.y + dy });
  });
  const end = () => {
    drag = null;
    svg.classList.remove("panning");
  };
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", end);

  const button = (label, title, cls, fn) => h("button", { type: "button", class: cls, title, "aria-label": title, onclick: fn }, label);
  const zoomBy = (f) => set(zoomAt(view, f, W / 2, H / 2, W, H));
  const controls = h("div", { class: "map-zoom" },
    button("+", "Zoom in", "zoom-in", () => zoomBy(STEP)),
    button("−", "Zoom out", "zoom-out", () => zoomBy(1 / STEP)),
    button("⟲", "Whole world", "zoom-reset", () => set({ k: 1, x: 0, y: 0 })));

  const unplaced = places.length - pts.length;
  const note = h("div", { class: "legend" },
    QUADS.map((q) => h("span", { class: "key" }, h("i", { class: "swatch q-" + q.key }), quadInfo(q.key).name)),
    h("span", null, `${pts.length} located place${pts.length === 1 ? "" : "s"}`),
    unplaced > 0 ? h("span", null, ` · ${unplaced} without coordinates`) : null,
    h("span", { class: "hint" }, "colour: most events' quad · wheel or +/− to zoom, drag to pan · click a circle to filter · basemap: Natural Earth"));
  replace(el, h("div", { class: "map-frame" }, svg, controls), note);
}
