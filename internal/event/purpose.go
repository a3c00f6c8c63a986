package event

import (
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lang/en"
	"github.com/dateline-project/dateline/internal/plover"
)

// Targets read from another event of the sentence.
//
// A protest's target. PLOVER codes a demonstration, strike or hunger
// strike against whom it is aimed, and news says so in a purpose clause
// more often than in the protest's own phrase: "went on hunger strike to
// demand higher pay from the ministry", "marched to protest against the
// new tax law", "blocked roads in protest at the ruling". The purpose
// clause is an infinitive, or an "in protest" phrase, on the protest (its
// verb, its noun, or the support verb whose object the noun is), and the
// event it codes, a demand, a protest or an accusation, names the target
// as its recipient. protestTargets gives a protest with no recipient of
// its own, or only the place it was held in, that one.
//
// A request's parties. A request for a nominal event is made of that
// event's parties: "called for a ceasefire between Israel and Hamas" asks
// Israel and Hamas to cease fire, as "urged Israel and Hamas to cease
// fire" does (PLOVER REQUEST: the recipient is the one asked).
// requestTargets gives a request with no recipient of its own the actors
// of the event that is its object or its "for" phrase.
//
// Both need s.heads (findHeads).

// protestTargets sets the recipients of each protest from the event of
// its purpose clause.
func (s *Stage) protestTargets(d *doc.Doc) {
	for i := range d.Events {
		ev := &d.Events[i]
		if ev.Type != plover.Protest || ev.Negated || !onlyPlaces(ev.Recipients) || s.heads[i] >= len(d.Tokens) {
			continue
		}
		for j := range d.Events {
			purpose := &d.Events[j]
			if j == i || purpose.Evidence.Sentence != ev.Evidence.Sentence || len(purpose.Recipients) == 0 ||
				onlyPlaces(purpose.Recipients) || !aimed(purpose.Type) || !s.purposeOf(s.heads[j], s.heads[i]) {
				continue
			}
			ev.Recipients = append(ev.Recipients[:0:0], purpose.Recipients...)
			ev.Rule += " +purpose_target"
			break
		}
	}
}

// onlyPlaces reports participants that are all places standing in for
// their state (placeRecipient), or none: every other participant is an
// actor mention.
func onlyPlaces(as []doc.EventActor) bool {
	for _, a := range as {
		if a.Entity >= 0 {
			return false
		}
	}
	return true
}

// aimed reports the event types whose recipient is what a protest is
// aimed at: a demand, a protest, an accusation or a rejection.
func aimed(t plover.EventType) bool {
	switch t {
	case plover.Request, plover.Protest, plover.Accuse, plover.Reject:
		return true
	}
	return false
}

// purposeOf reports whether token q heads an infinitive clause ("to
// demand") on the protest at token h: on h itself, or on the verb whose
// object or subject h is ("began a hunger strike to demand", "a strike
// ... was called to protest").
func (s *Stage) purposeOf(q, h int) bool {
	if q >= len(s.ci.d.Tokens) {
		return false
	}
	g := s.tr.Head(q)
	if s.inProtest(q) {
		// "went on hunger strike in protest at the ruling", "blocked
		// roads in protest against the tax": the phrase says what the
		// act is against, as a purpose clause does; it hangs on the
		// protest, on its support verb or on the verb's object.
		return g == h || g >= 0 && s.tr.Head(g) == h && s.tr.Rel(g).Base() == doc.DepObj ||
			(s.tr.Rel(h).Base() == doc.DepObj || s.tr.Rel(h).Base() == doc.DepNsubj) && s.tr.Head(h) == g
	}
	switch s.tr.Rel(q).Base() {
	case doc.DepAdvcl, doc.DepXcomp, doc.DepAcl:
	default:
		return false
	}
	if !s.markedTo(q) {
		return false
	}
	if g == h {
		return true
	}
	switch s.tr.Rel(h).Base() {
	case doc.DepObj, doc.DepNsubj:
		return s.tr.Head(h) == g
	}
	return false
}

// inProtest reports whether token q is the noun of an "in protest" phrase.
func (s *Stage) inProtest(q int) bool {
	if s.ci.tok(q) != "protest" || !en.IsNounTag(s.ci.tag(q)) {
		return false
	}
	mk := s.tr.Marker(q)
	return mk >= 0 && s.ci.tok(mk) == "in"
}

// requestTargets sets the recipients of each request from the actors of
// the event it asks for.
func (s *Stage) requestTargets(d *doc.Doc) {
	for i := range d.Events {
		ev := &d.Events[i]
		if ev.Type != plover.Request || len(ev.Recipients) > 0 || s.heads[i] >= len(d.Tokens) {
			continue
		}
		for j := range d.Events {
			asked := &d.Events[j]
			if j == i || asked.Evidence.Sentence != ev.Evidence.Sentence || len(asked.Actors) == 0 || !s.askedFor(s.heads[j], s.heads[i]) {
				continue
			}
			parties := asked.Actors
			if s.reciprocal[j] {
				// "called for a truce between Kenya and Uganda": both
				// sides of a mutual act are asked (mutualParties).
				parties = append(parties[:len(parties):len(parties)], asked.Recipients...)
			}
			for _, a := range parties {
				if !sameActor(a, ev.Actors) {
					ev.Recipients = append(ev.Recipients, a)
				}
			}
			if len(ev.Recipients) > 0 {
				ev.Rule += " +requested_event"
			}
			break
		}
	}
}

// askedFor reports whether token q heads what the request at token h asks
// for: its object, its "for" phrase ("called for a ceasefire"), or an
// infinitive ("called for the council to resign").
func (s *Stage) askedFor(q, h int) bool {
	if q >= len(s.ci.d.Tokens) {
		return false
	}
	if o := s.tr.Head(q); o >= 0 && o != h && s.tr.Head(o) == h && s.tr.Rel(q).Base() == doc.DepAcl && s.askedFor(o, h) {
		// "called for the council to resign": the infinitive on the
		// "for" phrase is what is asked for.
		return s.markedTo(q)
	}
	if s.tr.Head(q) != h {
		return false
	}
	switch s.tr.Rel(q).Base() {
	case doc.DepObj:
		return true
	case doc.DepXcomp:
		// "called for Uganda to withdraw", parsed with the infinitive
		// on the verb.
		return s.markedTo(q)
	case doc.DepObl:
		mk := s.tr.Marker(q)
		return mk >= 0 && s.ci.tok(mk) == "for"
	}
	return false
}

// sameActor reports whether a names the same actor as one of as: the same
// mention, or the same country and sector.
func sameActor(a doc.EventActor, as []doc.EventActor) bool {
	for _, b := range as {
		if a.Entity >= 0 && a.Entity == b.Entity || a.CountryCode != "" && a.CountryCode == b.CountryCode && a.SectorCode == b.SectorCode {
			return true
		}
	}
	return false
}
