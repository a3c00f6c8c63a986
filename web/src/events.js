// Event table: one row per event, paged by cursor. A row expands to its
// evidence sentence with trigger, actors, recipients, place and date
// marked, plus how it was coded.

import { h, replace } from "./dom.js";
import { getJSON, rows, nextCursor } from "./api.js";
import { highlight } from "./highlight.js";
import { evidenceSpans, actorText } from "./spans.js";
import { quadKey, quadInfo } from "./quad.js";
import { docLink } from "./links.js";

const PAGE = 50;

export class EventTable {
  constructor(el, app) {
    this.el = el;
    this.app = app;
    this.gen = 0;
    this.docTimes = new Map(); // doc_id -> Promise<times[]>
  }

  async load(params) {
    const gen = ++this.gen;
    this.params = params;
    this.cursor = "";
    this.tbody = h("tbody");
    this.more = h("button", { class: "more", type: "button", onclick: () => this.page(gen) }, "Load more");
    this.status = h("span", { class: "status" });
    const table = h("table", { class: "events" },
      h("thead", null, h("tr", null, ["Date", "Event", "Actor", "Recipient", "Place", "Claimed by", "Document"].map((c) => h("th", null, c)))),
      this.tbody);
    replace(this.el, table, h("div", { class: "pager" }, this.status, this.more));
    this.count = 0;
    this.total = undefined;
    await this.page(gen);
  }

  async page(gen) {
    if (gen !== this.gen) return;
    this.more.disabled = true;
    this.status.textContent = "Loading…";
    let body;
    try {
      // The first page asks for the count of all matches, which the
      // later pages do not repeat.
      body = await getJSON("/api/events", { ...this.params, cursor: this.cursor || undefined, limit: PAGE, total: this.cursor ? undefined : 1 });
    } catch (err) {
      if (gen === this.gen) this.status.textContent = "Could not load events: " + err.message;
      return;
    }
    if (gen !== this.gen) return;
    const list = rows(body, "events");
    for (const ev of list) this.tbody.append(...this.row(ev));
    this.count += list.length;
    this.cursor = nextCursor(body);
    this.more.hidden = !this.cursor;
    this.more.disabled = false;
    if (typeof body.total === "number") {
      this.total = body.total;
      this.app.showTotals(body.total);
    }
    this.status.textContent = this.count === 0 ? "No events match these filters." : shownOf(this.count, this.total);
  }

  times(docID) {
    if (!this.docTimes.has(docID)) {
      this.docTimes.set(docID, getJSON("/api/documents/" + encodeURIComponent(docID))
        .then((d) => ((d.record || d).times || []))
        .catch(() => []));
    }
    return this.docTimes.get(docID);
  }

  row(ev) {
    const q = quadInfo(quadKey(ev.quad));
    const detail = h("tr", { class: "detail", hidden: true }, h("td", { colspan: 7 }));
    const tr = h("tr", {
      class: "event", tabindex: 0, dataset: { id: ev.id || "" },
      onclick: (e) => { if (!e.target.closest("a")) this.toggle(tr, detail, ev); },
      onkeydown: (e) => { if (e.key === "Enter") this.toggle(tr, detail, ev); },
    },
    h("td", { class: "date" }, ev.date || ev.day || "—"),
    h("td", null, h("span", { class: "etype q-" + q.key, title: q.name }, ev.event), ev.mode ? h("span", { class: "mode" }, " " + ev.mode) : null,
      ev.negated ? h("span", { class: "flag" }, " negated") : null,
      // with the toggles off, say why an event is not counted by default
      (ev.aux || []).map((a) => h("span", { class: "flag" }, " " + a)),
      ev.principal === false ? h("span", { class: "flag", title: "not the main event of its sentence" }, " subordinate") : null),
    h("td", null, (ev.actor || []).map(actorText).join("; ")),
    h("td", null, (ev.recipient || []).map(actorText).join("; ")),
    h("td", null, ev.location ? ev.location.name + (ev.location.country_code ? ", " + ev.location.country_code : "") : ""),
    h("td", null, ev.claimed_by ? actorText(ev.claimed_by) : ""),
    // The link opens the document scrolled to this event's trigger.
    h("td", { class: "doc" }, docLink(this.app, ev.doc_id, ev.title, ev.id)));
    return [tr, detail];
  }

  async toggle(tr, detail, ev) {
    if (!detail.hidden) {
      detail.hidden = true;
      tr.classList.remove("open");
      return;
    }
    tr.classList.add("open");
    detail.hidden = false;
    const td = detail.firstChild;
    const times = await this.times(ev.doc_id);
    const e = ev.evidence || {};
    const sentence = h("p", { class: "evidence" });
    sentence.append(highlight(e.text || "", evidenceSpans(ev, times)));
    const facts = h("dl", { class: "facts" },
      fact("Date", ev.date ? `${ev.date} (${ev.date_precision || "?"})` : "—"),
      fact("Event", `${ev.event}${ev.mode ? " / " + ev.mode : ""}${ev.context && ev.context.length ? " · " + ev.context.join(", ") : ""}`),
      fact("Quad", ev.quad || "—"),
      fact("Claimed by", ev.claimed_by ? actorText(ev.claimed_by) : "stated as fact"),
      fact("Location", ev.location ? `${ev.location.name} (${ev.location.source || ""})` : "—"),
      ev.aux && ev.aux.length ? fact("Aux", ev.aux.join(", ")) : null,
      fact("Rule", `${ev.rule || "—"} · confidence ${typeof ev.confidence === "number" ? ev.confidence.toFixed(2) : "?"}`));
    replace(td, sentence, facts, h("p", { class: "in-doc" }, docLink(this.app, ev.doc_id, "Show in the document →", ev.id)));
  }
}

// shownOf says how many of the matching events the table shows.
export function shownOf(shown, total) {
  const n = typeof total === "number" ? Math.max(total, shown) : shown;
  return `${shown.toLocaleString("en")} of ${n.toLocaleString("en")} event${n === 1 ? "" : "s"}`;
}

function fact(k, v) {
  return [h("dt", null, k), h("dd", null, v)];
}
