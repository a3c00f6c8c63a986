// Package dict loads dateline's actor dictionaries (data/actors/*.tsv) and
// any user dictionaries given with --dict into one immutable lookup
// structure that the actor recognizer shares across workers.
//
// Every phrase is keyed by its case-folded form (see Key): lower case,
// words separated by single spaces, typographic apostrophes folded to '.
// That is the form the recognizer cuts from the document's lower-case
// copy, so a lookup allocates nothing.
//
// The recognizer's lookups go through small hand-written open-addressing
// tables (wordtable.go) rather than Go maps. In the pipeline the actor
// stage runs just after the tagger has filled the caches with its
// weights, and a map lookup there costs several cache misses: the slot,
// then the key's bytes elsewhere on the heap, with large values spreading
// slots over many lines. Compact slots halved that cost, which is what
// keeps actor resolution within its budget of the text layer's time. No
// library offers a read-only string table with inline keys; the maps stay
// for loading and for the less frequent lookups.
//
// A word index (actor.WordIndex) says in one probe whether a word may
// begin a name, end a role, or be a role or demonym by itself, and how
// many tokens such entries span, so the recognizer probes only the
// phrase lengths some entry has.
//
// Each coded entry carries its evidence: Rule is "file:line" of the
// dictionary line that produced it ("actors/countries.tsv:31"), so an
// output field can always be traced to the entry that decided it.
//
// A Dict satisfies actor.Dictionary. It is immutable after Load and safe
// for concurrent use; callers must not modify the slices it returns.
package dict

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/dateline-project/dateline/internal/actor"
)

// Entry is one coding of a phrase.
type Entry struct {
	actor.Coding
	// From and To bound a person's role (To is the last day, inclusive);
	// the zero time leaves that side open.
	From, To time.Time
	// Office is a person's role as written in persons.tsv ("president").
	Office string
	// User is set for entries from a user dictionary (--dict).
	User bool
}

// ValidAt reports whether the entry holds at t. Entries without dates
// hold at all times.
func (e *Entry) ValidAt(t time.Time) bool {
	if !e.From.IsZero() && t.Before(e.From) {
		return false
	}
	if !e.To.IsZero() && !t.Before(e.To.AddDate(0, 0, 1)) {
		return false
	}
	return true
}

// Country is one row of countries.tsv.
type Country struct {
	Code           string // ISO 3166-1 alpha-3, or XKX for Kosovo
	Alpha2         string
	Name           string
	Aliases        []string
	Demonyms       []string
	DemonymPlurals []string
	Capitals       []string
	Metonyms       []string // as written, without any =SECTOR suffix
	Rule           string
}

// Counts says how much a Dict holds, for logs and reports.
type Counts struct {
	Countries, Orgs, PRE, Persons, Roles, Discards int
	// Keys is the number of distinct phrase keys (names, aliases,
	// demonyms, capitals, metonyms, seats, person names).
	Keys int
	// UserEntries counts lines read from user dictionaries.
	UserEntries int
}

// Dict is the loaded dictionaries. Build it with Load, LoadDefault or New.
type Dict struct {
	phrases map[string][]Entry
	exact   map[string][]Entry // case-sensitive acronyms ("WHO", "IS")
	roles   map[string]actor.Role
	// words holds what each single word may be, for actor.WordIndex.
	words *wordTable
	// roleTab and phraseTab hold roles and phrases again for the
	// recognizer's lookups (see keyTable).
	roleTab    *keyTable[actor.Role]
	phraseTab  *keyTable[[]Entry]
	discardTab *keyTable[struct{}]
	discards   map[string]struct{}
	countries  map[string]*Country
	maxWords   int
	counts     Counts
}

var _ actor.Dictionary = (*Dict)(nil)

// LookupName returns every coding of a case-folded phrase, best first:
// user entries before embedded ones, then countries, partially recognised
// entities and organisations in file order, then persons with the latest
// role first. The result is shared; do not modify it.
func (d *Dict) LookupName(key string) []Entry { return d.phrases[key] }

// LookupExact returns the codings of a case-sensitive surface form:
// acronyms such as "WHO" or "IS" that are ordinary words in lower case and
// so are kept out of LookupName. A recognizer calls it for all-capital
// tokens.
func (d *Dict) LookupExact(surface string) []Entry { return d.exact[surface] }

// Exact codes an acronym written exactly as the dictionary spells it
// ("WHO", "IS"); it makes Dict an actor.ExactDictionary.
func (d *Dict) Exact(surface string) (actor.Coding, bool) {
	if es := d.exact[surface]; len(es) > 0 {
		return es[0].Coding, true
	}
	return actor.Coding{}, false
}

// Phrase implements actor.Dictionary: the best coding of a phrase.
func (d *Dict) Phrase(key string) (actor.Coding, bool) {
	if es := d.phraseTab.get(key); es != nil && len(*es) > 0 {
		return (*es)[0].Coding, true
	}
	return actor.Coding{}, false
}

// WordInfo implements actor.WordIndex. Words with non-ASCII bytes may
// always start a name, since their folding may differ from the key's.
func (d *Dict) WordInfo(word string) actor.WordInfo {
	wi := d.words.get(word)
	const starts = actor.WordStartsName | actor.WordStartsDiscard
	if wi.Flags&(starts|actor.WordInRole) != starts|actor.WordInRole {
		for i := 0; i < len(word); i++ {
			if c := word[i]; c >= 0x80 {
				wi.Flags |= starts | actor.WordInRole
				wi.NameWords = actor.Unbounded
				break
			} else if c < 'a' || c > 'z' {
				wi.Flags |= actor.WordInRole
			}
		}
	}
	return wi
}

// PhraseAt is Phrase for a document dated t: where the phrase names
// people whose roles are dated, the one holding at t wins. It makes Dict
// an actor.DatedDictionary.
func (d *Dict) PhraseAt(key string, t time.Time) (actor.Coding, bool) {
	p := d.phraseTab.get(key)
	if p == nil || len(*p) == 0 {
		return actor.Coding{}, false
	}
	es := *p
	if !t.IsZero() && es[0].Kind == actor.KindPerson {
		if e, ok := personAt(es, t); ok {
			return e.Coding, true
		}
	}
	return es[0].Coding, true
}

// PhraseAlternatives returns the codings of the organisations a phrase
// names when it names more than one (an acronym two of them share), in
// the order the files list them, the default first; nil otherwise. It
// makes Dict an actor.AmbiguousDictionary.
func (d *Dict) PhraseAlternatives(key string) []actor.Coding {
	p := d.phraseTab.get(key)
	if p == nil || len(*p) < 2 {
		return nil
	}
	var out []actor.Coding
	for i := range *p {
		if e := &(*p)[i]; e.Kind == actor.KindOrg {
			out = append(out, e.Coding)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// PersonAt returns the coding of a person's name or alias that holds at t,
// for names whose role changes over time ("Putin" was prime minister
// before he was president). Without a dated match it returns the first
// undated one.
func (d *Dict) PersonAt(key string, t time.Time) (Entry, bool) { return personAt(d.phrases[key], t) }

func personAt(es []Entry, t time.Time) (Entry, bool) {
	for i := range es {
		if e := &es[i]; e.Kind == actor.KindPerson && e.ValidAt(t) {
			return *e, true
		}
	}
	return Entry{}, false
}

// Role implements actor.Dictionary: a role noun, singular or plural.
func (d *Dict) Role(key string) (actor.Role, bool) {
	if r := d.roleTab.get(key); r != nil {
		return *r, true
	}
	return actor.Role{}, false
}

// IsDiscard reports phrases that must never become actors.
func (d *Dict) IsDiscard(key string) bool {
	return d.discardTab.get(key) != nil
}

// Discard implements actor.Dictionary.
func (d *Dict) Discard(key string) bool { return d.IsDiscard(key) }

// MaxPhraseWords is an upper bound on the number of tokens in any phrase
// or role key, for greedy longest-match over tokens. Punctuation inside a
// key ("washington, d.c.") counts as a token of its own.
func (d *Dict) MaxPhraseWords() int { return d.maxWords }

// MaxWords implements actor.Dictionary; it is MaxPhraseWords.
func (d *Dict) MaxWords() int { return d.maxWords }

// Country returns a country by ISO 3166-1 alpha-3 code (or XKX).
func (d *Dict) Country(code string) (Country, bool) {
	c, ok := d.countries[code]
	if !ok {
		return Country{}, false
	}
	return *c, true
}

// IsCountryCode reports whether code is a country the dictionaries know.
func (d *Dict) IsCountryCode(code string) bool {
	_, ok := d.countries[code]
	return ok
}

// Counts reports how much the dictionary holds.
func (d *Dict) Counts() Counts { return d.counts }

// Countries returns every country, sorted by code; a fresh slice each call.
func (d *Dict) Countries() []Country {
	out := make([]Country, 0, len(d.countries))
	for _, c := range d.countries {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b Country) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// Codes returns the codes this dictionary can give an actor: every
// country code (alpha-3, mapped to its alpha-2; the international codes
// map to "") and every sector code its entries and roles use, sorted,
// the PLOVER sectors included. The API checks filter values against them.
func (d *Dict) Codes() (countries map[string]string, sectors []string) {
	countries = make(map[string]string, len(d.countries)+len(International))
	for code, c := range d.countries {
		countries[code] = c.Alpha2
	}
	for code := range International {
		countries[code] = ""
	}
	seen := map[string]bool{}
	for s := range Sectors {
		seen[s] = true
	}
	add := func(c actor.Coding) {
		for _, s := range append([]string{c.Sector}, c.Others...) {
			if s != "" {
				seen[s] = true
			}
		}
		if _, ok := countries[c.Country]; c.Country != "" && !ok {
			countries[c.Country] = ""
		}
	}
	for _, m := range []map[string][]Entry{d.phrases, d.exact} {
		for _, es := range m {
			for _, e := range es {
				add(e.Coding)
			}
		}
	}
	for _, r := range d.roles {
		add(actor.Coding{Sector: r.Sector, Others: r.Others, Country: r.Country})
	}
	return countries, slices.Sorted(maps.Keys(seen))
}
