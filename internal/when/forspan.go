package when

import (
	"sort"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/doc"
)

// ForSpan returns the time expression that dates the event whose trigger
// is trigger, inside sentence: an expression that overlaps the trigger;
// else the nearest one after the trigger within its clause ("attacked the
// village on Tuesday"); else the nearest one before the trigger in the
// sentence ("On Tuesday, troops attacked"). Durations never date an event.
// ok is false when the sentence has no dating expression; the event then
// takes the anchor date with doc.PrecisionPublished.
//
// The clause after the trigger ends at the first comma, semicolon, colon,
// dash, bracket or quotation mark, or at a word that opens a new clause
// ("that", "which", "who", "while", "but", ...): in "said on Monday that
// troops attacked the town on Sunday", "attacked" takes Sunday and "said"
// takes Monday. It reads d.TimeExprs only, so it may be called at any time
// after the when stage ran.
//
// A bound ("since 1991", "until 2025", doc.TimeExpr.Bound) is taken only
// when no other expression qualifies, and the caller must not read it as
// the event's time: it says at most that the event is background to a
// story of much later (see internal/event).
func ForSpan(d *doc.Doc, sentence doc.Span, trigger doc.Span) (doc.TimeExpr, bool) {
	if x, ok := forSpan(d, sentence, trigger, false); ok {
		return x, true
	}
	return forSpan(d, sentence, trigger, true)
}

// forSpan is ForSpan among the bounds, or among the other expressions.
func forSpan(d *doc.Doc, sentence doc.Span, trigger doc.Span, bounds bool) (doc.TimeExpr, bool) {
	xs := d.TimeExprs
	lo := sort.Search(len(xs), func(i int) bool { return xs[i].End > sentence.Start })
	var before, after doc.TimeExpr
	hasBefore, hasAfter, blocked := false, false, false
	for i := lo; i < len(xs) && xs[i].Start < sentence.End; i++ {
		x := xs[i]
		if x.Precision == doc.PrecisionDuration || !sentence.Contains(x.Span) || x.Bound != bounds {
			continue
		}
		switch {
		case x.Overlaps(trigger):
			return x, true
		case x.End <= trigger.Start:
			before, hasBefore = x, true
		case x.Start >= trigger.End && !hasAfter && !blocked:
			// A later candidate would cross the same break, so one
			// failed check settles them all.
			if clauseBreak(d.Text, trigger.End, x.Start) {
				blocked = true
			} else {
				after, hasAfter = x, true
			}
		}
	}
	if hasAfter {
		return after, true
	}
	return before, hasBefore
}

// clauseBreak reports whether text[from:to] crosses a clause boundary.
func clauseBreak(text string, from, to int) bool {
	if from < 0 {
		from = 0
	}
	if to > len(text) {
		to = len(text)
	}
	for i := from; i < to; {
		c := text[i]
		if c < utf8.RuneSelf {
			switch c {
			case ',', ';', ':', '(', ')', '[', ']', '"':
				return true
			}
			if isASCIIAlpha(c) && (i == 0 || !isASCIIAlpha(text[i-1])) {
				j := i
				for j < to && isASCIIAlpha(text[j]) {
					j++
				}
				if clauseWord(text[i:j]) {
					return true
				}
				i = j
				continue
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '—', '–', '“', '”', '«', '»', '„':
			return true
		}
		i += n
	}
	return false
}

// clauseWord reports whether w opens a subordinate or coordinate clause.
// This is grammar, not vocabulary, so it lives in code.
func clauseWord(w string) bool {
	if len(w) < 3 || len(w) > 8 {
		return false
	}
	var b [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	switch string(b[:len(w)]) {
	case "that", "which", "who", "whom", "whose", "while", "whereas", "but",
		"although", "though", "because", "when", "where":
		return true
	}
	return false
}
