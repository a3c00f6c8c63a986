// highlight turns a text and a set of possibly nested or crossing spans
// into DOM: <mark> elements nested the way the spans nest, in the manner of
// displaCy's entity view. A span that crosses the end of an enclosing one
// is split in two pieces so the result is always a proper tree; only the
// last piece carries the label. Text goes in as text nodes only.

import { h } from "./dom.js";

// Span fields: start, end (UTF-16 indices into text), cls (classes),
// label (shown after the span), title (tooltip), rank (lower ranks nest
// outside higher ones when two spans share a start and end), data (dataset).

function cmp(a, b) {
  return a.start - b.start || b.end - a.end || a.rank - b.rank;
}

function insertSorted(arr, from, item) {
  let lo = from, hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(arr[mid], item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  arr.splice(lo, 0, item);
}

export function buildTree(len, spans) {
  const queue = [];
  for (const sp of spans) {
    const start = Math.max(0, Math.min(len, sp.start));
    const end = Math.max(0, Math.min(len, sp.end));
    if (end <= start) continue;
    queue.push({ ...sp, start, end, rank: sp.rank || 0, fullEnd: end, first: true });
  }
  queue.sort(cmp);
  const root = { start: 0, end: len, children: [], span: null };
  const stack = [root];
  for (let i = 0; i < queue.length; i++) {
    let it = queue[i];
    while (stack.length > 1 && it.start >= stack[stack.length - 1].end) stack.pop();
    const top = stack[stack.length - 1];
    if (it.end > top.end) {
      insertSorted(queue, i + 1, { ...it, start: top.end, first: false });
      it = { ...it, end: top.end };
    }
    const node = { start: it.start, end: it.end, children: [], span: it };
    top.children.push(node);
    stack.push(node);
  }
  return root;
}

function renderInto(parent, node, text) {
  let pos = node.start;
  for (const child of node.children) {
    if (child.start > pos) parent.append(document.createTextNode(text.slice(pos, child.start)));
    parent.append(renderSpan(child, text));
    pos = child.end;
  }
  if (pos < node.end) parent.append(document.createTextNode(text.slice(pos, node.end)));
}

function renderSpan(node, text) {
  const sp = node.span;
  let cls = sp.cls || "";
  if (!sp.first) cls += " cont";
  const last = node.end === sp.fullEnd;
  if (!last) cls += " open";
  const el = h(sp.tag || "mark", { class: cls.trim(), title: sp.title || null, dataset: sp.data || null });
  renderInto(el, node, text);
  if (last && sp.label) el.append(h("span", { class: "label" }, sp.label));
  return el;
}

// highlight returns a DocumentFragment of text with spans marked.
export function highlight(text, spans) {
  const frag = document.createDocumentFragment();
  renderInto(frag, buildTree(text.length, spans), text);
  return frag;
}
