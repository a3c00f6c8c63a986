package event

import (
	"sort"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/plover"
)

// Event location.
//
// An event happens where its own clause says it does, so the location is
// tried from the most to the least specific evidence, and the first that
// names a place wins (doc.LocationSource records which):
//
//  1. attached: a place the parse ties to the event. That is a place
//     inside the trigger ("the opening of the Aghdam road"); an obl or
//     nmod of the trigger whose case marker is locative ("clashes in X",
//     "shelled positions near X"), looked for on the trigger, on its
//     object and, for a nominal trigger, on the verb that governs it as
//     a support verb ("launched an offensive in X"); or, for a physical
//     act on a target (ASSAULT, COERCE: PLOVER defines both as acts on
//     their target), a place that is its object ("shelled the city of
//     X"). A place counts when it heads the phrase or is the phrase's
//     "of" complement, apposition or compound ("the city of X", "the X
//     region").
//  2. sentence: a place elsewhere in the sentence, one after a locative
//     preposition first.
//  3. paragraph: a place in another sentence of the paragraph, the
//     nearest sentence first, preceding ones before following ones
//     (news paragraphs set the scene before they report).
//  4. dateline: the dispatch's dateline. In wire style the dateline
//     names where the reporter filed from (AP Stylebook, "datelines"),
//     which is only weak evidence of where the event happened.
//
// A place that is one of the event's actors ("Russia shelled ...") is a
// participant, not the setting, and is never its location; in the
// fallbacks a bare place that the actor recognizer took for a mention
// ("Ukraine said ...") is passed over too, while one a locative
// preposition opens ("in Ukraine") is kept. Places inside the dateline
// are only used by step 4.
//
// The precision follows ACLED's geo-precision codes (ACLED Codebook,
// "geo_precision"): 1 for a town, 2 for a second-level division or the
// surroundings of a town ("near X", "outside X", "on the outskirts of
// X"), 3 for a first-level division, a country or anything larger.

// placeRelation is what a preposition says about the place it opens.
type placeRelation uint8

const (
	notLocative placeRelation = iota
	placeAt                   // in, at, inside: the event is there
	placeNear                 // near, outside, around: close to it
	placeTarget               // on, against: the target of a physical act
	placeOrigin               // from: where it came from, the last choice
)

// locative returns what a case marker says about its place. It is a
// switch rather than a map because it is asked of every preposition near
// an event.
func locative(marker string) placeRelation {
	switch marker {
	case "in", "at", "inside", "within", "across", "into", "throughout", "over":
		return placeAt
	case "near", "outside", "around", "nearby":
		return placeNear
	case "on", "against":
		return placeTarget
	case "from":
		return placeOrigin
	}
	return notLocative
}

// surroundings are head nouns that put their "of" place at a distance:
// "on the outskirts of X" is near X, not in it.
var surroundings = map[string]bool{"outskirts": true, "vicinity": true, "edge": true, "environs": true, "suburbs": true}

// physicalType reports a type that acts on a target that can be a place:
// its object or "on" phrase is where it happens.
func physicalType(t plover.EventType) bool { return t == plover.Assault || t == plover.Coerce }

// isDemonym reports whether token k is a demonym or country adjective
// ("American"), as the geo stage found it.
func (s *Stage) isDemonym(k int) bool {
	places, start := s.ci.d.Places, s.ci.d.Tokens[k].Start
	i := sort.Search(len(places), func(i int) bool { return places[i].End > start })
	return i < len(places) && places[i].Start <= start && places[i].Kind == doc.PlaceDemonym
}

// indexPlaces fills s.placeOf: token -> the place covering it, or -1.
func (s *Stage) indexPlaces(d *doc.Doc) {
	s.placeOf = grow(s.placeOf, len(d.Tokens))
	for i := range s.placeOf {
		s.placeOf[i] = -1
	}
	for pi, p := range d.Places {
		if !setsScene(p) {
			continue
		}
		for k := s.ci.tokenAt(p.Start, 0); k < len(d.Tokens) && d.Tokens[k].Start < p.End; k++ {
			s.placeOf[k] = pi
		}
	}
}

// locate sets ev's location, its source and its precision. p is the
// token heading the trigger in the parse.
func (s *Stage) locate(d *doc.Doc, si, p int, ev *doc.Event) {
	ev.Location, ev.LocationSource, ev.LocationPrecision = -1, "", 0
	if pl, rel, ok := s.attachedPlace(d, p, ev); ok {
		s.setLocation(d, ev, pl, doc.LocationAttached, rel == placeNear)
		return
	}
	sent := d.Sentences[si]
	if pl := s.placeInSentence(d, sent, ev); pl >= 0 {
		s.setLocation(d, ev, pl, doc.LocationSentence, false)
		return
	}
	if pl := s.placeInParagraph(d, si, ev); pl >= 0 {
		s.setLocation(d, ev, pl, doc.LocationParagraph, false)
		return
	}
	if d.Dateline == nil {
		return
	}
	ev.LocationSource = doc.LocationDateline
	// The geoparser resolves the dateline's city like any place.
	for i, pl := range d.Places {
		if d.Dateline.Span.Contains(pl.Span) {
			ev.Location, ev.LocationPrecision = i, Precision(pl.Feature, false)
			return
		}
	}
	// An unresolved dateline still names a city: wire style opens a
	// dispatch with the city it was filed from.
	ev.LocationPrecision = 1
}

func (s *Stage) setLocation(d *doc.Doc, ev *doc.Event, pl int, src doc.LocationSource, near bool) {
	ev.Location, ev.LocationSource = pl, src
	ev.LocationPrecision = Precision(d.Places[pl].Feature, near)
}

// Precision returns ACLED's geo-precision for a place with GeoNames
// feature code feature: 1 for a populated place (PPL, PPLA, PPLC...), 2
// for a second-level (or lower) administrative division, or for a
// populated place the event is only near, and 3 for everything larger or
// unknown (ADM1, PCLI, RGN, CONT, seas...).
func Precision(feature string, near bool) int {
	switch {
	case strings.HasPrefix(feature, "PPL"):
		if near {
			return 2
		}
		return 1
	case feature == "ADM2" || feature == "ADM3" || feature == "ADM4" || feature == "ADM5" || feature == "ADMD":
		return 2
	}
	return 3
}

// attachedPlace finds the place the parse attaches to the event (step 1
// above) and the preposition's relation to it.
func (s *Stage) attachedPlace(d *doc.Doc, p int, ev *doc.Event) (int, placeRelation, bool) {
	tr := ev.Evidence.Trigger
	first := placeAtOrAfter(d, tr.Start)
	for i := first; i < len(d.Places) && d.Places[i].Start < tr.End; i++ {
		if tr.Contains(d.Places[i].Span) && setsScene(d.Places[i]) && !s.actorPlace(ev, i) {
			return i, placeAt, true
		}
	}
	if p < 0 || p >= len(d.Tokens) || !s.tr.Parsed(p) {
		return -1, notLocative, false
	}
	heads := [3]int{p, -1, -1}
	if obj := s.tr.Dependent(p, doc.DepObj); obj >= 0 {
		// "shelled positions near X": a parse often hangs the place on
		// the object rather than on the verb.
		heads[1] = obj
	}
	if g, _, _, ok := s.nominalGovernor(p); ok {
		heads[2] = g
	}
	origin, best, bestRel := -1, -1, notLocative
	physical := physicalType(ev.Type)
	for _, h := range heads {
		if h < 0 {
			continue
		}
		for c := s.tr.First(h); c >= 0; c = s.tr.Next(c) {
			var rel placeRelation
			switch s.tr.Rel(c).Base() {
			case doc.DepObl, doc.DepNmod:
				if s.tr.Rel(c) == doc.DepNmodPoss {
					continue
				}
				mk := s.tr.Marker(c)
				if mk < 0 {
					continue
				}
				rel = locative(s.ci.tok(mk))
				if rel == placeTarget {
					if !physical {
						continue
					}
					rel = placeAt
				}
			case doc.DepObj:
				// Only a verb acts on its object; a noun with an obj is a
				// misparse.
				if h != p || !physical || !strings.HasPrefix(s.ci.tag(p), "VB") {
					continue
				}
				rel = placeAt
			default:
				continue
			}
			if rel == notLocative {
				continue
			}
			pl, near := s.placeHeadedBy(c)
			if pl < 0 || s.actorPlace(ev, pl) || s.inDateline(d, pl) {
				continue
			}
			if near {
				rel = placeNear
			}
			if rel == placeOrigin {
				if origin < 0 {
					origin = pl
				}
				continue
			}
			// The first in the text wins: "killed 240 people in X and
			// 12 in Y" names X first, whichever word the parse hangs
			// each phrase on.
			if best < 0 || d.Places[pl].Start < d.Places[best].Start {
				best, bestRel = pl, rel
			}
		}
	}
	if best >= 0 {
		return best, bestRel, true
	}
	if origin >= 0 {
		return origin, placeOrigin, true
	}
	return -1, notLocative, false
}

// placeHeadedBy returns the place that the phrase headed by token c
// names: c's own, else one in its "of" complement, apposition, compound
// or flat name ("the city of X", "the X region"); -1 when none. near
// reports a head that only names the place's surroundings ("the
// outskirts of X").
func (s *Stage) placeHeadedBy(c int) (pl int, near bool) {
	if pl := s.placeOf[c]; pl >= 0 {
		return pl, false
	}
	owner := -1
	for k := s.tr.First(c); k >= 0; k = s.tr.Next(k) {
		switch s.tr.Rel(k) {
		case doc.DepNmod:
			mk := s.tr.Marker(k)
			if mk < 0 {
				continue
			}
			// "the city of X"; and "a base in X", where the phrase
			// puts the thing itself somewhere ("a bus near X" only
			// near it).
			if s.ci.tok(mk) != "of" {
				if pl := s.placeOf[k]; pl >= 0 && s.setting(mk) {
					return pl, locative(s.ci.tok(mk)) == placeNear
				}
				continue
			}
		case doc.DepCompound:
			// A country before a thing that is no place is its owner
			// ("a US base", "the Kenyan embassy"); the thing may stand
			// anywhere, so a place the phrase names goes first.
			if pl := s.placeOf[k]; pl >= 0 && strings.HasPrefix(s.ci.d.Places[pl].Feature, "PCL") {
				if owner < 0 {
					owner = pl
				}
				continue
			}
		case doc.DepAppos, doc.DepFlat:
		default:
			continue
		}
		if pl := s.placeOf[k]; pl >= 0 {
			return pl, surroundings[s.ci.tok(c)]
		}
	}
	if owner >= 0 && s.ci.entOf[c] < 0 {
		// An actor's country is whose it is, not where it is: "killed
		// a US soldier" says nothing of where.
		return owner, surroundings[s.ci.tok(c)]
	}
	// A greedy parse sometimes hangs the "of" phrase elsewhere ("the
	// city of X overnight" read with X as a compound of "overnight");
	// the words themselves still say which place the noun names.
	if n := len(s.placeOf); c+2 < n && s.ci.tok(c+1) == "of" && s.tr.Head(c+1) >= 0 &&
		s.tr.Head(c+2) >= 0 && s.placeOf[c+2] >= 0 && s.placeOf[c+1] < 0 {
		return s.placeOf[c+2], surroundings[s.ci.tok(c)]
	}
	return -1, false
}

// actorPlace reports a place that is (part of) one of ev's actors. A
// place that a locative phrase inside the actor's mention names
// ("lawmakers in Seoul protested") says where the actor is, and is not
// the actor.
func (s *Stage) actorPlace(ev *doc.Event, pl int) bool {
	d := s.ci.d
	sp := d.Places[pl].Span
	for _, a := range ev.Actors {
		if a.Span.Overlaps(sp) {
			k := s.ci.tokenAt(sp.Start, 0)
			return k == 0 || !s.setting(k-1)
		}
	}
	return false
}

// setting reports a preposition that puts an event in or near a place.
func (s *Stage) setting(k int) bool {
	r := locative(s.ci.tok(k))
	return r == placeAt || r == placeNear
}

func (s *Stage) inDateline(d *doc.Doc, pl int) bool {
	return d.Dateline != nil && d.Dateline.Span.Overlaps(d.Places[pl].Span)
}

// placeInSentence returns the first place of sent that can be ev's
// setting (steps 2 and 3 above): one after a locative preposition first,
// else one that is no actor mention; -1 when none.
func (s *Stage) placeInSentence(d *doc.Doc, sent doc.Sentence, ev *doc.Event) int {
	bare := -1
	first := placeAtOrAfter(d, sent.Start)
	for i := first; i < len(d.Places) && d.Places[i].Start < sent.End; i++ {
		pl := d.Places[i]
		if pl.End > sent.End || !setsScene(pl) || s.actorPlace(ev, i) || s.inDateline(d, i) {
			continue
		}
		k := s.ci.tokenAt(pl.Start, sent.FirstToken)
		if k > sent.FirstToken && s.setting(k-1) {
			return i
		}
		if bare < 0 && k < len(d.Tokens) && s.ci.entOf[k] < 0 {
			bare = i
		}
	}
	return bare
}

// placeAtOrAfter returns the first place whose start is >= off, reading
// only the places' starts.
func placeAtOrAfter(d *doc.Doc, off int) int {
	return sort.Search(len(d.Places), func(i int) bool { return d.Places[i].Start >= off })
}

// setsScene reports whether a place can be where an event happens: a
// toponym, not a demonym ("Turkish troops") or a place inside an
// organisation's name ("Kentucky State Police"), which name who acts.
func setsScene(p doc.Place) bool { return p.Kind == "" && !p.Embedded }

// placeInParagraph looks for a setting in the other sentences of si's
// paragraph, nearest first, the preceding ones before the following.
func (s *Stage) placeInParagraph(d *doc.Doc, si int, ev *doc.Event) int {
	pi := d.Sentences[si].Paragraph
	if pi < 0 || pi >= len(d.Paragraphs) {
		return -1
	}
	para := d.Paragraphs[pi]
	for j := si - 1; j >= para.FirstSentence; j-- {
		if pl := s.placeInSentence(d, d.Sentences[j], ev); pl >= 0 {
			return pl
		}
	}
	for j := si + 1; j < para.EndSentence; j++ {
		if pl := s.placeInSentence(d, d.Sentences[j], ev); pl >= 0 {
			return pl
		}
	}
	return -1
}

// modifierPlace returns, as a participant without a mention, a toponym
// that modifies the trigger's noun from before it ("the Athens protests",
// "a Dhaka rally").
func (s *Stage) modifierPlace(m match) (doc.EventActor, bool) {
	d := s.ci.d
	var out doc.EventActor
	found := false
	s.dependentsOfMatch(m, func(c int) bool {
		if c >= m.first || s.tr.Rel(c) != doc.DepCompound || s.placeOf[c] < 0 {
			return true
		}
		if p := d.Places[s.placeOf[c]]; setsScene(p) && p.CountryCode != "" {
			out, found = placeParticipant(d, p), true
			return false
		}
		return true
	})
	return out, found
}
