package when

import (
	"strings"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
)

// Year bounds. A year written with a month or day may be any four-digit
// year from minFullYear; a bare year licensed only by a cue word ("in
// 1999") must lie in [minBareYear, maxYear], which keeps counts such as
// "from 1500 to 1700 hours" out.
const (
	minFullYear = 1000
	minBareYear = 1700
	maxYear     = 2100
)

// matcher finds and resolves the expressions of one text.
type matcher struct {
	r      *Resolver
	text   string
	toks   []tok
	anchor time.Time // UTC midnight of the anchor day
	has    bool      // anchor is known
	d      *doc.Doc  // nil in Find
	tags   bool      // d.Tokens carry part-of-speech tags
	skip   doc.Span  // tokens inside it are not read (the dateline)
	out    []doc.TimeExpr
	// lastEnd is the token index just past the previous expression and
	// lastYear whether it was a year or month, for "2019 and 2020".
	lastEnd  int
	lastYear bool
}

func (m *matcher) run() {
	m.lastEnd = -1
	for i := 0; i < len(m.toks); {
		t := &m.toks[i]
		if t.kind == kPunct || (m.skip.Len() > 0 && int(t.start) < m.skip.End && int(t.end) > m.skip.Start) {
			i++
			continue
		}
		if j := m.matchAt(i); j > i {
			i = j
			continue
		}
		i++
	}
}

// emit records an expression over tokens [i, j) and returns j.
func (m *matcher) emit(i, j int, v time.Time, p doc.Precision, rule string) int {
	m.out = append(m.out, doc.TimeExpr{
		Span:      doc.Span{Start: int(m.toks[i].start), End: int(m.toks[j-1].end)},
		Value:     v,
		Precision: p,
		Rule:      rule,
		Bound:     m.cue(i-1, cBound),
	})
	m.lastEnd = j
	m.lastYear = p == doc.PrecisionYear || p == doc.PrecisionMonth
	return j
}

func (m *matcher) str(i int) string { return m.text[m.toks[i].start:m.toks[i].end] }

// word returns the entry of token i when it is a plain word, else nil.
func (m *matcher) entry(i int) *entry {
	if i < 0 || i >= len(m.toks) || m.toks[i].kind != kWord {
		return nil
	}
	return m.tokEntry(i)
}

// tokEntry returns the lexicon entry of token i, or nil.
func (m *matcher) tokEntry(i int) *entry {
	if e := m.toks[i].e; e > 0 {
		return &m.r.entries[e-1]
	}
	return nil
}

func (m *matcher) cue(i int, bits uint32) bool {
	e := m.entry(i)
	return e != nil && e.cues&bits != 0
}

func (m *matcher) isPunct(i int, r rune) bool {
	return i >= 0 && i < len(m.toks) && m.toks[i].kind == kPunct && m.toks[i].punct == r
}

// adjacent reports whether token j follows token i with no byte between.
func (m *matcher) adjacent(i, j int) bool {
	return i >= 0 && j < len(m.toks) && m.toks[i].end == m.toks[j].start
}

// matchAt tries every pattern that can start at token i and returns the
// token index after the match, or i when nothing matched.
func (m *matcher) matchAt(i int) int {
	t := &m.toks[i]
	if t.kind == kNum {
		return m.matchNumber(i)
	}
	if t.hyphen {
		return m.matchCompound(i)
	}
	e := m.tokEntry(i)
	if e == nil {
		return i
	}
	for k := range e.phrases {
		if j := m.matchPhrase(i, &e.phrases[k]); j > i {
			return j
		}
	}
	if e.cues&(cLast|cNext|cThis) != 0 {
		if j := m.matchModified(i, e.cues); j > i {
			return j
		}
	}
	if e.weekday > 0 {
		if j := m.matchWeekday(i); j > i {
			return j
		}
	}
	if e.month > 0 && t.upper {
		if j := m.matchMonth(i, i); j > i {
			return j
		}
	}
	if e.numKind != numNone {
		if j := m.matchCount(i); j > i {
			return j
		}
	}
	if e.unit != uNone && m.cue(i-1, cDurPrep) {
		w := m.str(i)
		if len(w) > 1 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') {
			// "for years", "over decades".
			return m.emit(i, i+1, time.Time{}, doc.PrecisionDuration, "duration")
		}
	}
	return i
}

// matchPhrase matches a relative phrase from relative.tsv.
func (m *matcher) matchPhrase(i int, p *phrase) int {
	j := m.phraseEnd(i, p)
	if j == i {
		return i
	}
	if !m.has {
		return j
	}
	a := m.anchor
	switch p.unit {
	case uDay:
		return m.emit(i, j, a.AddDate(0, 0, p.offset), doc.PrecisionDay, p.rule)
	case uWeek:
		v, prec := weekValue(monday(a).AddDate(0, 0, 7*p.offset))
		return m.emit(i, j, v, prec, p.rule)
	case uMonth:
		return m.emit(i, j, monthStart(a, p.offset), doc.PrecisionMonth, p.rule)
	case uYear:
		return m.emit(i, j, time.Date(a.Year()+p.offset, 1, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionYear, p.rule)
	}
	return i
}

// phraseEnd returns the token after phrase p when it starts at token i,
// else i.
func (m *matcher) phraseEnd(i int, p *phrase) int {
	j := i
	for _, w := range p.words {
		if j >= len(m.toks) || m.toks[j].kind != kWord || !strings.EqualFold(m.str(j), w) {
			return i
		}
		j++
	}
	return j
}

// matchModified matches "last Tuesday", "next March", "this Friday".
func (m *matcher) matchModified(i int, cues uint32) int {
	j := i + 1
	e := m.entry(j)
	if e == nil {
		return i
	}
	switch {
	case e.weekday > 0 && m.weekdayOK(j):
		if m.isPunct(j+1, '.') && m.adjacent(j, j+1) && e.wdayAbbr {
			j++
		}
		if !m.has {
			return j + 1
		}
		wd := time.Weekday(e.weekday - 1)
		switch {
		case cues&cLast != 0:
			return m.emit(i, j+1, weekdayBefore(m.anchor, wd, true), doc.PrecisionDay, "last_weekday")
		case cues&cNext != 0:
			return m.emit(i, j+1, weekdayAfter(m.anchor, wd, true), doc.PrecisionDay, "next_weekday")
		default:
			if m.tense(i, j+1) == future {
				return m.emit(i, j+1, weekdayAfter(m.anchor, wd, false), doc.PrecisionDay, "this_weekday_future")
			}
			return m.emit(i, j+1, weekdayBefore(m.anchor, wd, false), doc.PrecisionDay, "this_weekday_past")
		}
	case e.month > 0 && m.toks[j].upper:
		if m.isPunct(j+1, '.') && m.adjacent(j, j+1) && e.monthAbbr {
			j++
		}
		if !m.has {
			return j + 1
		}
		mo := time.Month(e.month)
		am, y := m.anchor.Month(), m.anchor.Year()
		switch {
		case cues&cLast != 0:
			if mo >= am {
				y--
			}
			return m.emit(i, j+1, time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionMonth, "last_month_name")
		case cues&cNext != 0:
			if mo <= am {
				y++
			}
			return m.emit(i, j+1, time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionMonth, "next_month_name")
		default:
			return m.emit(i, j+1, time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionMonth, "this_month_name")
		}
	}
	return i
}

// weekdayOK reports whether token i may be read as a weekday: full names in
// any case, abbreviations only capitalised and with their period.
func (m *matcher) weekdayOK(i int) bool {
	e := m.entry(i)
	if e == nil || e.weekday == 0 {
		return false
	}
	if !e.wdayAbbr {
		return true
	}
	return m.toks[i].upper && m.isPunct(i+1, '.') && m.adjacent(i, i+1)
}

// matchWeekday matches "Tuesday", "Tuesday, Sept. 12" and "Tues., 12 Sept.".
func (m *matcher) matchWeekday(i int) int {
	if !m.weekdayOK(i) {
		return i
	}
	e := m.tokEntry(i)
	end := i + 1
	if e.wdayAbbr {
		end++
	}
	// A full date after the weekday wins and the span covers both.
	j := end
	if m.isPunct(j, ',') {
		j++
	}
	if me := m.entry(j); me != nil && me.month > 0 && m.toks[j].upper {
		if k := m.matchMonth(j, i); k > j {
			return k
		}
	}
	if j < len(m.toks) && m.toks[j].kind == kNum {
		if k := m.matchDayMonth(j, i); k > j {
			return k
		}
	}
	if !m.has {
		return end
	}
	wd := time.Weekday(e.weekday - 1)
	if m.tense(i, end) == future {
		return m.emit(i, end, weekdayAfter(m.anchor, wd, false), doc.PrecisionDay, "weekday_future")
	}
	return m.emit(i, end, weekdayBefore(m.anchor, wd, false), doc.PrecisionDay, "weekday_past")
}

// dayNumber parses a day of the month: "12", "12th", "1st", or the first
// day of a range "12-14".
func dayNumber(s string) (int, bool) {
	n, k := 0, 0
	for k < len(s) && k < 3 && isDigit(s[k]) {
		n = n*10 + int(s[k]-'0')
		k++
	}
	if k == 0 || k > 2 || n < 1 || n > 31 {
		return 0, false
	}
	switch rest := strings.ToLower(s[k:]); rest {
	case "", "st", "nd", "rd", "th":
		return n, true
	default:
		// A range of days: "12-14".
		if rest[0] == '-' && len(rest) > 1 && len(rest) <= 3 && isDigit(rest[1]) {
			return n, true
		}
	}
	return 0, false
}

// yearNumber parses a four-digit year in [lo, maxYear].
func yearNumber(s string, lo int) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	n := 0
	for k := 0; k < 4; k++ {
		if !isDigit(s[k]) {
			return 0, false
		}
		n = n*10 + int(s[k]-'0')
	}
	return n, n >= lo && n <= maxYear
}

// yearAt returns the year written at token j, optionally after a comma or
// "of", and the token index after it.
func (m *matcher) yearAt(j int, allowOf bool) (int, int, bool) {
	if m.isPunct(j, ',') {
		j++
	} else if allowOf && m.entry(j) != nil && strings.EqualFold(m.str(j), "of") {
		j++
	}
	if j < len(m.toks) && m.toks[j].kind == kNum {
		if y, ok := yearNumber(m.str(j), minFullYear); ok {
			return y, j + 1, true
		}
	}
	return 0, 0, false
}

// matchMonth matches dates that start with a month name at token i:
// "September 12", "Sept. 12, 2023", "March 2021", and a bare month after a
// cue ("in March"). The span starts at token from, which precedes i when
// a weekday opens the date; then only a full date matches.
func (m *matcher) matchMonth(i, from int) int {
	e := m.tokEntry(i)
	mo := time.Month(e.month)
	j := i + 1
	if e.monthAbbr && m.isPunct(j, '.') && m.adjacent(i, j) {
		j++
	}
	if j < len(m.toks) && m.toks[j].kind == kNum {
		if d, ok := dayNumber(m.str(j)); ok && !m.isPunct(j+1, ':') {
			if y, k, ok := m.yearAt(j+1, false); ok {
				if v, ok := validDate(y, mo, d); ok {
					return m.emit(from, k, v, doc.PrecisionDay, "month_day_year")
				}
				return i
			}
			if off, k, ok := m.yearPhraseAt(j + 1); ok {
				// "on June 3 last year".
				if !m.has {
					return k
				}
				if v, ok := validDate(m.anchor.Year()+off, mo, d); ok {
					return m.emit(from, k, v, doc.PrecisionDay, "month_day_relative_year")
				}
				return i
			}
			if !m.has {
				return j + 1
			}
			if v, ok := m.inferYear(mo, d, m.tense(from, j+1)); ok {
				return m.emit(from, j+1, v, doc.PrecisionDay, "month_day")
			}
			return i
		}
	}
	if y, k, ok := m.yearAt(j, true); ok && !m.isPunct(j, ',') {
		return m.emit(from, k, time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionMonth, "month_year")
	}
	if from != i {
		return i
	}
	if off, k, ok := m.yearPhraseAt(j); ok {
		// "in June last year", "March next year".
		if !m.has {
			return k
		}
		return m.emit(i, k, day(m.anchor.Year()+off, mo, 1), doc.PrecisionMonth, "month_relative_year")
	}
	if !m.cue(i-1, cPrep) {
		return i
	}
	if !m.has {
		return j
	}
	y := m.anchor.Year()
	am := m.anchor.Month()
	if m.tense(from, j) == future {
		if mo < am {
			y++
		}
		return m.emit(from, j, time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionMonth, "month_future")
	}
	if mo > am {
		y--
	}
	return m.emit(from, j, time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionMonth, "month_past")
}

// yearPhraseAt reports whether a relative phrase of whole years ("last
// year", "this year") starts at token j, with its offset and end.
func (m *matcher) yearPhraseAt(j int) (int, int, bool) {
	e := m.entry(j)
	if e == nil {
		return 0, 0, false
	}
	for k := range e.phrases {
		p := &e.phrases[k]
		if p.unit != uYear {
			continue
		}
		if end := m.phraseEnd(j, p); end > j {
			return p.offset, end, true
		}
	}
	return 0, 0, false
}

// matchDayMonth matches "12 September 2023", "12 Sept." and "the 12th of
// September" at number token i; the span starts at token from.
func (m *matcher) matchDayMonth(i, from int) int {
	d, ok := dayNumber(m.str(i))
	if !ok {
		return i
	}
	j := i + 1
	if e := m.entry(j); e != nil && e.month == 0 && strings.EqualFold(m.str(j), "of") {
		j++
	}
	e := m.entry(j)
	if e == nil || e.month == 0 || !m.toks[j].upper {
		return i
	}
	mo := time.Month(e.month)
	j++
	if e.monthAbbr && m.isPunct(j, '.') && m.adjacent(j-1, j) {
		j++
	}
	if j < len(m.toks) && m.toks[j].kind == kNum {
		if y, ok := yearNumber(m.str(j), minFullYear); ok {
			if v, ok := validDate(y, mo, d); ok {
				return m.emit(from, j+1, v, doc.PrecisionDay, "day_month_year")
			}
			return i
		}
	}
	if !m.has {
		return j
	}
	if v, ok := m.inferYear(mo, d, m.tense(from, j)); ok {
		return m.emit(from, j, v, doc.PrecisionDay, "day_month")
	}
	return i
}

// matchNumber handles a number token: an ISO date, a day before a month, a
// count of units, a duration compound or a year.
func (m *matcher) matchNumber(i int) int {
	s := m.str(i)
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := yearNumber(s[:4], minFullYear)
		mo, ok2 := twoDigits(s[5:7])
		d, ok3 := twoDigits(s[8:10])
		if ok1 && ok2 && ok3 && mo >= 1 && mo <= 12 {
			if v, ok := validDate(y, time.Month(mo), d); ok {
				return m.emit(i, i+1, v, doc.PrecisionDay, "iso_date")
			}
		}
		return i
	}
	if m.toks[i].hyphen {
		if j := m.matchCompound(i); j > i {
			return j
		}
		return m.matchYearRange(i)
	}
	if j := m.matchDayMonth(i, i); j > i {
		return j
	}
	if j := m.matchCount(i); j > i {
		return j
	}
	return m.matchYear(i)
}

func twoDigits(s string) (int, bool) {
	if len(s) != 2 || !isDigit(s[0]) || !isDigit(s[1]) {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

// yearLicensed reports whether a bare year at token i is a date: after a
// "prep" cue not itself after a count word ("in 2020", but not "a total of
// 2000"), after "and"/"to" that follow a year ("2019 and 2020"), or
// between a "det" cue and a lower-case word ("the 2020 election").
func (m *matcher) yearLicensed(i int) bool {
	if m.houseNumber(i) {
		return false
	}
	p := i - 1
	e := m.entry(p)
	if e == nil || !m.adjacentWords(p, i) {
		return false
	}
	if e.cues&cPrep != 0 && !m.cue(p-1, cQty) {
		return e.cues&cCountPrep == 0 || !m.pluralNoun(i+1)
	}
	if e.cues&cJoin != 0 && m.lastEnd == p && m.lastYear {
		return !m.pluralNoun(i + 1)
	}
	if e.cues&cDet != 0 && i+1 < len(m.toks) && m.toks[i+1].kind == kWord && !m.toks[i+1].upper && !m.cue(p-1, cQty) {
		return true
	}
	return false
}

// houseNumber reports whether the number at token i opens a street
// address: one to three capitalised words, initials ("N.") or ordinals
// ("5th") and then a street type from streets.tsv ("1935 Orchard St.",
// "2200 N. Lake Shore Drive"). An address gives a building, never a
// date, whatever cue stands before it ("at 1935 Orchard St.").
func (m *matcher) houseNumber(i int) bool {
	names := 0
	for j := i + 1; j < len(m.toks) && j <= i+6; j++ {
		t := &m.toks[j]
		if t.paraBefore {
			return false
		}
		switch {
		case t.kind == kWord && names > 0 && m.tokEntry(j) != nil && m.tokEntry(j).street:
			return true
		case t.kind == kWord && t.upper && names < 3:
			names++
		case t.kind == kNum && names < 3 && ordinal(m.str(j)):
			names++
		case t.kind == kPunct && t.punct == '.' && m.adjacent(j-1, j) && m.toks[j-1].kind == kWord && m.toks[j-1].end-m.toks[j-1].start == 1:
			// The period of an initial: "N. Orchard St.".
		default:
			return false
		}
	}
	return false
}

// ordinal reports a number written as an ordinal: "5th", "42nd".
func ordinal(s string) bool {
	if len(s) < 3 || !isDigit(s[0]) {
		return false
	}
	switch s[len(s)-2:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// pluralNoun reports whether token i looks like a plural noun that a
// count would take ("votes", "troops"): a lower-case word of four or more
// letters ending in a single s that no lexicon lists.
func (m *matcher) pluralNoun(i int) bool {
	if i >= len(m.toks) || m.toks[i].kind != kWord || m.toks[i].upper || m.toks[i].e != 0 {
		return false
	}
	w := m.str(i)
	return len(w) >= 4 && w[len(w)-1] == 's' && w[len(w)-2] != 's'
}

// adjacentWords reports whether only white space separates tokens p and
// i (p = i-1 by construction).
func (m *matcher) adjacentWords(p, i int) bool {
	return p >= 0 && p+1 == i && m.toks[p].kind == kWord
}

func (m *matcher) matchYear(i int) int {
	y, ok := yearNumber(m.str(i), minBareYear)
	if !ok || !m.yearLicensed(i) {
		return i
	}
	return m.emit(i, i+1, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionYear, "year")
}

// matchYearRange matches "2019-2021" or "2019–21" after a cue, as the year
// it starts with.
func (m *matcher) matchYearRange(i int) int {
	s := m.str(i)
	if len(s) < 7 {
		return i
	}
	y, ok := yearNumber(s[:4], minBareYear)
	if !ok || !m.yearLicensed(i) {
		return i
	}
	rest := s[4:]
	switch {
	case strings.HasPrefix(rest, "-"):
		rest = rest[1:]
	case strings.HasPrefix(rest, "–"):
		rest = rest[len("–"):]
	default:
		return i
	}
	if len(rest) != 2 && len(rest) != 4 {
		return i
	}
	for k := 0; k < len(rest); k++ {
		if !isDigit(rest[k]) {
			return i
		}
	}
	return m.emit(i, i+1, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionYear, "year_range")
}

// count reads a count of units at token i: digits ("3", "1,000"), a
// number word ("two", "twenty-five"), an article ("a", "an") or a vague
// count ("several", "a few", "a couple of"). It returns the value, its
// kind and the token after it.
func (m *matcher) count(i int) (n int, kind uint8, next int, ok bool) {
	t := &m.toks[i]
	switch t.kind {
	case kNum:
		s := m.str(i)
		v := 0
		for k := 0; k < len(s); k++ {
			c := s[k]
			switch {
			case isDigit(c):
				if v > 1_000_000 {
					return 0, 0, 0, false
				}
				v = v*10 + int(c-'0')
			case c == ',':
			default:
				return 0, 0, 0, false
			}
		}
		return v, numExact, i + 1, true
	case kWord:
		if t.hyphen {
			v, ok := m.compoundNumber(m.str(i))
			return v, numExact, i + 1, ok
		}
		e := m.tokEntry(i)
		if e == nil || e.numKind == numNone {
			return 0, 0, 0, false
		}
		if e.numKind == numArticle {
			if ne := m.entry(i + 1); ne != nil && ne.numKind == numVague {
				j := i + 2
				if strings.EqualFold(m.str(i+1), "couple") && m.entry(j) != nil && strings.EqualFold(m.str(j), "of") {
					j++
				}
				return 0, numVague, j, true
			}
		}
		return int(e.num), e.numKind, i + 1, true
	}
	return 0, 0, 0, false
}

// compoundNumber reads "twenty-five".
func (m *matcher) compoundNumber(s string) (int, bool) {
	total := 0
	for part := range strings.SplitSeq(s, "-") {
		var buf [24]byte
		e := m.r.lookup(part, buf[:])
		if e == nil || e.numKind != numExact {
			return 0, false
		}
		total += int(e.num)
	}
	return total, true
}

// matchCount matches a count followed by a unit: "two days ago", "3 weeks
// ago", "for a month", "30 years", "several days".
func (m *matcher) matchCount(i int) int {
	n, kind, j, ok := m.count(i)
	if !ok {
		return i
	}
	ue := m.entry(j)
	if ue == nil || ue.unit == uNone {
		return i
	}
	u := ue.unit
	next := j + 1
	if m.cue(next, cAgo) {
		if kind == numVague || n <= 0 {
			return next + 1
		}
		if !m.has {
			return next + 1
		}
		if v, p, ok := m.ago(n, u); ok {
			return m.emit(i, next+1, v, p, "ago")
		}
		return next + 1
	}
	if w := m.entry(next); w != nil {
		switch strings.ToLower(m.str(next)) {
		case "later", "earlier", "before", "after":
			// Relative to an event of the story, not to the anchor.
			return next + 1
		}
	}
	if u == uHour && militaryTime(m.str(i)) {
		// "at 2023 hours" is a time of day.
		return next
	}
	if kind == numArticle && !m.cue(i-1, cDurPrep) {
		return i
	}
	return m.emit(i, j+1, time.Time{}, doc.PrecisionDuration, "duration")
}

// ago resolves "n units ago" against the anchor.
func (m *matcher) ago(n int, u unit) (time.Time, doc.Precision, bool) {
	a := m.anchor
	if n > 10000 {
		return time.Time{}, "", false
	}
	switch u {
	case uMinute, uHour:
		return a, doc.PrecisionDay, true
	case uDay:
		return a.AddDate(0, 0, -n), doc.PrecisionDay, true
	case uWeek, uFortnight:
		days := 7 * n
		if u == uFortnight {
			days = 14 * n
		}
		v, p := weekValue(monday(a.AddDate(0, 0, -days)))
		return v, p, true
	case uMonth:
		return monthStart(a, -n), doc.PrecisionMonth, true
	case uYear:
		return time.Date(a.Year()-n, 1, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionYear, true
	}
	// "a decade ago" says too little about the year to be a date.
	return time.Time{}, "", false
}

// matchCompound handles hyphenated tokens: "mid-September" (a cued month),
// "30-year", "decade-long", "three-day", "30-year-old" (durations) and
// "twenty-five" before a unit.
func (m *matcher) matchCompound(i int) int {
	s := m.str(i)
	var buf [24]byte
	hasUnit, allOK := false, true
	first := ""
	nparts := 0
	var monthEntry *entry
	for part := range strings.SplitSeq(s, "-") {
		nparts++
		if nparts == 1 {
			first = part
		}
		if part == "" {
			allOK = false
			continue
		}
		if isDigit(part[0]) {
			for k := 0; k < len(part); k++ {
				if !isDigit(part[k]) && part[k] != ',' {
					allOK = false
				}
			}
			continue
		}
		e := m.r.lookup(part, buf[:])
		switch {
		case e == nil:
			allOK = false
		case e.unit != uNone:
			hasUnit = true
		case e.numKind == numExact || e.numKind == numVague || e.cues&cDurSuffix != 0:
		case nparts == 2 && e.month > 0 && len(part) > 0 && part[0] >= 'A' && part[0] <= 'Z':
			monthEntry = e
		default:
			allOK = false
		}
	}
	if monthEntry != nil && nparts == 2 {
		switch strings.ToLower(first) {
		case "mid", "early", "late", "end":
			return m.matchCuedMonth(i, monthEntry)
		}
		return i
	}
	if hasUnit && allOK && nparts >= 2 {
		return m.emit(i, i+1, time.Time{}, doc.PrecisionDuration, "duration_compound")
	}
	if !hasUnit {
		// "twenty-five days ago".
		if _, ok := m.compoundNumber(s); ok {
			return m.matchCount(i)
		}
	}
	return i
}

// matchCuedMonth resolves "mid-September" and "mid-September 2023".
func (m *matcher) matchCuedMonth(i int, e *entry) int {
	mo := time.Month(e.month)
	if y, k, ok := m.yearAt(i+1, true); ok && !m.isPunct(i+1, ',') {
		return m.emit(i, k, time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionMonth, "month_year")
	}
	if !m.has {
		return i + 1
	}
	y, am := m.anchor.Year(), m.anchor.Month()
	if m.tense(i, i+1) == future {
		if mo < am {
			y++
		}
		return m.emit(i, i+1, time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionMonth, "month_future")
	}
	if mo > am {
		y--
	}
	return m.emit(i, i+1, time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), doc.PrecisionMonth, "month_past")
}

// militaryTime reports whether s is a four-digit 24-hour clock time such
// as "0600" or "2023".
func militaryTime(s string) bool {
	h, ok1 := twoDigits(s[:min(2, len(s))])
	mi, ok2 := twoDigits(s[min(2, len(s)):])
	return len(s) == 4 && ok1 && ok2 && h < 24 && mi < 60
}
