package when

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/dateline-project/dateline/internal/lang/en"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/lexicon"
)

// cue kinds, as bits of entry.cues; names as in data/time/cues.tsv.
const (
	cPrep uint32 = 1 << iota
	cDet
	cJoin
	cLast
	cNext
	cThis
	cDurPrep
	cQty
	cDurSuffix
	cAgo
	cFuture
	cFutureTo
	cPast
	cAux
	cNotPast
	cClause
	cCountPrep
	cBound
)

var cueKinds = map[string]uint32{
	"prep": cPrep, "det": cDet, "join": cJoin, "last": cLast, "next": cNext,
	"this": cThis, "durprep": cDurPrep, "qty": cQty, "dursuffix": cDurSuffix,
	"ago": cAgo, "future": cFuture, "future_to": cFutureTo, "past": cPast,
	"aux": cAux, "notpast": cNotPast, "clause": cClause, "countprep": cCountPrep,
	"bound": cBound,
}

// time units, as in data/time/units.tsv.
type unit uint8

const (
	uNone unit = iota
	uMinute
	uHour
	uDay
	uWeek
	uFortnight
	uMonth
	uYear
	uDecade
	uCentury
)

var unitNames = map[string]unit{
	"minute": uMinute, "hour": uHour, "day": uDay, "week": uWeek,
	"fortnight": uFortnight, "month": uMonth, "year": uYear, "decade": uDecade,
	"century": uCentury,
}

// number kinds, as in data/time/numbers.tsv.
const (
	numNone uint8 = iota
	numExact
	numArticle
	numVague
)

// entry is everything the lexicons say about one lower-case word.
type entry struct {
	month     int8 // 1-12, 0 when not a month
	monthAbbr bool
	weekday   int8 // 1-7 (Sunday = 1, i.e. time.Weekday+1), 0 when not a weekday
	wdayAbbr  bool
	numKind   uint8
	num       int16
	unit      unit
	cues      uint32
	street    bool     // names a kind of street ("st", "avenue"): see streets.tsv
	phrases   []phrase // relative phrases that start with this word, longest first
}

// phrase is a relative expression from relative.tsv.
type phrase struct {
	words  []string // lower case; words[0] is the entry's own word
	unit   unit
	offset int
	rule   string
}

// Resolver holds the word tables. It is immutable after NewResolver and
// safe for concurrent use; each worker makes its own Stage from it.
type Resolver struct {
	words   map[string]int32 // index into entries
	entries []entry
	maxWord int // longest word in words, in bytes
	// filter has bit (last letter) set in filter[len][first letter] for
	// every word, so that most words of a text skip the map lookup.
	filter [maxFilterLen + 3][26]uint32
}

// maxFilterLen is the longest word the filter covers; longer lexicon
// words would make NewResolver fail its own check.
const maxFilterLen = 16

// NewResolver loads the word lists in data/time.
func NewResolver() (*Resolver, error) { return newResolver(data.FS) }

// newResolver loads the word lists from fsys, which holds them under
// time/ as data.FS does.
func newResolver(fsys fs.FS) (*Resolver, error) {
	r := &Resolver{}
	tmp := map[string]*entry{}
	get := func(w string) *entry {
		e := tmp[w]
		if e == nil {
			e = &entry{}
			tmp[w] = e
		}
		return e
	}
	atoi := func(rec lexicon.Record, col string, lo, hi int) (int, error) {
		n, err := strconv.Atoi(rec.Get(col))
		if err != nil || n < lo || n > hi {
			return 0, rec.Errorf("%s %q is not a number in [%d, %d]", col, rec.Get(col), lo, hi)
		}
		return n, nil
	}
	word := func(rec lexicon.Record, col string) (string, error) {
		w := rec.Get(col)
		if w == "" || w != strings.ToLower(w) {
			return "", rec.Errorf("%s %q must be non-empty lower case", col, w)
		}
		return w, nil
	}
	form := func(rec lexicon.Record) (bool, error) {
		switch rec.Get("form") {
		case "full":
			return false, nil
		case "abbr":
			return true, nil
		}
		return false, rec.Errorf("form %q is neither full nor abbr", rec.Get("form"))
	}

	// Month and weekday names are closed-class English (package en).
	for w, m := range en.Months() {
		_, abbr, _ := en.Month(w)
		e := get(w)
		e.month, e.monthAbbr = int8(m), abbr
	}
	for w, d := range en.Weekdays() {
		_, abbr, _ := en.Weekday(w)
		e := get(w)
		e.weekday, e.wdayAbbr = int8(d+1), abbr
	}

	err := lexicon.ReadFile(fsys, "time/numbers.tsv", []string{"word", "value", "kind"}, func(rec lexicon.Record) error {
		w, err := word(rec, "word")
		if err != nil {
			return err
		}
		n, err := atoi(rec, "value", 0, 1000)
		if err != nil {
			return err
		}
		e := get(w)
		switch rec.Get("kind") {
		case "exact":
			e.numKind = numExact
		case "article":
			e.numKind = numArticle
		case "vague":
			e.numKind = numVague
		default:
			return rec.Errorf("kind %q is not exact, article or vague", rec.Get("kind"))
		}
		e.num = int16(n)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load numbers: %w", err)
	}

	err = lexicon.ReadFile(fsys, "time/units.tsv", []string{"word", "unit"}, func(rec lexicon.Record) error {
		w, err := word(rec, "word")
		if err != nil {
			return err
		}
		u, ok := unitNames[rec.Get("unit")]
		if !ok {
			return rec.Errorf("unknown unit %q", rec.Get("unit"))
		}
		get(w).unit = u
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load units: %w", err)
	}

	err = lexicon.ReadFile(fsys, "time/cues.tsv", []string{"word", "kinds"}, func(rec lexicon.Record) error {
		w, err := word(rec, "word")
		if err != nil {
			return err
		}
		kinds := rec.List("kinds")
		if len(kinds) == 0 {
			return rec.Errorf("no kinds")
		}
		e := get(w)
		for _, k := range kinds {
			bit, ok := cueKinds[k]
			if !ok {
				return rec.Errorf("unknown cue kind %q", k)
			}
			e.cues |= bit
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load cues: %w", err)
	}

	err = lexicon.ReadFile(fsys, "time/streets.tsv", []string{"word", "form"}, func(rec lexicon.Record) error {
		w, err := word(rec, "word")
		if err != nil {
			return err
		}
		if _, err := form(rec); err != nil {
			return err
		}
		get(w).street = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load street types: %w", err)
	}

	err = lexicon.ReadFile(fsys, "time/relative.tsv", []string{"phrase", "unit", "offset", "rule"}, func(rec lexicon.Record) error {
		p, err := word(rec, "phrase")
		if err != nil {
			return err
		}
		u, ok := unitNames[rec.Get("unit")]
		if !ok || (u != uDay && u != uWeek && u != uMonth && u != uYear) {
			return rec.Errorf("unit %q is not day, week, month or year", rec.Get("unit"))
		}
		off, err := atoi(rec, "offset", -10, 10)
		if err != nil {
			return err
		}
		rule := rec.Get("rule")
		if rule == "" {
			return rec.Errorf("no rule")
		}
		words := strings.Fields(p)
		e := get(words[0])
		e.phrases = append(e.phrases, phrase{words: words, unit: u, offset: off, rule: rule})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load relative phrases: %w", err)
	}
	r.words = make(map[string]int32, len(tmp))
	r.entries = make([]entry, 0, len(tmp))
	for w, e := range tmp {
		sort.SliceStable(e.phrases, func(i, j int) bool { return len(e.phrases[i].words) > len(e.phrases[j].words) })
		first, last := w[0], w[len(w)-1]
		if len(w) > maxFilterLen || first < 'a' || first > 'z' || last < 'a' || last > 'z' {
			return nil, fmt.Errorf("load time words: %q is longer than %d bytes or does not start and end with a letter", w, maxFilterLen)
		}
		r.filter[len(w)][first-'a'] |= 1 << (last - 'a')
		if strings.Contains(w, "'") {
			// Written with ’, which is two bytes longer.
			r.filter[len(w)+2][first-'a'] |= 1 << (last - 'a')
		}
		r.words[w] = int32(len(r.entries))
		r.entries = append(r.entries, *e)
		r.maxWord = max(r.maxWord, len(w))
	}
	return r, nil
}

// lookup returns the entry of a word given in any case, or nil.
func (r *Resolver) lookup(w string, buf []byte) *entry {
	if i := r.lookupIndex(w, buf); i > 0 {
		return &r.entries[i-1]
	}
	return nil
}

// lookupIndex returns 1 + the index in r.entries of a word given in any
// case, or 0, without allocating. buf is scratch space of at least
// r.maxWord bytes.
func (r *Resolver) lookupIndex(w string, buf []byte) int32 {
	// The filter on the raw length and the case-folded first and last
	// bytes rejects most words before any copying or hashing.
	if len(w) == 0 || len(w) > maxFilterLen+2 {
		return 0
	}
	first, last := w[0]|0x20, w[len(w)-1]|0x20
	if first < 'a' || first > 'z' || last < 'a' || last > 'z' || r.filter[len(w)][first-'a']&(1<<(last-'a')) == 0 {
		return 0
	}
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c >= 0x80:
			// The curly apostrophe of "won’t" is the only non-ASCII
			// character any lexicon word needs.
			if strings.HasPrefix(w[i:], "’") {
				c = '\''
				i += len("’") - 1
			} else {
				return 0
			}
		}
		if n >= len(buf) {
			return 0
		}
		buf[n] = c
		n++
	}
	if i, ok := r.words[string(buf[:n])]; ok {
		return i + 1
	}
	return 0
}
