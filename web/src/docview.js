// Document view: the article with every annotation layer marked, a legend
// that toggles layers, and the document's events and quotes beside it.
// The article is built from text nodes and <mark> elements only, so any
// markup in the article shows as text.

import { h, replace } from "./dom.js";
import { getJSON } from "./api.js";
import { highlight } from "./highlight.js";
import { docSpans, LAYERS, actorText, NON_STATEMENT } from "./spans.js";
import { quadKey } from "./quad.js";

// renderDoc shows document id in el, scrolled to the trigger of event
// eventID when given.
export async function renderDoc(el, id, app, eventID) {
  replace(el, h("p", { class: "status" }, "Loading document…"));
  let body;
  try {
    body = await getJSON("/api/documents/" + encodeURIComponent(id));
  } catch (err) {
    replace(el, h("p", { class: "error" }, "Could not load document: " + err.message),
      h("button", { type: "button", onclick: () => app.store.dashboard() }, "Back"));
    return;
  }
  const rec = body.record || body;
  const text = typeof body.text === "string" ? body.text : rec.text || "";

  const article = h("div", { class: "article", id: "article" });
  article.append(highlight(text, docSpans(text, rec)));
  // Pointing at a mention lights up every mention of the same actor
  // (its coreference cluster: names, surnames, pronouns, roles).
  const lightCluster = (cluster) => {
    for (const m of article.querySelectorAll("mark.cluster-on")) m.classList.remove("cluster-on");
    if (cluster === undefined) return;
    for (const m of article.querySelectorAll(`mark[data-cluster="${CSS.escape(cluster)}"]`)) m.classList.add("cluster-on");
  };
  article.addEventListener("mouseover", (e) => {
    const m = e.target.closest && e.target.closest("mark[data-cluster]");
    lightCluster(m ? m.dataset.cluster : undefined);
  });
  article.addEventListener("mouseleave", () => lightCluster(undefined));

  const legend = h("div", { class: "doc-legend" }, LAYERS.map((l) => {
    const box = h("input", {
      type: "checkbox", checked: true, dataset: { layer: l.key },
      onchange: () => article.classList.toggle("hide-" + l.key, !box.checked),
    });
    return h("label", { class: "layer-key" }, box, h("span", { class: "sample " + l.key }, l.name));
  }));

  const src = rec.source || {};
  const meta = h("div", { class: "doc-meta" },
    rec.published ? h("span", null, "published " + rec.published) : null,
    rec.dateline ? h("span", null, ` · dateline ${rec.dateline.place || ""}${rec.dateline.country_code ? " (" + rec.dateline.country_code + ")" : ""}`) : null,
    src.name ? h("span", null, " · " + src.name) : null,
    src.url ? h("span", null, " · ", /^https?:\/\//i.test(src.url)
      ? h("a", { href: src.url, rel: "noopener noreferrer", target: "_blank" }, src.url)
      : src.url) : null,
    src.path ? h("span", { class: "path" }, ` · ${src.path}${src.line ? ":" + src.line : ""}`) : null,
    h("span", { class: "docid" }, " · " + (rec.doc_id || id)));

  const events = h("ol", { class: "doc-events" }, (rec.events || []).map((ev) => h("li", {
    class: "doc-event", tabindex: 0, dataset: { event: ev.id || "" },
    onclick: () => flash(article, ev.id),
    onkeydown: (e) => { if (e.key === "Enter") flash(article, ev.id); },
  },
  h("span", { class: "etype q-" + quadKey(ev.quad) }, ev.event), ev.mode ? " " + ev.mode : "",
  h("div", { class: "who" }, (ev.actor || []).map(actorText).join("; ") || "?", " → ", (ev.recipient || []).map(actorText).join("; ") || "?"),
  h("div", { class: "when" }, [ev.date, ev.location && ev.location.name].filter(Boolean).join(" · "),
    ev.claimed_by ? h("span", { class: "claimed" }, " · claimed by " + actorText(ev.claimed_by)) : null))));

  const quotes = h("ol", { class: "doc-quotes" }, (rec.quotes || []).filter((q) => !NON_STATEMENT[q.kind]).map((q) => h("li", null,
    h("strong", null, q.speaker ? q.speaker.entity_name || q.speaker.raw_text : "unattributed"), ": ",
    h("span", { class: "qtext" }, /^["“‘']/.test(q.text) ? q.text : "“" + q.text + "”"),
    // The events the speaker asserts: each link shows its trigger.
    (q.events || []).length ? h("div", { class: "asserts" }, "asserts ", q.events.map((id, i) => {
      const ev = (rec.events || []).find((x) => x.id === id);
      return [i ? ", " : "", h("button", { type: "button", class: "linkish", onclick: () => flash(article, id) }, ev ? ev.event : id)];
    })) : null)));

  // Other documents whose events are reports of this one's incidents
  // (issue #18): each opens in this view.
  const also = Array.isArray(body.also_reported_by) ? body.also_reported_by : [];
  const alsoList = h("ul", { class: "also-reported" }, also.map((d) => h("li", null,
    h("button", { type: "button", class: "linkish", dataset: { doc: d.doc_id }, onclick: () => app.store.openDoc(d.doc_id) },
      d.title || d.doc_id),
    d.source ? h("span", { class: "path" }, " · " + d.source) : null)));

  const warnings = (rec.warnings || []).length
    ? h("details", { class: "warnings" }, h("summary", null, `${rec.warnings.length} warning(s)`),
      h("ul", null, rec.warnings.map((w) => h("li", null, `${w.stage} @${w.offset}: ${w.message}`))))
    : null;

  replace(el,
    h("div", { class: "doc-head" },
      h("button", { type: "button", class: "back", onclick: () => app.store.dashboard() }, "← Back"),
      h("h2", null, rec.title || rec.doc_id || id)),
    meta, legend,
    h("div", { class: "doc-body" },
      h("div", { class: "doc-main" }, article, warnings),
      h("aside", { class: "doc-side" },
        h("h3", null, `Events (${(rec.events || []).length})`), events,
        h("h3", null, `Quotes (${quotes.childElementCount})`), quotes,
        h("h3", null, `Also reported by (${also.length})`), alsoList)));
  if (eventID) focusEvent(el, eventID);
}

// focusEvent scrolls the document view in el to event id's trigger at
// once and marks it, and its entry in the event list, as the current
// event until another is chosen. It reports whether the event was found.
export function focusEvent(el, id) {
  for (const m of el.querySelectorAll(".current")) m.classList.remove("current");
  const article = el.querySelector("#article");
  const mark = article && article.querySelector(`mark[data-event="${CSS.escape(id || "")}"]`);
  if (!mark) return false;
  mark.classList.add("current");
  const item = el.querySelector(`.doc-event[data-event="${CSS.escape(id)}"]`);
  if (item) item.classList.add("current");
  flash(article, id, "auto");
  return true;
}

function flash(article, id, behavior = "smooth") {
  const el = article.querySelector(`mark[data-event="${CSS.escape(id || "")}"]`);
  if (!el) return;
  el.scrollIntoView({ block: "center", behavior });
  el.classList.remove("flash");
  void el.getBoundingClientRect();
  el.classList.add("flash");
}
