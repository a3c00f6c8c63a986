// state keeps the filters and the current view in the URL hash, so a view
// can be bookmarked, reloaded, and opened directly by tests:
//   #/?type=ASSAULT&from=2024-01-01   the dashboard with filters
//   #/doc/<doc_id>                    one document
// Listeners run on every change.

// FILTER_KEYS are the /api/events filters the app sets, in URL order.
export const FILTER_KEYS = [
  "q", "type", "quad", "actor_country", "recipient_country", "claimed",
  "from", "to", "place", "geonameid", "actor_name", "recipient_name",
  "principal", "asserted",
];

// TOGGLES are filters that are on unless the hash turns them off with
// "0": principal keeps each sentence's main event only, asserted leaves
// out negated and hypothetical (conditional, future...) events. Both are
// on by default, so that every view counts what the text states happened
// once per sentence, not every clause it mentions.
export const TOGGLES = ["principal", "asserted"];

// toggleOn reports whether toggle k is on in filters.
export function toggleOn(filters, k) {
  return filters[k] !== "0";
}

// UI_KEYS are view settings that are not API filters; event is the id of
// the event the document view scrolls to, sort the table's and exports'
// order (the aggregates take no sort), count whether the charts count
// incidents (the default) or reports.
const UI_KEYS = ["tab", "speaker", "event", "sort", "count"];

export function parseHash(hash) {
  const raw = (hash || "").replace(/^#/, "");
  const [path, query] = raw.split("?", 2);
  const params = new URLSearchParams(query || "");
  const st = { view: "dashboard", doc: "", filters: {}, ui: {} };
  const m = /^\/doc\/(.+)$/.exec(path || "");
  if (m) {
    st.view = "doc";
    st.doc = decodeURIComponent(m[1]);
  }
  for (const k of FILTER_KEYS) if (params.get(k)) st.filters[k] = params.get(k);
  for (const k of UI_KEYS) if (params.get(k)) st.ui[k] = params.get(k);
  if (st.view !== "doc") delete st.ui.event; // only the document view scrolls to one
  return st;
}

export function formatHash(st) {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (st.filters[k]) params.set(k, st.filters[k]);
  for (const k of UI_KEYS) if (st.ui[k]) params.set(k, st.ui[k]);
  const q = params.toString();
  const path = st.view === "doc" ? "/doc/" + encodeURIComponent(st.doc) : "/";
  return "#" + path + (q ? "?" + q : "");
}

export class Store {
  constructor() {
    this.listeners = [];
    this.state = parseHash(window.location.hash);
    window.addEventListener("hashchange", () => {
      this.state = parseHash(window.location.hash);
      this.emit();
    });
  }

  subscribe(fn) {
    this.listeners.push(fn);
  }

  emit() {
    for (const fn of this.listeners) fn(this.state);
  }

  // go replaces the state and records it in the hash; hashchange emits.
  go(next) {
    const hash = formatHash(next);
    if (hash === window.location.hash || (hash === "#/" && !window.location.hash)) {
      this.state = next;
      this.emit();
      return;
    }
    window.location.hash = hash;
  }

  // setFilters merges changes into the filters (empty values remove a
  // filter) and returns to the dashboard.
  setFilters(changes) {
    const filters = { ...this.state.filters };
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === "") delete filters[k];
      else filters[k] = String(v);
    }
    this.go({ ...this.state, view: "dashboard", doc: "", filters, ui: withoutEvent(this.state.ui) });
  }

  setUI(changes) {
    const ui = { ...this.state.ui };
    for (const [k, v] of Object.entries(changes)) {
      if (!v) delete ui[k];
      else ui[k] = String(v);
    }
    this.go({ ...this.state, ui });
  }

  // openDoc shows document id, scrolled to event eventID when given.
  openDoc(id, eventID) {
    this.go(docState(this.state, id, eventID));
  }

  dashboard() {
    this.go({ ...this.state, view: "dashboard", doc: "", ui: withoutEvent(this.state.ui) });
  }
}

// docState is state st showing document id at event eventID (if any).
export function docState(st, id, eventID) {
  const ui = withoutEvent(st.ui);
  if (eventID) ui.event = eventID;
  return { ...st, view: "doc", doc: id || "", ui };
}

function withoutEvent(ui) {
  const { event, ...rest } = ui || {};
  return rest;
}

// eventParams turns filters into /api/events query parameters, leaving
// out the keys in omit; a toggle that is on becomes "true".
export function eventParams(filters, ...omit) {
  const p = {};
  for (const k of FILTER_KEYS) {
    if (omit.includes(k)) continue;
    if (TOGGLES.includes(k)) {
      if (toggleOn(filters, k)) p[k] = "true"; // off: both kinds of event
    } else if (filters[k]) p[k] = filters[k];
  }
  return p;
}

// placeFilter is the filter a click on a map place sets: its GeoNames id
// when it has one, so that namesakes stay apart, else its name; null
// clears both.
export function placeFilter(p) {
  if (!p) return { place: "", geonameid: "" };
  if (p.geonameid) return { geonameid: String(p.geonameid), place: "" };
  return { place: p.name, geonameid: "" };
}
