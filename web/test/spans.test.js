// Unit tests for the quote spans of the document view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { docSpans, NON_STATEMENT } from "../src/spans.js";

test("quotes that are no statement are labelled by kind, not as unattributed", () => {
  const text = 'The series "Night Shift," a "reset" and "We stay," she said.';
  const rec = {
    quotes: [
      { kind: "title", start: 12, end: 24, rule: "title_noun cues/titles.tsv:34" },
      { kind: "scare", start: 29, end: 34, rule: "scare_quote" },
      { kind: "direct", start: 41, end: 49, rule: "no_cue" },
    ],
  };
  const labels = docSpans(text, rec).filter((s) => s.cls.startsWith("quote")).map((s) => [s.cls, s.label]);
  assert.deepEqual(labels, [
    ["quote quote-title", "title"],
    ["quote quote-scare", "scare quote"],
    ["quote quote-direct", "unattributed"],
  ]);
});

test("an entity's mark carries its cluster, its own id when it has none", () => {
  const text = "Ana Ruiz spoke. She left.";
  const rec = {
    entities: [
      { id: 0, type: "PERSON", start: 0, end: 8, cluster: 0 },
      { id: 1, type: "PERSON", start: 16, end: 19, refers_to: 0, cluster: 0 },
      { id: 2, type: "ORG", start: 20, end: 24 },
    ],
  };
  const data = docSpans(text, rec).filter((s) => s.cls.startsWith("ent")).map((s) => s.data);
  assert.deepEqual(data, [
    { entity: "0", cluster: "0" },
    { entity: "1", cluster: "0" },
    { entity: "2", cluster: "2" },
  ]);
});

test("only scare quotes and titles are no statements", () => {
  assert.deepEqual(Object.keys(NON_STATEMENT).sort(), ["scare", "title"]);
  assert.equal(NON_STATEMENT.direct, undefined);
  assert.equal(NON_STATEMENT.indirect, undefined);
});
