// Entry point: wires the filter bar, the dashboard views and the document
// view to the state kept in the URL hash.

import { Store, eventParams, placeFilter } from "./state.js";
import { getJSON, rows } from "./api.js";
import { h, replace } from "./dom.js";
import { renderTimeline } from "./timeline.js";
import { renderMap } from "./map.js";
import { renderNetwork } from "./network.js";
import { EventTable } from "./events.js";
import { QuoteList } from "./quotes.js";
import { renderDoc } from "./docview.js";
import { QUADS, quadKey, quadInfo } from "./quad.js";

const $ = (id) => document.getElementById(id);

class App {
  constructor() {
    this.store = new Store();
    this.gen = 0;
    this.placeNames = new Map(); // GeoNames id -> "name (country)", for the place chip
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
    $("reset").addEventListener("click", () => this.store.go({ view: "dashboard", doc: "", filters: {}, ui: {} }));
    for (const btn of document.querySelectorAll("[data-tab]")) {
      btn.addEventListener("click", () => this.store.setUI({ tab: btn.dataset.tab === "events" ? "" : btn.dataset.tab }));
    }
    $("speaker").addEventListener("change", (e) => this.store.setUI({ speaker: e.target.value.trim() }));
    // The charts count incidents (each once, its reports folded) unless
    // the user asks for reports.
    $("count").addEventListener("change", (e) => this.store.setUI({ count: e.target.value }));
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
        renderDoc($("document"), st.doc, this);
        window.scrollTo(0, 0);
      }
      return;
    }
    this.shownDoc = "";
    const key = JSON.stringify([st.filters, st.ui]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.renderCharts(st);
    const qs = new URLSearchParams(eventParams(st.filters)).toString();
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
    if (tab === "events") this.table.load(eventParams(st.filters));
    else this.quotes.load({ speaker: st.ui.speaker, q: st.filters.q, country: st.filters.actor_country });
  }

  async renderCharts(st) {
    const gen = ++this.gen;
    const f = st.filters;
    const count = st.ui.count || undefined;
    const params = { ...eventParams(f), count };
    const set = (id, fn) => (data) => { if (gen === this.gen) fn($(id), data); };
    const fail = (id) => (err) => { if (gen === this.gen) replace($(id), h("p", { class: "error" }, err.message)); };
    getJSON("/api/stats/timeline", { ...eventParams(f, "from", "to"), by: "quad", count })
      .then((b) => rows(b, "days"))
      .then(set("timeline", (el, pts) => renderTimeline(el, pts, f, (from, to) => this.store.setFilters({ from, to }))))
      .catch(fail("timeline"));
    getJSON("/api/places", { ...params, limit: 1000 })
      .then((b) => rows(b, "places"))
      .then(set("map", (el, pl) => {
        for (const p of pl) {
          if (p.geonameid) this.placeNames.set(String(p.geonameid), p.country_code ? `${p.name} (${p.country_code})` : p.name);
        }
        renderMap(el, pl, f, (p) => this.store.setFilters(placeFilter(p)));
        if (f.geonameid) this.syncForm(f); // the chip can now name the place
      }))
      .catch(fail("map"));
    getJSON("/api/actors/network", { ...params, limit: 300 })
      .then((b) => rows(b, "edges"))
      .then(set("network", (el, edges) => renderNetwork(el, edges, f, (name) => this.store.setFilters({ actor_name: name }))))
      .catch(fail("network"));
    getJSON("/api/stats").then((st) => {
      if (gen === this.gen && st && typeof st.documents === "number") {
        $("totals").textContent = `${st.documents} documents · ${st.events} events in ${st.incidents} incidents · ${st.quotes} quotes`;
      }
    }).catch(() => {});
  }
}

document.addEventListener("DOMContentLoaded", () => {
  window.datelineApp = new App();
});
