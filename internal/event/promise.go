package event

import (
	"sort"

	"github.com/dateline-project/dateline/internal/doc"
)

// Promises.
//
// The PLOVER manual codes a commitment by what is committed to. AGREE is
// an offer, promise or stated willingness to cooperate; CONCEDE "covers
// verbal concessions which have no immediate material consequences,
// including promises of future concessions", among them "declarations (but
// not implementations) of ceasefires and withdrawals from territory";
// RETREAT is the yielding done. So a promise to yield (to withdraw,
// release, return, disarm, allow access, cease fire, resign, or to concede
// such as easing a curfew or lifting sanctions) is a CONCEDE, keeping the
// mode of the yielding promised ("will withdraw its troops" is
// CONCEDE/withdraw); a promise of anything else (to meet, to send aid, to
// cooperate) is an AGREE. A stated intention of material conflict is a
// THREATEN, coded by intent (event.go).
//
// Two constructions make a promise:
//
//   - the yielding itself is marked as intended: by its modality ("will
//     withdraw") or by an intent governor ("pledged to release", "ready to
//     lift"); intent recodes that event;
//   - an AGREE trigger takes the yielding as its complement ("agreed to
//     withdraw", "agreed to a ceasefire"); promises recodes the AGREE, and
//     the yielding is marked a complement: what was agreed, not an event
//     that happened.
//
// Both go through promised, so that they cannot disagree.

// promised returns the type and mode of a promise to do an event of type
// typ and mode mode: CONCEDE with the yielding's mode for a concession or
// a material yielding, AGREE with no mode for anything else.
func promised(typ, mode string) (string, string) {
	switch typ {
	case "CONCEDE", "RETREAT":
		return "CONCEDE", mode
	}
	return "AGREE", ""
}

// promises recodes an AGREE whose complement is a yielding as the
// concession it promises (see the comment above). The complement is the
// event whose trigger head hangs on a word of the AGREE trigger as an
// infinitive (xcomp: "agreed to pull back") or as an object or
// prepositional phrase ("agreed to a ceasefire", "accepted a truce").
// findHeads must have run.
func (s *Stage) promises(d *doc.Doc) {
	for j := range d.Events {
		c := &d.Events[j]
		if c.Negated || (c.Type != "CONCEDE" && c.Type != "RETREAT") {
			continue
		}
		h := s.heads[j]
		if h >= len(d.Tokens) {
			continue
		}
		switch s.tr.Rel(h) {
		case doc.DepXcomp, doc.DepObj, doc.DepObl:
		default:
			continue
		}
		g := s.tr.Head(h)
		if g < 0 {
			continue
		}
		i := s.eventAtToken(d, g)
		if i < 0 || i == j {
			continue
		}
		a := &d.Events[i]
		if a.Type != "AGREE" || a.Negated || hasAux(a.Aux, "complement") {
			continue
		}
		a.IntendedType = c.Type
		a.Rule += " +promise:" + c.Type
		a.Type, a.Mode = promised(c.Type, c.Mode)
		a.Quad = s.c.onto.Quad(a.Type)
		a.CameoRoot = s.c.onto.CameoRoot(a.Type, a.Mode)
		a.Intensity = s.c.onto.Intensity(a.Type, a.Mode)
		if !hasAux(c.Aux, "complement") {
			// A nominal agreed to ("agreed to a ceasefire") is the
			// agreement's content, as an infinitive is.
			c.Aux = appendOnce(c.Aux, "complement")
			c.Confidence *= 0.6
		}
	}
}

// eventAtToken returns the index of the event whose trigger covers token
// k, or -1. Events are in text order, so the search looks back only over
// the events of k's sentence that start before it.
func (s *Stage) eventAtToken(d *doc.Doc, k int) int {
	off := d.Tokens[k].Start
	i := sort.Search(len(d.Events), func(i int) bool { return d.Events[i].Evidence.Trigger.Start > off }) - 1
	for ; i >= 0 && d.Events[i].Evidence.Sentence.End > off; i-- {
		if d.Events[i].Evidence.Trigger.End > off {
			return i
		}
	}
	return -1
}
