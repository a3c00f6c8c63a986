// Map: Natural Earth countries at 1:110m (npm world-atlas, bundled, so
// nothing loads from the internet) with a circle per event location sized
// by its event count. Clicking a circle filters on that place: by its
// GeoNames id, so that namesakes (Paris, France and Paris, Texas) stay
// apart, or by name for a place without one (an unresolved dateline).

import { feature, mesh } from "topojson-client";
import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import world from "world-atlas/countries-110m.json";
import { s, h, replace } from "./dom.js";

let countries = null;
let borders = null;

function basemap() {
  if (!countries) {
    countries = feature(world, world.objects.countries).features;
    borders = mesh(world, world.objects.countries, (a, b) => a !== b);
  }
  return { countries, borders };
}

export function renderMap(el, places, filters, onPlace) {
  const W = Math.max(360, el.clientWidth || 600);
  const H = Math.round(W * 0.52);
  const proj = geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], { type: "Sphere" });
  const path = geoPath(proj);
  const { countries, borders } = basemap();

  const svg = s("svg", { class: "map", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Map of event locations" });
  svg.append(s("path", { class: "sphere", d: path({ type: "Sphere" }) }));
  svg.append(s("path", { class: "graticule", d: path(geoGraticule10()) }));
  const land = s("g", { class: "countries" });
  for (const c of countries) {
    const d = path(c);
    if (!d) continue;
    const p = s("path", { class: "country", d });
    if (c.properties && c.properties.name) p.append(s("title", null, c.properties.name));
    land.append(p);
  }
  svg.append(land);
  svg.append(s("path", { class: "borders", d: path(borders) }));

  const pts = places.filter((p) => typeof p.lat === "number" && typeof p.lon === "number" && !(p.lat === 0 && p.lon === 0));
  const max = Math.max(1, ...pts.map((p) => p.count || 0));
  const g = s("g", { class: "places" });
  const labels = s("g", { class: "place-labels" });
  // big circles first so small ones stay clickable on top
  pts.sort((a, b) => b.count - a.count);
  const placed = [];
  pts.forEach((p) => {
    const xy = proj([p.lon, p.lat]);
    if (!xy) return;
    const r = 3 + 14 * Math.sqrt((p.count || 0) / max);
    const selected = p.geonameid
      ? filters.geonameid === String(p.geonameid)
      : !!filters.place && filters.place.toLowerCase() === String(p.name).toLowerCase();
    const c = s("circle", {
      class: "place" + (selected ? " selected" : ""), cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1),
      tabindex: 0, dataset: { place: p.name, geonameid: String(p.geonameid || "") },
      onclick: () => onPlace(selected ? null : p),
      onkeydown: (ev) => { if (ev.key === "Enter") onPlace(selected ? null : p); },
    });
    c.append(s("title", null, `${p.name}${p.country_code ? " (" + p.country_code + ")" : ""}: ${p.count} event${p.count === 1 ? "" : "s"}`));
    g.append(c);
    // label the biggest places, skipping any label that would overlap one
    // already placed (text width estimated from its length)
    const box = { x0: xy[0] + r + 2, y0: xy[1] - 7, x1: xy[0] + r + 4 + 6.5 * String(p.name).length, y1: xy[1] + 6 };
    if (placed.length < 12 && !placed.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) {
      placed.push(box);
      labels.append(s("text", { x: box.x0.toFixed(1), y: (xy[1] + 4).toFixed(1), class: "place-label" }, p.name));
    }
  });
  svg.append(g, labels);

  const unplaced = places.length - pts.length;
  const note = h("div", { class: "legend" },
    h("span", null, `${pts.length} located place${pts.length === 1 ? "" : "s"}`),
    unplaced > 0 ? h("span", null, ` · ${unplaced} without coordinates`) : null,
    h("span", { class: "hint" }, "click a circle to filter · basemap: Natural Earth"));
  replace(el, svg, note);
}
