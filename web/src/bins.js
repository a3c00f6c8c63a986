// bins groups the server's daily counts into day, week, month or year
// bins on the client, so that one timeline request serves every zoom
// level and a span of centuries stays readable. Days are numbered from
// 1970-01-01 (day 0) in UTC, so that no time zone shifts a bin edge.

const DAY = 86400000;

// UNITS are the bin sizes, finest first. maxSpan is the longest span in
// days that a unit is chosen for: about 90 bars of days, 105 of weeks,
// 180 of months; beyond 15 years, years.
export const UNITS = [
  { key: "day", label: "day", maxSpan: 90 },
  { key: "week", label: "week", maxSpan: 731 },
  { key: "month", label: "month", maxSpan: 15 * 366 },
  { key: "year", label: "year", maxSpan: Infinity },
];

export function dayNum(str) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(str || "");
  if (!m) return NaN;
  return fromYMD(+m[1], +m[2] - 1, +m[3]);
}

export function dayStr(n) {
  const d = new Date(n * DAY);
  const y = d.getUTCFullYear();
  return String(y).padStart(4, "0") + d.toISOString().slice(4, 10);
}

function ymd(n) {
  const d = new Date(n * DAY);
  return [d.getUTCFullYear(), d.getUTCMonth()];
}

// fromYMD is the day number of a date; month m counts from 0 and may
// overflow into the next year. setUTCFullYear, unlike Date.UTC, does not
// map years 0-99 to 1900-1999.
function fromYMD(y, m, d) {
  const t = new Date(0);
  t.setUTCFullYear(y, m, d);
  return Math.round(t.getTime() / DAY);
}

function fromYM(y, m) {
  return fromYMD(y, m, 1);
}

// unitFor picks the bin size for a span of days.
export function unitFor(spanDays) {
  return UNITS.find((u) => spanDays <= u.maxSpan).key;
}

// binStart is the first day of the bin holding day n. Weeks start on
// Monday (ISO 8601); day 4 (1970-01-05) was one.
export function binStart(n, unit) {
  switch (unit) {
    case "week": return n - (((n - 4) % 7) + 7) % 7;
    case "month": { const [y, m] = ymd(n); return fromYM(y, m); }
    case "year": return fromYM(ymd(n)[0], 0);
    default: return n;
  }
}

// binEnd is the first day after the bin that starts on day start.
export function binEnd(start, unit) {
  switch (unit) {
    case "week": return start + 7;
    case "month": { const [y, m] = ymd(start); return fromYM(y, m + 1); }
    case "year": return fromYM(ymd(start)[0] + 1, 0);
    default: return start + 1;
  }
}

// binLabel names a bin for axis ticks and tooltips.
export function binLabel(start, unit) {
  const s = dayStr(start);
  switch (unit) {
    case "week": return "week of " + s;
    case "month": return s.slice(0, 7);
    case "year": return s.slice(0, 4);
    default: return s;
  }
}

// tickLabel is the short form of binLabel for the x axis.
export function tickLabel(start, unit) {
  return unit === "week" ? dayStr(start) : binLabel(start, unit);
}

// binDays sums daily points ({date, total, counts}) into bins of unit.
// The result is sorted by start; each bin has start and end (the first
// day after it), total, and counts by the points' keys. Points outside
// [lo, hi) are left out when the bounds are given, so that the bars
// count exactly the days shown.
export function binDays(points, unit, lo = -Infinity, hi = Infinity) {
  const bins = new Map();
  for (const p of points) {
    const d = dayNum(p.date);
    if (isNaN(d) || d < lo || d >= hi) continue;
    const start = binStart(d, unit);
    let b = bins.get(start);
    if (!b) {
      b = { start, end: binEnd(start, unit), total: 0, counts: {} };
      bins.set(start, b);
    }
    b.total += p.total || 0;
    for (const [k, v] of Object.entries(p.counts || {})) b.counts[k] = (b.counts[k] || 0) + v;
  }
  return [...bins.values()].sort((a, b) => a.start - b.start);
}

// domain is the span of days the timeline shows, [lo, hi): the filter's
// from/to where set (so the timeline zooms to a brushed range), else the
// data's first and last day (with no points and no bounds, null); then widened to whole bins of the unit the
// span calls for. Spans of days are padded to at least minDays so that a
// few days do not become giant bars.
export function domain(points, from, to, minDays = 14) {
  const days = points.map((p) => dayNum(p.date)).filter((d) => !isNaN(d));
  const f0 = dayNum(from), f1 = dayNum(to);
  let lo = !isNaN(f0) ? f0 : Math.min(...days);
  let hi = (!isNaN(f1) ? f1 : Math.max(...days)) + 1;
  if (!isFinite(lo) || !isFinite(hi) || hi <= lo) return null;
  const unit = unitFor(hi - lo);
  // A range the user chose (both bounds) is shown as it is.
  if (unit === "day" && hi - lo < minDays && (isNaN(f0) || isNaN(f1))) {
    const extra = minDays - (hi - lo);
    if (!isNaN(f0)) hi += extra;
    else if (!isNaN(f1)) lo -= extra;
    else {
      lo -= Math.floor(extra / 2);
      hi += Math.ceil(extra / 2);
    }
  }
  lo = binStart(lo, unit);
  hi = binEnd(binStart(hi - 1, unit), unit);
  return { lo, hi, unit };
}
