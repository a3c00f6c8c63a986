package when

import (
	"sort"
	"strings"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/text"
)

// tenseKind is the tense of the clause around an expression.
type tenseKind uint8

const (
	noTense tenseKind = iota
	past
	future
)

// maxSentenceToks bounds the fallback sentence search in raw text, so that
// a text with no full stop costs linear time, not quadratic.
const maxSentenceToks = 80

// tense decides whether the clause around tokens [i, j) speaks of the
// past or the future. The cue nearest the expression (in bytes, on either
// side) within its clause wins, else the nearest within its sentence (so
// "On Tuesday, troops attacked" still finds "attacked"); on a tie the
// future wins, because a future marker is the rarer and more deliberate
// signal in news. Cues:
//
//   - future: "will", "shall", "'ll", "won't", "upcoming", "next",
//     "expects", "scheduled", and "going", "set", "expected", "due",
//     "plans" when "to" follows (data/time/cues.tsv);
//   - past: "was", "were", "had", "said", "ago", "last", common irregular
//     past forms, and either a VBD tag (or VBN after has/have/had) when
//     the text stage tagged the tokens, or, on untagged text, a lower-case
//     word of five or more letters ending in -ed ("attacked"), except a
//     few listed non-verbs ("hundred", "united");
//   - a past-looking word right after a form of "be" ("is expected", "to
//     be held") is a participle and no cue.
//
// With no cue the result is noTense, which callers read as the past for
// weekdays and bare months (news mostly reports what happened) and as
// "nearest to the anchor" for a month and day without a year.
func (m *matcher) tense(i, j int) tenseKind {
	a, b := m.sentenceToks(i, j)
	ca, cb := m.clauseToks(i, j, a, b)
	if k := m.nearestCue(i, j, ca, cb); k != noTense {
		return k
	}
	if ca == a && cb == b {
		return noTense
	}
	return m.nearestCue(i, j, a, b)
}

// nearestCue returns the tense of the cue nearest tokens [i, j) among
// tokens [a, b).
func (m *matcher) nearestCue(i, j, a, b int) tenseKind {
	start, end := int(m.toks[i].start), int(m.toks[j-1].end)
	best, bestDist := noTense, int(^uint(0)>>1)
	consider := func(k tenseKind, cs, ce int) {
		d := start - ce
		if cs >= end {
			d = cs - end
		}
		if d < bestDist || (d == bestDist && k == future) {
			best, bestDist = k, d
		}
	}
	for k := a; k < b; k++ {
		if k >= i && k < j {
			continue
		}
		if tk := m.tokTense(k); tk != noTense {
			consider(tk, int(m.toks[k].start), int(m.toks[k].end))
		}
	}
	if m.tags && a < b {
		sa, sb := int(m.toks[a].start), int(m.toks[b-1].end)
		dt := m.d.Tokens
		n := sort.Search(len(dt), func(x int) bool { return dt[x].Start >= sa })
		for ; n < len(dt) && dt[n].Start < sb; n++ {
			if dt[n].Start >= start && dt[n].End <= end {
				continue
			}
			switch dt[n].Tag {
			case "VBD":
				consider(past, dt[n].Start, dt[n].End)
			case "VBN":
				if n > 0 {
					switch strings.ToLower(m.d.SpanText(dt[n-1].Span)) {
					case "has", "have", "had", "'ve", "’ve":
						consider(past, dt[n].Start, dt[n].End)
					}
				}
			}
		}
	}
	return best
}

// clauseToks narrows the sentence [a, b) to the clause around tokens
// [i, j): up to the nearest comma, semicolon, colon, bracket, dash or
// quotation mark, or a "clause" word of cues.tsv ("and", "that", "which").
func (m *matcher) clauseToks(i, j, a, b int) (int, int) {
	ca := i
	for ca > a && !m.clauseBound(ca-1) {
		ca--
	}
	cb := j
	for cb < b && !m.clauseBound(cb) {
		cb++
	}
	return ca, cb
}

func (m *matcher) clauseBound(k int) bool {
	t := &m.toks[k]
	if t.kind == kPunct {
		switch t.punct {
		case ',', ';', ':', '(', ')', '[', ']', '"', '—', '–', '“', '”', '«', '»':
			return true
		}
		return false
	}
	e := m.tokEntry(k)
	return e != nil && e.cues&cClause != 0
}

// tokTense classifies one token as a tense cue.
func (m *matcher) tokTense(k int) tenseKind {
	t := &m.toks[k]
	if t.kind != kWord {
		return noTense
	}
	if e := m.tokEntry(k); e != nil {
		switch {
		case e.cues&cFuture != 0:
			return future
		case e.cues&cFutureTo != 0:
			if m.entry(k+1) != nil && strings.EqualFold(m.str(k+1), "to") {
				return future
			}
			return noTense
		case e.cues&cPast != 0:
			if m.auxBefore(k) {
				return noTense
			}
			return past
		case e.cues != 0:
			return noTense
		}
	}
	w := m.str(k)
	if n := len(w); n > 3 && (strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll")) {
		return future
	}
	if !m.tags && !t.upper && !t.hyphen && len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && !m.auxBefore(k) {
		return past
	}
	return noTense
}

// auxBefore reports whether a form of "be" comes right before token k,
// perhaps with one adverb between ("is widely expected").
func (m *matcher) auxBefore(k int) bool {
	if m.cue(k-1, cAux) {
		return true
	}
	if e := m.entry(k - 1); k >= 2 && m.toks[k-1].kind == kWord && (e == nil || e.cues == 0) {
		w := m.str(k - 1)
		if strings.HasSuffix(w, "ly") || strings.EqualFold(w, "not") || strings.EqualFold(w, "also") {
			return m.cue(k-2, cAux)
		}
	}
	return false
}

// sentenceToks returns the token range of the sentence around tokens
// [i, j): from d.Sentences when the text stage ran, else from full stops
// and blank lines, with abbreviations ("Sept.", "U.S.") told apart by
// text.IsAbbrev.
func (m *matcher) sentenceToks(i, j int) (int, int) {
	if m.d != nil && len(m.d.Sentences) > 0 {
		off := int(m.toks[i].start)
		ss := m.d.Sentences
		x := sort.Search(len(ss), func(x int) bool { return ss[x].End > off })
		if x < len(ss) && ss[x].Start <= off {
			sa, sb := ss[x].Start, ss[x].End
			a := sort.Search(len(m.toks), func(y int) bool { return int(m.toks[y].start) >= sa })
			b := sort.Search(len(m.toks), func(y int) bool { return int(m.toks[y].start) >= sb })
			if a <= i && b >= j {
				// Cues further away say nothing about the expression,
				// and the bound keeps a text that is one huge
				// sentence linear.
				return max(a, i-maxSentenceToks), min(b, j+maxSentenceToks)
			}
		}
	}
	a := i
	for a > 0 && i-a < maxSentenceToks {
		if m.toks[a].paraBefore || m.endsSentence(a-1) {
			break
		}
		a--
	}
	b := j
	for b < len(m.toks) && b-j < maxSentenceToks {
		if m.toks[b].paraBefore {
			break
		}
		b++
		if m.endsSentence(b - 1) {
			break
		}
	}
	return a, b
}

// endsSentence reports whether token k is a sentence-final mark.
func (m *matcher) endsSentence(k int) bool {
	t := &m.toks[k]
	if t.kind != kPunct {
		return false
	}
	switch t.punct {
	case '!', '?':
		return true
	case '.':
		if k > 0 && m.toks[k-1].kind == kWord && m.toks[k-1].end == t.start {
			return !text.IsAbbrev(m.text[m.toks[k-1].start:t.end])
		}
		return true
	}
	return false
}

// Calendar helpers. Every value is UTC midnight.

func day(y int, mo time.Month, d int) time.Time { return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC) }

// validDate returns the date y-mo-d, or false when the day does not exist
// in that month ("February 30").
func validDate(y int, mo time.Month, d int) (time.Time, bool) {
	v := day(y, mo, d)
	return v, v.Month() == mo && v.Day() == d
}

// inferYear gives a month and day without a year the year that fits the
// tense: in a past clause the latest such date on or before the day after
// the anchor, in a future clause the earliest on or after the day before
// it, and with no tense cue the one nearest the anchor. The one-day slack
// absorbs time zones between the writer and the dateline.
func (m *matcher) inferYear(mo time.Month, d int, tk tenseKind) (time.Time, bool) {
	a := m.anchor
	var best time.Time
	found := false
	for y := a.Year() - 1; y <= a.Year()+1; y++ {
		v, ok := validDate(y, mo, d)
		if !ok {
			continue
		}
		switch tk {
		case past:
			if !v.After(a.AddDate(0, 0, 1)) && (!found || v.After(best)) {
				best, found = v, true
			}
		case future:
			if !v.Before(a.AddDate(0, 0, -1)) && (!found || v.Before(best)) {
				best, found = v, true
			}
		default:
			if !found || absDur(v.Sub(a)) < absDur(best.Sub(a)) {
				best, found = v, true
			}
		}
	}
	if !found && tk != noTense {
		return m.inferYear(mo, d, noTense)
	}
	return best, found
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// weekdayBefore returns the latest wd on or before a (strictly before when
// strict: "last Tuesday" said on a Tuesday means a week ago).
func weekdayBefore(a time.Time, wd time.Weekday, strict bool) time.Time {
	delta := (int(a.Weekday()) - int(wd) + 7) % 7
	if strict && delta == 0 {
		delta = 7
	}
	return a.AddDate(0, 0, -delta)
}

// weekdayAfter returns the earliest wd on or after a (strictly after when
// strict).
func weekdayAfter(a time.Time, wd time.Weekday, strict bool) time.Time {
	delta := (int(wd) - int(a.Weekday()) + 7) % 7
	if strict && delta == 0 {
		delta = 7
	}
	return a.AddDate(0, 0, delta)
}

// monday returns the Monday that starts a's ISO week.
func monday(a time.Time) time.Time {
	return a.AddDate(0, 0, -((int(a.Weekday()) + 6) % 7))
}

// weekValue expresses the week that starts on mon with the precisions
// package doc offers, which have no week: the month when the whole week
// lies in one month (true, only coarser), else the Monday at day precision,
// an approximation that the rule name ("last_week", "ago") makes visible.
func weekValue(mon time.Time) (time.Time, doc.Precision) {
	sun := mon.AddDate(0, 0, 6)
	if sun.Month() == mon.Month() {
		return day(mon.Year(), mon.Month(), 1), doc.PrecisionMonth
	}
	return mon, doc.PrecisionDay
}

// monthStart returns the first day of the month off months from a's.
func monthStart(a time.Time, off int) time.Time {
	return day(a.Year(), a.Month()+time.Month(off), 1)
}
