// spans turns record layers (byte offsets) into highlight spans (UTF-16
// indices) for the document view and for an event's evidence sentence.

import { byteIndex, utf8Length } from "./offsets.js";
import { quadKey } from "./quad.js";

// LAYERS are the document view's layers, in legend order.
export const LAYERS = [
  { key: "ent", name: "Entities" },
  { key: "quote", name: "Quotes" },
  { key: "cue", name: "Speech cues" },
  { key: "place", name: "Places" },
  { key: "time", name: "Times" },
  { key: "trigger", name: "Event triggers" },
  { key: "dateline", name: "Dateline / agency" },
];

function actorTitle(a, what) {
  const parts = [what + ": " + (a.entity_name || a.raw_text || "?")];
  if (a.country_code) parts.push("country " + a.country_code);
  if (a.sector_code) parts.push("sector " + a.sector_code);
  if (a.other_sector_codes && a.other_sector_codes.length) parts.push("also " + a.other_sector_codes.join(", "));
  return parts.join(" · ");
}

// NON_STATEMENT labels the quote kinds that are no statement: a scare
// quote and a title in quotation marks have no speaker to show.
export const NON_STATEMENT = { scare: "scare quote", title: "title" };

// docSpans lists every layer of record rec over text.
export function docSpans(text, rec) {
  const at = byteIndex(text);
  const out = [];
  const add = (start, end, sp) => {
    if (!(end > start)) return;
    out.push({ start: at(start), end: at(end), ...sp });
  };
  for (const q of rec.quotes || []) {
    const who = q.speaker ? q.speaker.entity_name || q.speaker.raw_text : "";
    add(q.start, q.end, {
      cls: `quote quote-${q.kind || "direct"}`, rank: 0,
      label: who ? "— " + who : NON_STATEMENT[q.kind] || "unattributed",
      title: `${q.kind || ""} quote${who ? " by " + who : ""}${q.rule ? " · rule " + q.rule : ""}`,
    });
    if (q.cue) add(q.cue.start, q.cue.end, { cls: "cue", rank: 4, title: "speech cue" + (q.rule ? " · rule " + q.rule : "") });
  }
  if (rec.dateline) {
    const dl = rec.dateline;
    add(dl.start, dl.end, { cls: "dateline", rank: 1, label: "DATELINE", title: `dateline: ${dl.place || ""} ${dl.country_code || ""} ${dl.date || ""}`.trim() });
  }
  for (const a of rec.agencies || []) {
    add(a.start, a.end, { cls: "dateline agency", rank: 1, label: "AGENCY", title: `agency ${a.name}${a.rule ? " · rule " + a.rule : ""}` });
  }
  for (const e of rec.entities || []) {
    const type = (e.type || "ENT").toUpperCase();
    let title = actorTitle(e, type);
    if (e.refers_to !== null && e.refers_to !== undefined) title += ` · refers to #${e.refers_to}`;
    if (e.rule) title += " · rule " + e.rule;
    // Mentions of one actor share a cluster (the id of its first
    // mention); the document view highlights them together.
    const cluster = e.cluster !== null && e.cluster !== undefined ? e.cluster : e.id;
    add(e.start, e.end, {
      cls: `ent ent-${type.replace(/[^A-Z]/g, "")}`, rank: 3,
      label: type + (e.country_code ? " " + e.country_code : ""), title,
      data: { entity: String(e.id), cluster: String(cluster) },
    });
  }
  for (const p of rec.places || []) {
    add(p.start, p.end, {
      cls: "place", rank: 2, label: "PLACE",
      title: `${p.name || p.text}${p.country_code ? ", " + p.country_code : ""} (${Number(p.lat).toFixed(2)}, ${Number(p.lon).toFixed(2)})${p.rule ? " · rule " + p.rule : ""}`,
    });
  }
  for (const t of rec.times || []) {
    add(t.start, t.end, { cls: "time", rank: 2, label: t.value || "TIME", title: `time: ${t.value || "unresolved"} (${t.precision || "?"})${t.rule ? " · rule " + t.rule : ""}` });
  }
  for (const ev of rec.events || []) {
    const e = ev.evidence || {};
    add(e.trigger_start, e.trigger_end, {
      cls: `trigger q-${quadKey(ev.quad)}`, rank: 5, label: ev.event + (ev.mode ? "/" + ev.mode : ""),
      title: `${ev.event}${ev.mode ? " (" + ev.mode + ")" : ""} · ${ev.quad || ""}${ev.rule ? " · rule " + ev.rule : ""}`,
      data: { event: ev.id || "" },
    });
  }
  return out;
}

// evidenceSpans marks an event's parts inside its evidence sentence.
// times are the document's time expressions, when known, so the date can
// be marked too. Offsets outside the sentence are left out.
export function evidenceSpans(ev, times) {
  const e = ev.evidence || {};
  const text = e.text || "";
  const base = e.sentence_start || 0;
  const len = utf8Length(text);
  const at = byteIndex(text);
  const out = [];
  const add = (start, end, sp) => {
    const a = start - base, b = end - base;
    if (!(b > a) || a < 0 || b > len) return;
    out.push({ start: at(a), end: at(b), ...sp });
  };
  add(e.trigger_start, e.trigger_end, { cls: `ev-trigger trigger q-${quadKey(ev.quad)}`, rank: 5, label: ev.event, title: "trigger" });
  for (const a of ev.actor || []) add(a.start, a.end, { cls: "ev-actor", rank: 3, label: "ACTOR", title: actorTitle(a, "actor") });
  for (const a of ev.recipient || []) add(a.start, a.end, { cls: "ev-recipient", rank: 3, label: "RECIPIENT", title: actorTitle(a, "recipient") });
  if (ev.location) add(ev.location.start, ev.location.end, { cls: "ev-place", rank: 2, label: "PLACE", title: `location: ${ev.location.name} (${ev.location.source || ""})` });
  if (ev.claimed_by) add(ev.claimed_by.start, ev.claimed_by.end, { cls: "ev-claimant", rank: 1, label: "CLAIMED BY", title: actorTitle(ev.claimed_by, "claimed by") });
  for (const t of times || []) add(t.start, t.end, { cls: "ev-date", rank: 2, label: "DATE", title: `time: ${t.value || "?"}` });
  return out;
}

export function actorText(a) {
  if (!a) return "";
  const name = a.entity_name || a.raw_text || "";
  return a.country_code && !name.includes(a.country_code) ? `${name} [${a.country_code}${a.sector_code ? " " + a.sector_code : ""}]` : name;
}
