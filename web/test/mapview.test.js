// Unit tests for the map's zoom arithmetic and colours; run by `node --test test/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { dominantQuad, clampView, zoomAt, placeKey, MAX_ZOOM } from "../src/mapview.js";

test("a place takes the colour of the quad class most of its events fall in", () => {
  for (const [name, counts, want] of [
    ["one class", { vconf: 3 }, "vconf"],
    ["the most", { vcoop: 1, mconf: 4, vconf: 2 }, "mconf"],
    ["a tie goes to the first class", { mcoop: 2, vcoop: 2 }, "vcoop"],
    ["none of the four", {}, "other"],
  ]) {
    assert.equal(dominantQuad(counts), want, name);
  }
});

test("namesakes without a GeoNames id stay apart", () => {
  const a = { name: "Springfield", country_code: "USA", lat: 39.8, lon: -89.6, geonameid: 0 };
  const b = { ...a, lat: 37.2, lon: -93.3 };
  assert.notEqual(placeKey(a), placeKey(b));
  assert.equal(placeKey({ geonameid: 42, name: "x" }), placeKey({ geonameid: 42, name: "y" }));
});

test("zooming keeps the point under the pointer still and the map in view", () => {
  const W = 600, H = 300;
  const v = zoomAt({ k: 1, x: 0, y: 0 }, 2, 150, 100, W, H);
  assert.equal(v.k, 2);
  // the map point under (150, 100) was (150, 100); it stays there
  assert.deepEqual([v.k * 150 + v.x, v.k * 100 + v.y], [150, 100]);
  // zooming out past the whole world stops at it
  assert.deepEqual(zoomAt(v, 0.1, 0, 0, W, H), { k: 1, x: 0, y: 0 });
  assert.equal(zoomAt(v, 1000, 0, 0, W, H).k, MAX_ZOOM);
  // a pan cannot drag the map off the view
  assert.deepEqual(clampView({ k: 2, x: 100, y: -900 }, W, H), { k: 2, x: 0, y: -300 });
});
