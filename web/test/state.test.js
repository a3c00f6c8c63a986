// Unit tests for the URL state's place filter; run by `node --test test/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { placeFilter, parseHash, formatHash, eventParams } from "../src/state.js";

test("a map place with a GeoNames id filters by id, not by name", () => {
  for (const [name, place, want] of [
    ["with an id", { name: "Paris", country_code: "USA", geonameid: 4717560 }, { geonameid: "4717560", place: "" }],
    ["without an id", { name: "Springfield", country_code: "USA", geonameid: 0 }, { place: "Springfield", geonameid: "" }],
    ["cleared", null, { place: "", geonameid: "" }],
  ]) {
    assert.deepEqual(placeFilter(place), want, name);
  }
});

test("geonameid round-trips through the hash and reaches the API", () => {
  const st = parseHash("#/?geonameid=2988507&type=PROTEST");
  assert.equal(st.filters.geonameid, "2988507");
  assert.equal(formatHash(st), "#/?type=PROTEST&geonameid=2988507");
  assert.deepEqual(eventParams(st.filters), { type: "PROTEST", geonameid: "2988507" });
});
