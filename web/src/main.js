// Entry point: wires the filter bar, the dashboard views and the document
// view to the state kept in the URL hash.

import { Store, eventParams, placeFilter, TOGGLES, toggleOn } from "./state.js";
import { getJSON, rows } from "./api.js";
import { h, replace } from "./dom.js";
import { renderTimeline, timelineTitle } from "./timeline.js";
import { renderMap } from "./map.js";
import { placeKey } from "./mapview.js";
import { renderNetwork } from "./network.js";
import { EventTable } from "./events.js";
import { QuoteList } from "./quotes.js";
import { renderDoc, focusEvent } from "./docview.js";
import { QUADS, quadKey, quadInfo } from "./quad.js";

const $ = (id) => document.getElementById(id);

class App {
  constructor() {
    this.store = new Store();
    this.gen = 0;
    this.placeNames = new Map(); // GeoNames id -> "name (country)", for the place chip
    this.mapView = { k: 1, x: 0, y: 0 }; // the map's zoom, kept across redraws
    this.table = new EventTable($("events"), this);
    this.quotes = new QuoteList($("quotes"), this);
    this.form = $("filters");
    this.bindFilters();
    this.store.subscribe((st) => this.render(st));
    this.loadOptions();
    this.render(this.store.state);
    let resize = 0;
    window.addEventListener("resize", () => {
      clearTimeout(resize);
      resize = setTimeout(() => { if (this.store.state.view === "dashboard") this.renderCharts(this.store.state); }, 200);
    });
  }

  bindFilters() {
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      const fd = new FormData(this.form);
      const changes = {};
      for (const k of ["q", "type", "quad", "actor_country", "recipient_country", "claimed", "from", "to"]) {
        const v = String(fd.get(k) || "").trim();
        changes[k] = k.endsWith("country") ? v.toUpperCase() : v;
      }
      this.store.setFilters(changes);
    });
    // selects apply at once; text fields on Enter or the Search button
    for (const el of this.form.querySelectorAll("select, input[type=date]")) {
      el.addEventListener("change", () => this.form.requestSubmit());
    }
    // a toggle that is on is the default, which the hash leaves out
    for (const k of TOGGLES) {
      this.form.elements[k].addEventListener("change", (e) => this.store.setFilters({ [k]: e.target.checked ? "" : "0" }));
    }
    $("reset").addEventListener("click", () => this.store.go({ view: "dashboard", doc: "", filters: {}, ui: {} }));
    for (const btn of document.querySelectorAll("[data-tab]")) {
      btn.addEventListener("click", () => this.store.setUI({ tab: btn.dataset.tab === "events" ? "" : btn.dataset.tab }));
    }
    $("speaker").addEventListener("change", (e) => this.store.setUI({ speaker: e.target.value.trim() }));
    // The charts count incidents (each once, its reports folded) unless
    // the user asks for reports.
    $("count").addEventListener("change", (e) => this.store.setUI({ count: e.target.value }));
    $("sort").addEventListener("change", (e) => this.store.setUI({ sort: e.target.value }));
  }

  // loadOptions fills the type select from the event types in the store.
  async loadOptions() {
    const sel = this.form.elements.type;
    try {
      const pts = rows(await getJSON("/api/stats/timeline", { by: "type" }), "days");
      const types = new Set();
      for (const p of pts) for (const k of Object.keys(p.counts || {})) types.add(k);
      const cur = this.store.state.filters.type || "";
      if (cur) types.add(cur);
      for (const t of [...types].sort()) sel.append(h("option", { value: t }, t));
      sel.value = cur;
    } catch (err) {
      console.warn("event types:", err);
    }
    // quad values are whatever the coder stored; label them by class
    const qsel = this.form.elements.quad;
    try {
      const pts = rows(await getJSON("/api/stats/timeline", { by: "quad" }), "days");
      const quads = new Set();
      for (const p of pts) for (const k of Object.keys(p.counts || {})) quads.add(k);
      const order = (k) => QUADS.findIndex((q) => q.key === quadKey(k));
      for (const k of [...quads].sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
        const name = quadInfo(quadKey(k)).name;
        qsel.append(h("option", { value: k }, quadKey(k) === "other" ? k || "(none)" : name));
      }
      qsel.value = this.store.state.filters.quad || "";
    } catch (err) {
      console.warn("quads:", err);
    }
  }

  syncForm(f) {
    for (const el of this.form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") {
        el.checked = toggleOn(f, el.name);
        continue;
      }
      if (el.tagName === "SELECT" && f[el.name] && ![...el.options].some((o) => o.value === f[el.name])) {
        el.append(h("option", { value: f[el.name] }, f[el.name]));
      }
      el.value = f[el.name] || "";
    }
    const chips = [];
    for (const [k, label] of [["place", "place"], ["geonameid", "place"], ["actor_name", "actor"], ["recipient_name", "recipient"]]) {
      if (!f[k]) continue;
      // A place filtered by id is shown by the name the map gave it.
      const value = k === "geonameid" ? (this.placeNames.get(f[k]) || "#" + f[k]) : f[k];
      chips.push(h("button", { type: "button", class: "chip", title: "remove this filter", onclick: () => this.store.setFilters({ [k]: "" }) },
        `${label}: ${value} ×`));
    }
    replace($("chips"), chips);
  }

  render(st) {
    this.syncForm(st.filters);
    const onDoc = st.view === "doc";
    $("dashboard").hidden = onDoc;
    $("document").hidden = !onDoc;
    if (onDoc) {
      if (this.shownDoc !== st.doc) {
        this.shownDoc = st.doc;
        this.shownEvent = st.ui.event || "";
        window.scrollTo(0, 0);
        renderDoc($("document"), st.doc, this, st.ui.event);
      } else if ((st.ui.event || "") !== this.shownEvent) {
        this.shownEvent = st.ui.event || "";
        if (this.shownEvent) focusEvent($("document"), this.shownEvent);
      }
      return;
    }
    this.shownDoc = "";
    const key = JSON.stringify([st.filters, st.ui]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    // The charts depend on the filters and on what they count (incidents
    // or reports) only: a new tab or sort keeps them.
    const chartKey = JSON.stringify([st.filters, st.ui.count || ""]);
    if (chartKey !== this.chartKey) {
      this.chartKey = chartKey;
      this.matching = undefined;
      this.renderCharts(st);
    }
    const sort = st.ui.sort ? { sort: st.ui.sort } : {};
    const qs = new URLSearchParams({ ...eventParams(st.filters), ...sort }).toString();
    for (const ext of ["jsonl", "csv", "geojson"]) {
      $("export-" + ext).href = `/api/export/events.${ext}` + (qs ? "?" + qs : "");
    }
    $("export-incidents").href = "/api/export/incidents.csv" + (qs ? "?" + qs : "");
    $("count").value = st.ui.count || "";
    const tab = st.ui.tab || "events";
    for (const btn of document.querySelectorAll("[data-tab]")) btn.classList.toggle("active", btn.dataset.tab === tab);
    $("events").hidden = tab !== "events";
    $("quotes-panel").hidden = tab !== "quotes";
    $("speaker").value = st.ui.speaker || "";
    $("sort").value = st.ui.sort || "";
    if (tab === "events") this.table.load({ ...eventParams(st.filters), ...sort });
    else {
      this.quotes.load({ speaker: st.ui.speaker, q: st.filters.q, country: st.filters.actor_country });
      // no table to count the matches: ask for the count alone
      const gen = this.gen;
      if (typeof this.matching !== "number") {
        getJSON("/api/events", { ...eventParams(st.filters), limit: 1, total: 1 })
          .then((b) => { if (gen === this.gen) this.showTotals(b.total); })
          .catch(() => {});
      }
    }
  }

  // placeQuads counts each place's events by quad class, for the map's
  // colours, and returns a function from a place to its counts: one
  // /api/places request per class under the same filters, since the
  // places endpoint counts events without a breakdown. A quad filter
  // leaves one class, which needs no request.
  async placeQuads(f, params) {
    if (f.quad) {
      const one = { [quadKey(f.quad)]: 1 };
      return () => one;
    }
    const answers = await Promise.all(QUADS.filter((q) => q.value).map((q) =>
      getJSON("/api/places", { ...params, quad: q.value, limit: 1000 }).then((b) => [q.key, rows(b, "places")])));
    const byPlace = new Map();
    for (const [q, pl] of answers) {
      for (const p of pl) {
        const k = placeKey(p);
        if (!byPlace.has(k)) byPlace.set(k, {});
        byPlace.get(k)[q] = p.count || 0;
      }
    }
    return (p) => byPlace.get(placeKey(p)) || {};
  }

  async renderCharts(st) {
    const gen = ++this.gen;
    const f = st.filters;
    const count = st.ui.count || undefined;
    const params = { ...eventParams(f), count };
    const set = (id, fn) => (data) => { if (gen === this.gen) fn($(id), data); };
    const fail = (id) => (err) => { if (gen === this.gen) replace($(id), h("p", { class: "error" }, err.message)); };
    // The timeline takes the table's filters, dates included: a brushed
    // range zooms it in, and its bins follow the span.
    getJSON("/api/stats/timeline", { ...params, by: "quad" })
      .then((b) => rows(b, "days"))
      .then(set("timeline", (el, pts) => {
        const unit = renderTimeline(el, pts, f, (from, to) => this.store.setFilters({ from, to }));
        $("timeline-title").textContent = timelineTitle(unit || "day");
      }))
      .catch(fail("timeline"));
    Promise.all([getJSON("/api/places", { ...params, limit: 1000 }).then((b) => rows(b, "places")), this.placeQuads(f, params)])
      .then(set("map", (el, [pl, quadsOf]) => {
        for (const p of pl) {
          if (p.geonameid) this.placeNames.set(String(p.geonameid), p.country_code ? `${p.name} (${p.country_code})` : p.name);
        }
        renderMap(el, pl, quadsOf, f, this.mapView, (p) => this.store.setFilters(placeFilter(p)));
        if (f.geonameid) this.syncForm(f); // the chip can now name the place
      }))
      .catch(fail("map"));
    getJSON("/api/actors/network", { ...params, limit: 300 })
      .then((b) => rows(b, "edges"))
      .then(set("network", (el, edges) => renderNetwork(el, edges, f, (name) => this.store.setFilters({ actor_name: name }))))
      .catch(fail("network"));
    this.stats = null;
    getJSON("/api/stats").then((s) => {
      if (gen === this.gen && s && typeof s.documents === "number") {
        this.stats = s;
        this.showTotals(this.matching);
      }
    }).catch(() => {});
  }

  // showTotals writes the header's totals: the events that match the
  // filters (n, from the table's count) of all stored and the incidents
  // they make, then the store's documents and quotes. Either part may
  // arrive first.
  showTotals(n) {
    if (typeof n === "number") this.matching = n;
    const st = this.stats;
    if (!st) return;
    const m = typeof this.matching === "number" ? `${this.matching.toLocaleString("en")} of ` : "";
    const inc = typeof st.incidents === "number" ? ` in ${st.incidents.toLocaleString("en")} incidents` : "";
    $("totals").textContent = `${m}${st.events.toLocaleString("en")} events${inc} · ${st.documents.toLocaleString("en")} documents · ${st.quotes.toLocaleString("en")} quotes`;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  window.datelineApp = new App();
});
