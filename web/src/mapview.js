// mapview holds the map's pure parts, apart from the bundled basemap so
// that node tests can import them: the zoom arithmetic and the colour of
// a place.

import { QUADS } from "./quad.js";

// MAX_ZOOM is the deepest zoom: at 1:110m, 16 times is about where the
// coastlines get too coarse to be of use.
export const MAX_ZOOM = 16;

// placeKey identifies a place across the per-quad answers of /api/places.
export function placeKey(p) {
  return p.geonameid ? "g" + p.geonameid : `n${p.name}|${p.country_code || ""}|${p.lat}|${p.lon}`;
}

// dominantQuad is the quad class key with the most events among
// byQuad ({key: count}); ties go to the first in QUADS order, and a place
// with none of the four classes is "other".
export function dominantQuad(byQuad) {
  let best = "other", n = 0;
  for (const q of QUADS) {
    if ((byQuad[q.key] || 0) > n) {
      best = q.key;
      n = byQuad[q.key];
    }
  }
  return best;
}

// clampView keeps a zoom {k, x, y} (screen = k * map + (x, y)) within
// [1, MAX_ZOOM] and the map covering a W×H view.
export function clampView(v, W, H) {
  const k = Math.max(1, Math.min(MAX_ZOOM, v.k));
  return { k, x: Math.min(0, Math.max(W - W * k, v.x)), y: Math.min(0, Math.max(H - H * k, v.y)) };
}

// zoomAt scales view v by factor about the screen point (px, py), which
// stays where it is.
export function zoomAt(v, factor, px, py, W, H) {
  const k = Math.max(1, Math.min(MAX_ZOOM, v.k * factor));
  const f = k / v.k;
  return clampView({ k, x: px - (px - v.x) * f, y: py - (py - v.y) * f }, W, H);
}

