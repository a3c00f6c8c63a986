// Quotes view: who said what, newest documents last, filterable by
// speaker (and by the search box's words).

import { h, replace } from "./dom.js";
import { getJSON, rows, nextCursor } from "./api.js";
import { docLink } from "./links.js";
import { NON_STATEMENT } from "./spans.js";

const PAGE = 50;

export class QuoteList {
  constructor(el, app) {
    this.el = el;
    this.app = app;
    this.gen = 0;
  }

  async load(params) {
    const gen = ++this.gen;
    this.params = params;
    this.cursor = "";
    this.count = 0;
    this.list = h("ol", { class: "quotes" });
    this.more = h("button", { class: "more", type: "button", onclick: () => this.page(gen) }, "Load more");
    this.status = h("span", { class: "status" });
    replace(this.el, this.list, h("div", { class: "pager" }, this.status, this.more));
    await this.page(gen);
  }

  async page(gen) {
    if (gen !== this.gen) return;
    this.more.disabled = true;
    this.status.textContent = "Loading…";
    let body;
    try {
      body = await getJSON("/api/quotes", { ...this.params, cursor: this.cursor || undefined, limit: PAGE });
    } catch (err) {
      if (gen === this.gen) this.status.textContent = "Could not load quotes: " + err.message;
      return;
    }
    if (gen !== this.gen) return;
    const list = rows(body, "quotes");
    for (const q of list) this.list.append(this.item(q));
    this.count += list.length;
    this.cursor = nextCursor(body);
    this.more.hidden = !this.cursor;
    this.more.disabled = false;
    this.status.textContent = this.count === 0 ? "No quotes match." : `${this.count} quote${this.count === 1 ? "" : "s"}${this.cursor ? " shown" : ""}`;
  }

  item(q) {
    const sp = q.speaker;
    const who = sp ? sp.entity_name || sp.raw_text : "";
    const speaker = who
      ? h("button", { type: "button", class: "speaker linkish", title: "show only this speaker", onclick: () => this.app.store.setUI({ speaker: who }) },
        who, sp.country_code ? h("span", { class: "cc" }, " (" + sp.country_code + ")") : null)
      : h("span", { class: "speaker unknown" }, NON_STATEMENT[q.kind] || "unattributed");
    return h("li", { class: "quote-item kind-" + (q.kind || "direct") },
      h("blockquote", null, q.text),
      h("div", { class: "meta" }, speaker,
        q.cue ? h("span", { class: "cue-text" }, " · “" + q.cue.text + "”") : null,
        h("span", { class: "kind" }, " · " + (q.kind || "")),
        q.day ? h("span", null, " · " + q.day) : null,
        " · ", docLink(this.app, q.doc_id, q.title)));
  }
}
