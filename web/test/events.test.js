// Unit tests for the event table's status line; run by `node --test test/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { shownOf } from "../src/events.js";

test("the table says how many of the matching events it shows", () => {
  for (const [shown, total, want] of [
    [50, 1234, "50 of 1,234 events"],
    [12, 12, "12 of 12 events"],
    [1, 1, "1 of 1 event"],
    [7, undefined, "7 of 7 events"], // a server without totals
    [9, 3, "9 of 9 events"], // rows stored since the count: never "9 of 3"
  ]) {
    assert.equal(shownOf(shown, total), want);
  }
});
