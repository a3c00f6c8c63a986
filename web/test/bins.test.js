// Unit tests for the timeline's client-side binning; run by `node --test test/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { dayNum, dayStr, unitFor, binStart, binEnd, binDays, domain } from "../src/bins.js";

test("the bin unit follows the span shown", () => {
  for (const [span, want] of [[1, "day"], [90, "day"], [91, "week"], [731, "week"], [732, "month"], [15 * 366, "month"], [15 * 366 + 1, "year"], [90000, "year"]]) {
    assert.equal(unitFor(span), want, `${span} days`);
  }
});

test("day numbers round-trip, before 1970 and before year 100 too", () => {
  for (const s of ["1970-01-01", "2024-02-29", "1777-07-04", "0099-12-31", "2025-12-31"]) {
    assert.equal(dayStr(dayNum(s)), s);
  }
  assert.ok(Number.isNaN(dayNum("")));
  assert.ok(Number.isNaN(dayNum("March 3")));
});

test("bins start on Mondays, firsts of months and New Year's days", () => {
  const cases = [
    ["2025-03-05", "week", "2025-03-03", "2025-03-10"], // a Wednesday
    ["2025-03-03", "week", "2025-03-03", "2025-03-10"], // a Monday
    ["2025-03-09", "week", "2025-03-03", "2025-03-10"], // a Sunday
    ["2024-12-31", "week", "2024-12-30", "2025-01-06"],
    ["2024-02-29", "month", "2024-02-01", "2024-03-01"],
    ["2024-12-15", "month", "2024-12-01", "2025-01-01"],
    ["1777-07-04", "year", "1777-01-01", "1778-01-01"],
    ["1969-12-31", "week", "1969-12-29", "1970-01-05"],
    ["2025-03-05", "day", "2025-03-05", "2025-03-06"],
  ];
  for (const [day, unit, start, end] of cases) {
    const b = binStart(dayNum(day), unit);
    assert.equal(dayStr(b), start, `${day} by ${unit}`);
    assert.equal(dayStr(binEnd(b, unit)), end, `${day} by ${unit}: end`);
  }
});

test("binDays sums days and their counts, and leaves out days outside the bounds", () => {
  const pts = [
    { date: "2024-01-03", total: 2, counts: { "material conflict": 2 } },
    { date: "2024-01-30", total: 1, counts: { "verbal cooperation": 1 } },
    { date: "2024-02-01", total: 4, counts: { "material conflict": 1, "verbal cooperation": 3 } },
    { date: "bogus", total: 9 },
  ];
  const bins = binDays(pts, "month");
  assert.deepEqual(bins.map((b) => [dayStr(b.start), b.total, b.counts]), [
    ["2024-01-01", 3, { "material conflict": 2, "verbal cooperation": 1 }],
    ["2024-02-01", 4, { "material conflict": 1, "verbal cooperation": 3 }],
  ]);
  const bounded = binDays(pts, "day", dayNum("2024-01-04"), dayNum("2024-02-01"));
  assert.deepEqual(bounded.map((b) => dayStr(b.start)), ["2024-01-30"]);
});

test("the domain is the data's span, or the filter's, in whole bins", () => {
  const pts = (...days) => days.map((date) => ({ date, total: 1 }));
  const cases = [
    // name, points, from, to, want [lo, last day, unit]
    ["a fortnight is padded around a few days", pts("2025-03-05", "2025-03-07"), "", "", ["2025-02-28", "2025-03-13", "day"]],
    ["a year of data by week", pts("2024-03-06", "2025-02-20"), "", "", ["2024-03-04", "2025-02-23", "week"]],
    ["six years by month", pts("2019-06-12", "2025-03-14"), "", "", ["2019-06-01", "2025-03-31", "month"]],
    ["centuries by year", pts("1777-07-04", "2025-03-14"), "", "", ["1777-01-01", "2025-12-31", "year"]],
    ["a brushed range zooms in", pts("2025-03-05"), "2025-03-01", "2025-03-31", ["2025-03-01", "2025-03-31", "day"]],
    ["a short brushed range is kept", pts("2025-03-05"), "2025-03-04", "2025-03-06", ["2025-03-04", "2025-03-06", "day"]],
    ["from alone runs to the data's end", pts("2025-03-05", "2025-06-20"), "2024-01-01", "", ["2024-01-01", "2025-06-22", "week"]],
  ];
  for (const [name, p, from, to, want] of cases) {
    const d = domain(p, from, to);
    assert.deepEqual([dayStr(d.lo), dayStr(d.hi - 1), d.unit], want, name);
  }
  assert.equal(domain([], "", ""), null);
});
