// Package when finds temporal expressions in news text and resolves them
// to dates: it fills Doc.TimeExprs for the event coder, which dates each
// event by the expression that governs its trigger (ForSpan) instead of by
// the publication date, as GDELT-style data does.
//
// # What it finds
//
// Explicit dates ("September 12, 2023", "Sept. 12", "12 September 2023",
// "2023-09-12", "Tuesday, Sept. 12"), months ("March 2021", "in March",
// "mid-September"), years licensed by a cue ("in 2020", "since 2014",
// "2019 and 2020", "the 2020 election"), expressions relative to the
// anchor date ("yesterday", "last week", "earlier this month", "next
// year"), weekdays ("on Tuesday", "last Friday"), counts back from the
// anchor ("two days ago", "a month ago") and durations ("for two weeks",
// "the 30-year conflict", "a decade-long war"), which carry
// doc.PrecisionDuration and a zero Value and never date an event.
//
// A number is a year only when the words around it say so: "30,000
// citizens", "Resolution 2334" and "at 2023 hours" are no dates, and
// neither is "a total of 2000". Phrases relative to another event of the
// story ("two days later", "the next day") are recognised and skipped,
// because the anchor is the wrong base for them. Times of day are ignored.
//
// # Resolution
//
// Relative expressions resolve against Doc.AnchorDate (the dateline date,
// else the publication date). Where the text leaves a choice, the tense of
// the sentence decides (see matcher.tense for the heuristic): "attacked on
// Tuesday" is the Tuesday on or before the anchor, "will meet on Tuesday"
// the one on or after it; "in March" is the latest March not after the
// anchor month in the past and the next one in the future. Week-long
// expressions ("last week", "three weeks ago") have no precision of their
// own in package doc: they resolve to the month when the whole week lies
// in one month and otherwise to the week's Monday at day precision, an
// approximation the rule name records.
//
// # Cost
//
// The stage runs on every document, so it scans the text once with its own
// allocation-free tokenizer (numbers keep their separators, hyphenated
// words stay whole) and looks each word up once in one map; the patterns
// are hand-written over the tokens, with no regular expression. Word lists
// live in data/time and are loaded once into an immutable Resolver shared
// by all workers.
package when
