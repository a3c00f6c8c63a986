// Unit tests for the URL state's place filter; run by `node --test test/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { placeFilter, parseHash, formatHash, eventParams, docState } from "../src/state.js";

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
  assert.deepEqual(eventParams(st.filters), { type: "PROTEST", geonameid: "2988507", principal: "true", asserted: "true" });
});

test("principal and asserted are on unless the hash turns them off", () => {
  for (const [hash, want] of [
    ["#/", { principal: "true", asserted: "true" }],
    ["#/?principal=0", { asserted: "true" }],
    ["#/?type=ASSAULT&asserted=0", { type: "ASSAULT", principal: "true" }],
    ["#/?principal=0&asserted=0", {}],
  ]) {
    const st = parseHash(hash);
    assert.deepEqual(eventParams(st.filters), want, hash);
    assert.equal(formatHash(st), hash, hash + " round-trips");
  }
});

test("a document link names its event, and the dashboard forgets it", () => {
  const st = docState(parseHash("#/?type=SANCTION&tab=quotes"), "AFP/2025/1", "AFP/2025/1-e2");
  assert.equal(formatHash(st), "#/doc/AFP%2F2025%2F1?type=SANCTION&tab=quotes&event=AFP%2F2025%2F1-e2");
  const back = parseHash(formatHash(st));
  assert.equal(back.doc, "AFP/2025/1");
  assert.equal(back.ui.event, "AFP/2025/1-e2");
  assert.equal(parseHash("#/?event=x").ui.event, undefined, "the dashboard has no event to scroll to");
  assert.equal(formatHash(docState(st, "other")), "#/doc/other?type=SANCTION&tab=quotes");
});
