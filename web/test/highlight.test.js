// Unit tests for the span tree behind every highlighted view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildTree } from "../src/highlight.js";

// check walks the tree: children lie inside their parent, siblings do not
// overlap, and each span's pieces exactly tile its clamped range.
function check(len, spans) {
  const root = buildTree(len, spans);
  const pieces = new Map();
  const walk = (node) => {
    let pos = node.start;
    for (const c of node.children) {
      assert.ok(c.start >= pos, "siblings overlap or run backwards");
      assert.ok(c.end <= node.end && c.start < c.end, "child escapes parent");
      const list = pieces.get(c.span.id) || [];
      list.push([c.start, c.end]);
      pieces.set(c.span.id, list);
      walk(c);
      pos = c.end;
    }
  };
  walk(root);
  for (const sp of spans) {
    const s = Math.max(0, Math.min(len, sp.start)), e = Math.max(0, Math.min(len, sp.end));
    const got = (pieces.get(sp.id) || []).sort((a, b) => a[0] - b[0]);
    if (e <= s) {
      assert.equal(got.length, 0);
      continue;
    }
    assert.ok(got.length > 0, `span ${sp.id} lost`);
    assert.equal(got[0][0], s);
    assert.equal(got[got.length - 1][1], e);
    for (let i = 1; i < got.length; i++) assert.equal(got[i][0], got[i - 1][1], "pieces leave a gap");
  }
  return root;
}

test("nested spans nest; crossing spans split", () => {
  const root = check(20, [
    { id: "quote", start: 0, end: 10, rank: 0 },
    { id: "ent", start: 2, end: 5, rank: 3 },
    { id: "cross", start: 8, end: 14, rank: 3 },
  ]);
  assert.equal(root.children.length, 2); // the quote and the tail of "cross"
  assert.equal(root.children[0].children.length, 2); // ent and the head of "cross"
  assert.equal(root.children[1].span.first, false);
});

test("same extent nests by rank", () => {
  const root = check(5, [{ id: "in", start: 0, end: 5, rank: 5 }, { id: "out", start: 0, end: 5, rank: 1 }]);
  assert.equal(root.children[0].span.id, "out");
  assert.equal(root.children[0].children[0].span.id, "in");
});

test("random spans always give a proper tree", () => {
  let seed = 42;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let round = 0; round < 300; round++) {
    const len = 1 + rand(60);
    const spans = [];
    for (let i = rand(12); i > 0; i--) {
      const a = rand(len + 10) - 5, b = a + rand(20) - 3;
      spans.push({ id: i, start: a, end: b, rank: rand(4) });
    }
    check(len, spans);
  }
});
