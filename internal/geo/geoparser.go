// Package geo finds place names in documents and resolves them against the
// offline gazetteer (package gazetteer), filling doc.Doc.Places.
//
// Finding is a longest match of capitalised token runs against the
// gazetteer's folded names, so "Nagorno-Karabakh" and "Jammu and Kashmir"
// win over their parts. Resolution scores every candidate entry of a name
// by what a reader would use: the kind of feature (a country or a capital
// before a village), its population, the document's country focus (the
// dateline country and the countries it names), a qualifier that follows
// ("Paris, Texas"; "Victoria, Seychelles"), a cue word ("the state of
// Victoria", "Donetsk region") and nearness to the places it has already
// resolved. Each Place records the rule that decided it. A name whose
// qualifier rules out every place of that name the gazetteer holds
// ("Stroud, Ontario", a hamlet below its population floor) is coded as
// the qualifying division, with the rule "qualifier_only".
package geo

import (
	"context"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/actor"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/geo/gazetteer"
	"github.com/dateline-project/dateline/internal/lang/en"
)

// Name is the stage name.
const Name = "geo"

// Geoparser is the pipeline stage. It keeps scratch buffers, so each worker
// needs its own; they can share one Gazetteer.
type Geoparser struct {
	g       *gazetteer.Gazetteer
	abbrev  *Abbreviations
	eponyms *EponymHeads
	title   TitleFunc
	demonym DemonymFunc
	// demonyms are the document's demonym words outside toponyms, found
	// before resolution: they vote in the country focus, and are then
	// emitted as places of their own.
	demonyms []demonymHit
	// demonymMemo holds the demonym lookups of the words seen (see
	// tokenDemonym).
	demonymMemo map[string]demonymMemo
	// demonymPlaces is addDemonyms' scratch.
	demonymPlaces []doc.Place
	maxWords      int
	key           []byte
	nameKey       []byte
	mentions      []mention
	// The focus sums are indexed by the slot of a country code or an
	// admin-1 key (see slotOf): hashing the codes for every candidate
	// of every mention cost more than scoring them.
	slots map[string]int32
	focus []float64
	// focusAdmin weighs first-level divisions (GeoNames admin-1 keys) as
	// focus weighs countries.
	focusAdmin []float64
	// focusAdminCountry sums focusAdmin by the divisions' country: a
	// story about a region of a country is about that country too.
	focusAdminCountry []float64
	// own and ownAdmin hold one mention's vote while it is scored.
	own, ownAdmin, ownAdminCountry []float64
	// nameVote holds the size of each distinct name's focus vote, and
	// nameSense the entry its first mention resolved to, keyed by a hash
	// of the folded name.
	seed      maphash.Seed
	nameVote  map[uint64]float64
	nameSense map[uint64]int32
	anchors   []gazetteer.Entry
	// arena holds the document's decoded candidates, which the
	// mentions' cands slice: resolution reads every field of every
	// candidate several times, and decoding an entry from the
	// gazetteer's flat table each time cost more than the rest of it.
	arena []candidate
	// actors are the people and organisations of the document, by start,
	// and actorMaxLen the longest of them: with both, the overlap test of
	// a mention looks at a few neighbours, not every entity.
	actors      []doc.Entity
	actorMaxLen int
	// actorStarts are the actors' starts, for the binary searches:
	// searching the large Entity structs touched more memory.
	actorStarts []int
}

// DemonymFunc reports the country (ISO 3166-1 alpha-3) that a singular
// demonym or country adjective names, given its lower-case form
// ("turkish"); ok is false for any other word. The actor dictionaries
// hold the demonyms, so the coder passes their lookup in rather than keep
// a second list.
type DemonymFunc func(key string) (country string, ok bool)

// NewGeoparser returns a stage that resolves against g.
func NewGeoparser(g *gazetteer.Gazetteer) *Geoparser {
	return &Geoparser{g: g, maxWords: min(g.MaxNameWords(), 6), slots: map[string]int32{},
		seed: maphash.MakeSeed(), nameVote: map[uint64]float64{}, nameSense: map[uint64]int32{}}
}

// WithAbbreviations makes the stage read subdivision abbreviations after
// a place name ("Tampa, Fla.").
func (p *Geoparser) WithAbbreviations(a *Abbreviations) *Geoparser {
	p.abbrev = a
	return p
}

// WithEponymHeads sets the nouns after which a name is no place ("Marburg
// virus"); without them every such name is read as a place.
func (p *Geoparser) WithEponymHeads(h *EponymHeads) *Geoparser {
	p.eponyms = h
	return p
}

// TitleFunc reports whether a word is a title that stands before a
// person's name ("Queen", "President", "Gen.").
type TitleFunc func(word string) bool

// WithTitles makes the stage read a name straight after a capitalised
// title as a person's ("Queen Elizabeth", "President Lincoln"), not a
// place; without it such names are read as places.
func (p *Geoparser) WithTitles(f TitleFunc) *Geoparser {
	p.title = f
	return p
}

// WithDemonyms makes the stage emit demonyms and country adjectives as
// places of kind doc.PlaceDemonym.
func (p *Geoparser) WithDemonyms(f DemonymFunc) *Geoparser {
	p.demonym = f
	return p
}

// Name implements pipeline.Stage.
func (p *Geoparser) Name() string { return Name }

// Requires implements pipeline.Stage.
func (p *Geoparser) Requires() []doc.Layer {
	return []doc.Layer{doc.LayerText, doc.LayerMeta, doc.LayerEntities}
}

// Provides implements pipeline.Stage.
func (p *Geoparser) Provides() []doc.Layer { return []doc.Layer{doc.LayerPlaces} }

// mention is a matched span and its candidates.
type mention struct {
	doc.Span
	first, end int // token range
	cands      []candidate
	best       int // index into cands, -1 unresolved
	score      float64
	second     float64
	rule       string
	// embedded marks a name inside an organisation's name.
	embedded bool
	// name is the hash of the folded name, set by resolve.
	// outside marks a name with a qualifier (", X", the next mention)
	// none of whose places lies in what the qualifier names: the place
	// is one the gazetteer does not hold ("Stroud, Ontario", a hamlet
	// below cities500's floor), set by resolve.
	outside bool
	name    uint64
}

// candidate is one gazetteer entry that a mention may name, decoded once
// per document.
type candidate struct {
	gazetteer.Entry
	// idx is the entry's index for gazetteer.Entry.
	idx int32
	// prior is the entry's feature-and-population prior (see prior);
	// weight is its share of its mention's focus vote (see votes).
	prior, weight float64
	// country and admin1 are the slots of CountryCode and Admin1 in
	// the focus sums, set by resolve.
	country, admin1 int32
}

// decode returns the candidates of the entries idx, decoded into the
// document's arena. The result's capacity is its length, so that
// appending to it never overwrites a neighbour.
func (p *Geoparser) decode(idx []int32) []candidate {
	start := len(p.arena)
	for _, k := range idx {
		e := p.g.Entry(k)
		p.arena = append(p.arena, candidate{Entry: e, idx: k, prior: prior(&e)})
	}
	return p.arena[start:len(p.arena):len(p.arena)]
}

// Process implements pipeline.Stage. It replaces d.Places.
func (p *Geoparser) Process(ctx context.Context, d *doc.Doc) error {
	p.mentions = p.mentions[:0]
	// The previous document's mentions are gone, and with them every
	// slice of the arena.
	p.arena = p.arena[:0]
	d.Places = d.Places[:0]
	if len(d.Tokens) == 0 {
		return nil
	}
	p.indexActors(d)
	p.find(d)
	p.coordinate(d)
	p.findDemonyms(d)
	if len(p.mentions) > 0 {
		p.resolve(d)
	}
	for i := range p.mentions {
		m := &p.mentions[i]
		if m.best < 0 {
			continue
		}
		e := m.cands[m.best].Entry
		conf := pointSharpness(e)
		if len(m.cands) > 1 {
			conf *= 1 / (1 + math.Exp(-(m.score - m.second)))
		}
		rule := m.rule
		if q, ok := p.container(i); ok {
			// A place known only by the division its qualifier names
			// is coded as that division, as ACLED codes a village it
			// cannot find at the level of its province (geo-precision
			// 3), rather than as a namesake abroad.
			e, conf, rule = q, pointSharpness(q), "qualifier_only"
		}
		d.Places = append(d.Places, doc.Place{
			Span: m.Span, Name: e.Name, GeonameID: e.ID, Feature: e.Feature, CountryCode: e.CountryCode,
			Admin1: e.Admin1, Lat: e.Lat, Lon: e.Lon, Confidence: math.Round(conf*100) / 100, Rule: rule,
			Embedded: m.embedded,
		})
	}
	p.addDemonyms(d)
	return nil
}

// container returns the country or first-level division that the
// qualifier of mention i resolved to, when mention i is outside it.
func (p *Geoparser) container(i int) (gazetteer.Entry, bool) {
	if !p.mentions[i].outside || i+1 >= len(p.mentions) || p.mentions[i+1].best < 0 {
		return gazetteer.Entry{}, false
	}
	q := p.mentions[i+1]
	e := q.cands[q.best].Entry
	return e, e.Feature == gazetteer.Country || e.Feature == gazetteer.Admin1
}

// coordinate reads the names of a list as places of one level: in
// "Mexico, China, Japan and Brazil" every name is a country (not the
// Japanese town called China), in "Georgia, Oklahoma and Ohio" every
// name a state. A list is three or more names joined by commas, "and"
// or "or", or two joined by "and" or "or" (two joined by a comma are a
// place and its qualifier, "Paris, Texas"). When every name of a list
// has a country reading, each keeps its country readings alone; else,
// when every name has a first-level division reading, those.
func (p *Geoparser) coordinate(d *doc.Doc) {
	for i := 0; i < len(p.mentions); {
		j, worded := i, false
	list:
		for j+1 < len(p.mentions) {
			switch d.Text[p.mentions[j].End:p.mentions[j+1].Start] {
			case ", ":
			case " and ", " or ", ", and ", ", or ":
				worded = true
			default:
				break list
			}
			j++
		}
		if n := j - i + 1; n >= 3 || n == 2 && worded {
			p.oneLevel(d, p.mentions[i:j+1])
		}
		i = j + 1
	}
}

// oneLevel restricts the candidates of ms to the first of country and
// first-level division that every mention has.
func (p *Geoparser) oneLevel(d *doc.Doc, ms []mention) {
	for _, level := range []string{gazetteer.Country, gazetteer.Admin1} {
		of := func(c *candidate) bool { return c.Feature == level }
		// Cities that share their names with their states or
		// provinces ("Lagos, Abuja and Kano") are what a list of such
		// names means: a list is read as divisions only when one of
		// its names is no well-known town by that very name ("New
		// York, Ontario and New Brunswick").
		city := func(c *candidate) bool {
			return c.IsPopulated() && c.Population >= wellKnownPopulation && p.mainName(&c.Entry)
		}
		all, cities := true, 0
		for i := range ms {
			p.key = gazetteer.Fold(p.key[:0], d.Text[ms[i].Start:ms[i].End])
			if !anyCand(ms[i].cands, of) {
				all = false
				break
			}
			if anyCand(ms[i].cands, city) {
				cities++
			}
		}
		if level == gazetteer.Admin1 && cities == len(ms) {
			all = false
		}
		if !all {
			continue
		}
		for i := range ms {
			ms[i].cands = keepCands(ms[i].cands, func(c *candidate) bool { return c.Feature == level })
		}
		return
	}
}

// pointSharpness is how well one point stands for a place of e's kind:
// a town is where its point is, but a country or a continent spans
// hundreds or thousands of kilometres, and references disagree on the
// point that stands for it (GeoNames, Wikipedia and the CIA Factbook put
// the United States' centre 200-350 km apart). Confidence is the chance
// that the point is right, so it carries this factor.
func pointSharpness(e gazetteer.Entry) float64 {
	switch {
	case e.IsPopulated(), e.Feature == gazetteer.Admin2:
		return 1
	case e.Feature == gazetteer.Admin1:
		return 0.85
	case e.Feature == gazetteer.Country:
		return 0.75
	}
	// Continents, regions, seas.
	return 0.6
}

// demonymHit is a demonym word and the country it names.
type demonymHit struct {
	doc.Span
	country gazetteer.Entry
}

// findDemonyms fills p.demonyms with each capitalised word outside the
// toponyms found that the demonym lookup knows ("Turkish troops", "a
// Syrian town").
func (p *Geoparser) findDemonyms(d *doc.Doc) {
	p.demonyms = p.demonyms[:0]
	if p.demonym == nil {
		return
	}
	next := 0 // the first mention not wholly before the current token
	for i, t := range d.Tokens {
		if t.Kind != doc.Word || !t.Upper || t.End-t.Start > maxDemonymLen {
			continue
		}
		for next < len(p.mentions) && p.mentions[next].End <= t.Start {
			next++
		}
		if next < len(p.mentions) && p.mentions[next].Start < t.End {
			continue
		}
		cc, ok := p.tokenDemonym(d, i)
		if !ok {
			continue
		}
		if e, ok := p.g.Country(cc); ok {
			p.demonyms = append(p.demonyms, demonymHit{Span: t.Span, country: e})
		}
	}
}

// addDemonyms adds a place of kind doc.PlaceDemonym for each demonym
// found: news geoparsing corpora annotate them as references to the
// country, and the kind lets consumers keep them apart from toponyms.
// Places stay in text order.
func (p *Geoparser) addDemonyms(d *doc.Doc) {
	n := len(d.Places)
	for _, h := range p.demonyms {
		e := h.country
		_, embedded := p.actorOverlap(h.Span)
		d.Places = append(d.Places, doc.Place{
			Span: h.Span, Name: e.Name, GeonameID: e.ID, Feature: e.Feature, CountryCode: e.CountryCode,
			Lat: e.Lat, Lon: e.Lon, Confidence: pointSharpness(e), Rule: "demonym", Kind: doc.PlaceDemonym, Embedded: embedded,
		})
	}
	if len(d.Places) == n {
		return
	}
	byStart := func(a, b doc.Place) int { return a.Start - b.Start }
	if !slices.IsSortedFunc(d.Places[:n], byStart) {
		slices.SortStableFunc(d.Places, byStart)
		return
	}
	p.demonymPlaces = mergeDemonyms(d.Places, n, p.demonymPlaces)
}

// mergeDemonyms puts places in the order of a stable sort by start when
// places[:n] and places[n:] are each in that order already, as the
// toponyms and the demonyms are: a merge from the back moves each place
// once, where a stable sort of these large structs costs more than the
// rest of addDemonyms. On equal starts the toponym stays first. It
// returns scratch, grown to hold the demonyms.
func mergeDemonyms(places []doc.Place, n int, scratch []doc.Place) []doc.Place {
	i, j := n-1, len(places)-1
	if i < 0 || places[i].Start <= places[n].Start {
		return scratch
	}
	// The demonyms move aside, so that the toponyms can shift into
	// their slots.
	dem := append(scratch[:0], places[n:]...)
	for k := len(places) - 1; j >= n; k-- {
		if i >= 0 && places[i].Start > dem[j-n].Start {
			places[k] = places[i]
			i--
		} else {
			places[k] = dem[j-n]
			j--
		}
	}
	return dem
}

// sentenceEnds returns, for token i, the end of its sentence.
func sentenceEnd(d *doc.Doc, i int, s *int) int {
	for *s < len(d.Sentences) && d.Sentences[*s].EndToken <= i {
		(*s)++
	}
	if *s < len(d.Sentences) {
		return d.Sentences[*s].EndToken
	}
	return len(d.Tokens)
}

// patronSaint reports a capitalised run [i, last] that opens with a
// saint's title ("St.", "Saint") and names the patron of a place of
// worship or a feast (eponym_heads.tsv, kind dedication): such a noun
// ends the run or follows it, after a possessive too ("St. Patrick's
// Day"), or stands before it with "of" ("the church of St. Peter and St.
// Paul").
func (p *Geoparser) patronSaint(d *doc.Doc, i, last, send int) bool {
	if p.eponyms == nil || !saintTitle(d.Text[d.Tokens[i].Start:d.Tokens[i].End]) {
		return false
	}
	end := last + 1
	if end < send && en.IsPossessiveClitic(d.Text[d.Tokens[end].Start:d.Tokens[end].End]) {
		end++ // "St. Patrick's Day", "St Paul's Cathedral"
	}
	for k := i + 1; k <= end && k < send; k++ {
		if p.eponyms.dedication(d.Text[d.Tokens[k].Start:d.Tokens[k].End]) {
			return true
		}
	}
	return i >= 2 && strings.EqualFold(d.Text[d.Tokens[i-1].Start:d.Tokens[i-1].End], "of") &&
		p.eponyms.dedication(d.Text[d.Tokens[i-2].Start:d.Tokens[i-2].End])
}

// saintTitle reports the title of a saint as written before the name.
func saintTitle(w string) bool {
	switch w {
	case "St", "St.", "Saint", "ST", "ST.", "SAINT", "Ste", "Ste.", "Sainte":
		return true
	}
	return false
}

// find fills p.mentions with the longest gazetteer matches of capitalised
// token runs.
func (p *Geoparser) find(d *doc.Doc) {
	toks := d.Tokens
	sent := 0
	for i := 0; i < len(toks); {
		if p.abbreviationAt(d, i) {
			i++
			continue
		}
		if !p.canStart(d, i) {
			i++
			continue
		}
		send := sentenceEnd(d, i, &sent)
		matched := false
		// Try the longest window first; a window may hold joining tokens
		// (hyphens, "and", "of", "al") but must end on a capitalised word.
		words := 0
		last := i
		for j := i; j < send && words <= p.maxWords; j++ {
			if j > i && !p.canContinue(d, j) {
				if isHeadNoun(d, j) {
					last = j
				}
				break
			}
			if isCapWord(d, j) {
				words++
				last = j
			}
		}
		if p.patronSaint(d, i, last, send) {
			// "St. Mark's Cathedral", "the church of St. Peter": a
			// patron, not a town.
			i = last + 1
			continue
		}
		if next := last + 1; next < send && d.Tokens[next].Kind == doc.Word && d.Tokens[next].SpaceBefore &&
			p.eponyms.has(d.Text[d.Tokens[next].Start:d.Tokens[next].End]) {
			// "West Nile virus": the capitalised words name a disease,
			// none of them a place.
			i = next + 1
			continue
		}
		if last > i && p.eponyms.has(d.Text[d.Tokens[last].Start:d.Tokens[last].End]) {
			// "The Washington Post", "West Nile Fever": the head is
			// capitalised with the name it ends.
			i = last + 1
			continue
		}
		for j := last; j >= i; j-- {
			if !isCapWord(d, j) && !(j == last && j > i && isHeadNoun(d, j)) {
				continue
			}
			if j == i && last > i+1 && strings.EqualFold(d.Text[d.Tokens[i+1].Start:d.Tokens[i+1].End], "of") {
				// "the University of Nairobi", "the Port of Mombasa":
				// the word before "of" heads a name the gazetteer lacks,
				// and is no place of its own (a place so named, "Port of
				// Spain", matched the longer window).
				continue
			}
			if j == i && sentenceInitial(d, i) && !en.IsProperNounTag(d.Tokens[i].Tag) && !inDateline(d, i) {
				// "Voters", "Farmers" open sentences and name small towns.
				// A dateline opens its text in capitals and is a place.
				continue
			}
			start, end := toks[i].Start, toks[j].End
			if j == i && (compassWord(d.Text[start:end]) || p.isDemonym(d, i)) {
				// A demonym is read as one ("Canadian officials"), not
				// as the town that bears its name.
				continue
			}
			if j+1 < len(toks) && !toks[j+1].SpaceBefore && strings.HasPrefix(d.Text[toks[j+1].Start:], "$") {
				// A currency prefix: "US$4 million", "A$50".
				continue
			}
			blocked, embedded := p.actorOverlap(doc.Span{Start: start, End: end})
			if blocked {
				continue
			}
			p.key = gazetteer.Fold(p.key[:0], d.Text[start:end])
			idx := p.g.LookupKey(p.key)
			if len(idx) == 0 {
				continue
			}
			if i > 0 && p.title != nil && isCapWord(d, i-1) && p.title(d.Text[toks[i-1].Start:toks[i-1].End]) {
				// A title and a name are a person ("Queen Elizabeth
				// University Hospital", "President Lincoln"); a place
				// named with a title word ("Prince George") was
				// matched from the title word on.
				continue
			}
			mark := len(p.arena)
			c := p.decode(idx)
			if j+1 < len(toks) && isCapWord(d, j+1) && p.personAt(toks[j+1].Start) && !inDateline(d, i) && strings.ToUpper(d.Text[start:end]) != d.Text[start:end] {
				// A capitalised word straight before a person's name
				// is their title or first name ("King Abdullah",
				// "Paris Hilton"), unless it names a country or
				// division ("US President Joe Biden"), or is written in
				// capitals, as a dateline whose dash was lost is.
				c = wideReadings(c)
			}
			if j == i && !inDateline(d, i) && isAcronym(d.Text[start:end]) {
				c = p.acronymReadings(c)
			}
			if i > 0 && p.nameWord(d, i-1) {
				// After another capitalised word the name is part of
				// a longer one the gazetteer lacks ("Royal Alexandra
				// Hospital", "the Food and Drug Administration", "Air
				// Berlin"), as in an organisation's name.
				embedded = true
			}
			if len(c) > 0 && (!embedded || p.embeddable(c)) {
				p.mentions = append(p.mentions, mention{Span: doc.Span{Start: start, End: end}, first: i, end: j + 1, cands: c, best: -1, embedded: embedded})
				// Capitalised words straight after the match belong to
				// a longer name the gazetteer lacks ("Galle Face
				// Green"), not to a second place ("Green").
				i = j + 1
				for i <= last && isCapWord(d, i) {
					i++
				}
				matched = true
				break
			}
			p.arena = p.arena[:mark]
		}
		if !matched {
			if p.standaloneAbbreviationAt(d, i) {
				i = p.mentions[len(p.mentions)-1].end
				continue
			}
			p.hyphenParts(d, i)
			i++
		}
	}
}

// maxDemonymLen is the longest word, in bytes, looked up as a demonym.
const maxDemonymLen = 32

// demonymMemo is the answer of the demonym lookup for one key.
type demonymMemo struct {
	country string
	ok      bool
}

// maxDemonymMemo bounds the memo: past it, it starts afresh.
const maxDemonymMemo = 1 << 14

// tokenDemonym returns the country that token i names as a demonym, with
// its ASCII letters lower-cased for the lookup. find and findDemonyms ask
// about most capitalised words, and the same words recur from document
// to document, so answers are kept: the lookup takes a string, and
// lower-casing a word into a new one for every ask cost more than the
// lookup itself. The token must be at most maxDemonymLen bytes long, and
// p.demonym set.
func (p *Geoparser) tokenDemonym(d *doc.Doc, i int) (string, bool) {
	var buf [maxDemonymLen]byte
	key := buf[:0]
	for _, c := range []byte(d.Text[d.Tokens[i].Start:d.Tokens[i].End]) {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key = append(key, c)
	}
	if m, ok := p.demonymMemo[string(key)]; ok {
		return m.country, m.ok
	}
	if p.demonymMemo == nil || len(p.demonymMemo) >= maxDemonymMemo {
		p.demonymMemo = make(map[string]demonymMemo)
	}
	k := string(key)
	cc, ok := p.demonym(k)
	p.demonymMemo[k] = demonymMemo{cc, ok}
	return cc, ok
}

// isDemonym reports whether token i is a singular demonym or country
// adjective.
func (p *Geoparser) isDemonym(d *doc.Doc, i int) bool {
	w := d.Text[d.Tokens[i].Start:d.Tokens[i].End]
	if p.demonym == nil || len(w) > maxDemonymLen {
		return false
	}
	if !isASCII(w) {
		// Lower-casing beyond ASCII gives another key than
		// tokenDemonym's.
		_, ok := p.demonym(strings.ToLower(w))
		return ok
	}
	_, ok := p.tokenDemonym(d, i)
	return ok
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// inDateline reports whether token i lies in the document's dateline.
func inDateline(d *doc.Doc, i int) bool {
	return d.Dateline != nil && d.Dateline.Contains(d.Tokens[i].Span)
}

// abbreviationAt adds a mention when token i is a subdivision
// abbreviation straight after "Place," ("Tampa, Fla.", "COLUMBIA, Ky."):
// the only position where such forms name a place rather than a title or
// a word.
func (p *Geoparser) abbreviationAt(d *doc.Doc, i int) bool {
	if p.abbrev == nil || i < 2 || len(p.mentions) == 0 || p.mentions[len(p.mentions)-1].end != i-1 {
		return false
	}
	comma := d.Tokens[i-1]
	if d.Text[comma.Start:comma.End] != "," {
		return false
	}
	return p.addAbbreviation(d, i, p.abbrev.lookup)
}

// standaloneAbbreviationAt adds a mention when token i is a subdivision
// abbreviation that news writes on its own ("floods in NSW"), unless a
// number comes before it ("300 B.C.").
func (p *Geoparser) standaloneAbbreviationAt(d *doc.Doc, i int) bool {
	if p.abbrev == nil || i > 0 && d.Tokens[i-1].Kind == doc.Number {
		return false
	}
	return p.addAbbreviation(d, i, p.abbrev.lookupAnywhere)
}

// addAbbreviation adds a mention when token i, or token i and a dot the
// tokenizer split off it, is a form lookup knows.
func (p *Geoparser) addAbbreviation(d *doc.Doc, i int, lookup func(string) []int32) bool {
	t := d.Tokens[i]
	span, end := t.Span, i+1
	c := lookup(d.Text[t.Start:t.End])
	if len(c) == 0 && i+1 < len(d.Tokens) && !d.Tokens[i+1].SpaceBefore && d.Text[d.Tokens[i+1].Start:d.Tokens[i+1].End] == "." {
		// The tokenizer splits the dot off a form it does not know as
		// an abbreviation ("ILL.").
		span.End, end = d.Tokens[i+1].End, i+2
		c = lookup(d.Text[span.Start:span.End])
	}
	if len(c) == 0 {
		return false
	}
	p.mentions = append(p.mentions, mention{Span: span, first: i, end: end, cands: p.decode(c), best: -1})
	return true
}

// hyphenParts finds places inside one hyphenated token: "London-based",
// "U.S.-led", "Canada-wide" (a name before a lower-case word), and
// "Canada-EU" or "India-Pakistan" (names joined), where the whole token
// is no name of its own. Joined parts must each name a country or a
// first-level division, so personal names such as "Jean-Pierre" are not
// read as two towns.
func (p *Geoparser) hyphenParts(d *doc.Doc, i int) {
	t := d.Tokens[i]
	w := d.Text[t.Start:t.End]
	if t.Kind != doc.Word || !t.Upper || !strings.Contains(w, "-") {
		return
	}
	parts := strings.Split(w, "-")
	// A lower-case part ends the name: "U.S.-led" gives "U.S.",
	// "Abu-Dhabi-based" gives "Abu-Dhabi".
	for k, part := range parts {
		if k == 0 || part == "" || !isLowerWord(part) {
			continue
		}
		name := strings.Join(parts[:k], "-")
		p.addPart(d, i, t.Start, t.Start+len(name), partModifier)
		return
	}
	off := t.Start
	start := len(p.mentions)
	for _, part := range parts {
		if part != "" && !p.addPart(d, i, off, off+len(part), partJoined) {
			p.mentions = p.mentions[:start]
			return
		}
		off += len(part) + 1
	}
}

// partKind says how a name inside a hyphenated token is used.
type partKind uint8

const (
	// partModifier is a name before a lower-case word ("London-based").
	// People's names take such suffixes too ("Obama-led"), so the name
	// must be well known (see wellKnown).
	partModifier partKind = iota
	// partJoined is one of several names joined by hyphens
	// ("Canada-EU"); each must be a country or a first-level division.
	partJoined
)

// wellKnown reports whether a candidate is a country, a first-level
// division, a region, or a town or district of at least wellKnownPopulation people. Names in
// modifiers ("Fargo-based") and inside organisations' names ("Kentucky
// State Police") must be: the gazetteer also lists hamlets called
// "Hospital", "University" or "Union", which such names are full of.
func wellKnown(cands []candidate) bool {
	return anyCand(cands, func(e *candidate) bool {
		return e.Feature == gazetteer.Country || e.Feature == gazetteer.Admin1 ||
			e.Feature == gazetteer.Region || e.Population >= wellKnownPopulation
	})
}

const wellKnownPopulation = 100000

// isAcronym reports whether w is written as an acronym: two to four
// letters, all capitals ("WHO", "DOH", "SOS").
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if w[k] < 'A' || w[k] > 'Z' {
			return false
		}
	}
	return true
}

// acronymReadings keeps the candidates that a word written as an
// acronym outside the dateline may still name: news writes organisations
// and programmes in short capitals, and GeoNames lists hamlets and
// alternate spellings ("Doh" for Doha) that such words match. A notable
// place keeps its reading (a country's short name, "UK", "UAE"), as does
// a city of a million people ("LA", "NYC").
func (p *Geoparser) acronymReadings(cands []candidate) []candidate {
	return keepCands(cands, func(c *candidate) bool { return p.notable(&c.Entry) || c.Population >= megacityPopulation })
}

// wideReadings keeps the candidates that are no town or county:
// countries, first-level divisions, regions, natural features.
func wideReadings(cands []candidate) []candidate {
	return keepCands(cands, func(c *candidate) bool { return !local(&c.Entry) })
}

// anyCand reports whether f holds for some candidate. It passes
// pointers, as slices.ContainsFunc would copy each candidate.
func anyCand(cands []candidate, f func(*candidate) bool) bool {
	for k := range cands {
		if f(&cands[k]) {
			return true
		}
	}
	return false
}

// keepCands keeps the candidates that keep accepts, in order, in place:
// each mention's candidates are its own.
func keepCands(cands []candidate, keep func(*candidate) bool) []candidate {
	out := cands[:0]
	for k := range cands {
		if keep(&cands[k]) {
			out = append(out, cands[k])
		}
	}
	return out
}

// local reports whether e is a town or county, which a name inside
// another name or beside a person's name is seldom.
func local(e *gazetteer.Entry) bool { return e.IsPopulated() || e.Feature == gazetteer.Admin2 }

// notable reports whether e may be meant by a name that is hardly a
// place's where it stands (inside a longer name, or written as an
// acronym): a country, first-level division, region or natural feature
// under any of its names, or a well-known town or county under its own
// (p.key, see mainName).
func (p *Geoparser) notable(e *gazetteer.Entry) bool {
	return !local(e) || e.Population >= wellKnownPopulation && p.mainName(e)
}

// embeddable reports whether a name inside a longer name may be a place:
// when one of its candidates is notable ("Kentucky State Police"; "London
// Police", which may then be London, Kentucky, as the story's focus
// decides). Such names are full of hamlets, counties and other places'
// alternate spellings ("Drug" for Durg, "Union").
func (p *Geoparser) embeddable(cands []candidate) bool {
	return anyCand(cands, func(c *candidate) bool { return p.notable(&c.Entry) })
}

// megacityPopulation is the population from which a city's short names
// are read even in capitals.
const megacityPopulation = 1000000

// addPart adds the mention of bytes [start, end) of token i when the
// gazetteer knows them as kind allows.
func (p *Geoparser) addPart(d *doc.Doc, i, start, end int, kind partKind) bool {
	span := doc.Span{Start: start, End: end}
	blocked, embedded := p.actorOverlap(span)
	if blocked {
		return false
	}
	p.key = gazetteer.Fold(p.key[:0], d.Text[start:end])
	mark := len(p.arena)
	c := p.decode(p.g.LookupKey(p.key))
	if kind == partJoined && !anyCand(c, func(c *candidate) bool {
		return c.Feature == gazetteer.Country || c.Feature == gazetteer.Admin1
	}) || kind == partModifier && !wellKnown(c) {
		p.arena = p.arena[:mark]
		return false
	}
	p.mentions = append(p.mentions, mention{Span: span, first: i, end: i + 1, cands: c, best: -1, embedded: embedded})
	return true
}

// isLowerWord reports whether w starts with a lower-case ASCII letter.
func isLowerWord(w string) bool { return w[0] >= 'a' && w[0] <= 'z' }

// canStart reports whether token i may open a place name: a capitalised
// word that is not a sentence-initial function word.
func (p *Geoparser) canStart(d *doc.Doc, i int) bool {
	if !isCapWord(d, i) {
		return false
	}
	w := d.Text[d.Tokens[i].Start:d.Tokens[i].End]
	return !isStopWord(w)
}

// canContinue reports whether token j may sit inside a name.
func (p *Geoparser) canContinue(d *doc.Doc, j int) bool {
	t := d.Tokens[j]
	w := d.Text[t.Start:t.End]
	if t.Kind == doc.Punct && (w == "-" || w == "–") && !t.SpaceBefore {
		return true
	}
	if (w == "-" || w == "'") && !t.SpaceBefore {
		return true
	}
	if t.Kind == doc.Word {
		if isCapWord(d, j) {
			return true
		}
		switch w {
		case "and", "of", "de", "del", "al", "el", "la", "le", "on", "upon", "du", "des", "da", "do", "dos", "das", "am", "an", "im", "sur", "en", "the":
			return true
		}
		// Lower-case parts of hyphenated names: "Ras al-Ayn".
		return !t.SpaceBefore
	}
	return false
}

// isHeadNoun reports whether token j is a lower-case geographic noun that
// some indexed names end with ("Lachin corridor", "Kashmir valley").
func isHeadNoun(d *doc.Doc, j int) bool {
	t := d.Tokens[j]
	if t.Kind != doc.Word {
		return false
	}
	switch d.Text[t.Start:t.End] {
	case "corridor", "valley", "peninsula", "basin", "strait", "strip", "heights", "sea", "gulf", "desert":
		return true
	}
	return false
}

// sentenceInitial reports whether token i opens its sentence (after any
// opening quotes or brackets).
func sentenceInitial(d *doc.Doc, i int) bool {
	for k := i - 1; k >= 0; k-- {
		t := d.Tokens[k]
		if t.Kind == doc.QuoteMark || (t.Kind == doc.Punct && (d.Text[t.Start:t.End] == "(" || d.Text[t.Start:t.End] == "[")) {
			continue
		}
		return t.Kind == doc.Punct && strings.ContainsAny(d.Text[t.Start:t.End], ".!?:;")
	}
	return true
}

// isCapWord reports whether token i is a word starting with an upper-case
// letter, or a name behind an elided Romance article or preposition
// ("d'Ivoire", "dell'Aquila"), whose capital follows the apostrophe.
func isCapWord(d *doc.Doc, i int) bool {
	t := d.Tokens[i]
	if t.Upper || t.Kind != doc.Word {
		return t.Upper
	}
	w := d.Text[t.Start:t.End]
	k := 0
	for k < len(w) && k < 5 && w[k] >= 'a' && w[k] <= 'z' {
		k++
	}
	if k == 0 || k == 5 {
		return false
	}
	rest, ok := strings.CutPrefix(w[k:], "'")
	if !ok {
		if rest, ok = strings.CutPrefix(w[k:], "’"); !ok {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

// indexActors keeps the document's people and organisations, and the
// buildings that stand for governments, in start order for actorOverlap.
func (p *Geoparser) indexActors(d *doc.Doc) {
	p.actors = p.actors[:0]
	p.actorMaxLen = 0
	metonym := actor.KindRulePrefix(actor.KindMetonym)
	for _, e := range d.Entities {
		if strings.HasPrefix(e.Rule, metonym) {
			// "the White House", "Downing Street": a seat of
			// government named for the government is an actor, not a
			// place the story happens in (and GeoNames has a White
			// House in Tennessee and a Street in Somerset).
			p.actors = append(p.actors, e)
			p.actorMaxLen = max(p.actorMaxLen, e.End-e.Start)
			continue
		}
		if (e.Type != doc.Person && e.Type != doc.Org) || e.SectorCode == "PRE" {
			// A partially recognised entity is named after its
			// territory, which is a place all the same.
			continue
		}
		p.actors = append(p.actors, e)
		p.actorMaxLen = max(p.actorMaxLen, e.End-e.Start)
	}
	slices.SortStableFunc(p.actors, func(a, b doc.Entity) int { return a.Start - b.Start })
	p.actorStarts = p.actorStarts[:0]
	for _, e := range p.actors {
		p.actorStarts = append(p.actorStarts, e.Start)
	}
}

// actorOverlap says how span s meets the people and organisations that the
// actor stage found. A name that is or crosses a person's or an
// organisation's is blocked ("Jordan Peterson", "Paris Saint-Germain" as
// a whole); a name wholly inside an organisation's longer name is a place
// all the same, marked embedded ("Kentucky State Police").
func (p *Geoparser) actorOverlap(s doc.Span) (blocked, embedded bool) {
	lo, _ := slices.BinarySearch(p.actorStarts, s.Start-p.actorMaxLen)
	for _, e := range p.actors[lo:] {
		if e.Start >= s.End {
			break
		}
		if !e.Overlaps(s) {
			continue
		}
		switch {
		case e.Type == doc.Org && e.Contains(s) && e.Span != s:
			embedded = true
		case e.Span == s || !s.Contains(e.Span):
			return true, false
		}
	}
	return false, embedded
}

// personAt reports whether a person's name starts at byte start.
func (p *Geoparser) personAt(start int) bool {
	k, _ := slices.BinarySearch(p.actorStarts, start)
	for ; k < len(p.actors) && p.actors[k].Start == start; k++ {
		if p.actors[k].Type == doc.Person {
			return true
		}
	}
	return false
}

// isStopWord reports whether w, in any case, is a stop word (see
// isStopKey), a function word, a weekday or a month, without allocating.
func isStopWord(w string) bool {
	if len(w) > 12 {
		return false
	}
	var buf [12]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return isStopKey(string(buf[:len(w)])) || en.IsFunctionWord(w) || en.IsWeekdayName(w) || en.IsMonthName(w)
}

// isStopKey reports the lower-case words besides function words
// (en.IsFunctionWord), weekdays and months that open sentences or titles
// and that the gazetteer happens to list as places: titles, agents of news
// and numbers. A switch, as every capitalised token is tested, and it
// costs less than hashing for a map.
func isStopKey(k string) bool {
	switch k {
	case "mr", "mrs", "ms", "dr", "president", "minister", "police",
		"officials", "said", "reuters", "one", "two":
		return true
	}
	return false
}

// A capitalised compass word (en.IsCompassWord) alone names a bloc or a
// direction loosely ("the West"), yet GeoNames lists some as admin-1
// regions of some countries; they are places only as part of a longer
// name ("West Bank", "Central Asia").
func compassWord(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' && en.IsCompassWord(w) }

// nameWord reports whether token k is a capitalised word of a name: not
// a function word, a compass or position word ("North London"), or a
// common word capitalised only because it opens its sentence ("Now
// Azerbaijan expects").
func (p *Geoparser) nameWord(d *doc.Doc, k int) bool {
	t := d.Tokens[k]
	if t.Kind != doc.Word || !p.canStart(d, k) || positionWord(d.Text[t.Start:t.End]) {
		return false
	}
	return !sentenceInitial(d, k) || en.IsProperNounTag(t.Tag)
}

// positionWord reports whether w places what follows within a place
// rather than naming something else: a compass word ("North London") or
// "Upper", "Lower", "Greater", "Inner", "Outer".
func positionWord(w string) bool {
	switch w {
	case "Upper", "Lower", "Greater", "Inner", "Outer":
		return true
	}
	return compassWord(w)
}
