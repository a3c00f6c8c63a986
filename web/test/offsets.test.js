// Unit tests for the byte-offset conversion; run by `node --test test/`
// (web_test.go runs them under go test when node is installed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { byteIndex, utf8Length } from "../src/offsets.js";

// slice by byte offsets, the way the Go side means them
function byBytes(text, start, end) {
  const at = byteIndex(text);
  return text.slice(at(start), at(end));
}

test("byteIndex maps byte offsets to UTF-16 indices", () => {
  const cases = [
    { text: "plain ascii", sub: "ascii" },
    { text: "São Paulo police", sub: "police" }, // 2-byte ã
    { text: "Brazil’s envoy met", sub: "envoy" }, // 3-byte ’
    { text: "flag 🇺🇦 then Kyiv", sub: "Kyiv" }, // 4-byte, surrogate pairs
    { text: "Brasília", sub: "Brasília" },
  ];
  for (const c of cases) {
    const bytes = Buffer.from(c.text, "utf8");
    const start = bytes.indexOf(Buffer.from(c.sub, "utf8"));
    const end = start + Buffer.byteLength(c.sub, "utf8");
    assert.equal(byBytes(c.text, start, end), c.sub, c.text);
  }
});

test("byteIndex clamps and snaps inside characters", () => {
  const at = byteIndex("é!");
  assert.equal(at(-5), 0);
  assert.equal(at(1), 0); // inside the 2-byte é
  assert.equal(at(2), 1);
  assert.equal(at(99), 2);
});

test("utf8Length agrees with Buffer.byteLength on random strings", () => {
  const alphabet = ["a", "Z", " ", "é", "ß", "’", "—", "中", "😀", "\u0000", "<", "\n"];
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let i = 0; i < 500; i++) {
    let s = "";
    const len = rand(20);
    for (let j = 0; j < len; j++) s += alphabet[rand(alphabet.length)];
    assert.equal(utf8Length(s), Buffer.byteLength(s, "utf8"), JSON.stringify(s));
    // every character boundary round-trips
    const at = byteIndex(s);
    let b = 0;
    for (const ch of s) {
      const idx = at(b);
      assert.equal(s.slice(idx, idx + ch.length), ch);
      b += Buffer.byteLength(ch, "utf8");
    }
    assert.equal(at(b), s.length);
  }
});
