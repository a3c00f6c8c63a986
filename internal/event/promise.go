package event

import (
	"sort"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/plover"
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
// cooperate, to deploy or patrol) is an AGREE. A promise of material
// conflict other than a protest or a deployment is a THREATEN, as intent
// (event.go) codes a stated intention of one ("will strike").
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
// Both go through promised, so that they cannot disagree. A third needs
// no coded complement: an AGREE whose infinitive is a verb of ceasing or
// easing ("agreed to stop the raids", "promised to ease the rules",
// data/cues/governors.tsv role yield) promises to yield whatever the
// verb's object is, and is a CONCEDE (yieldingPromises).

// promised returns the type and mode of a promise to do an event of type
// typ, mode mode and quad category quad: CONCEDE with the yielding's mode
// for a concession or a material yielding, THREATEN for a material
// conflict other than a protest or a deployment (a promise to attack is
// a threat, as intent codes "will strike"; one to deploy or patrol names
// no target, as intent keeps "will send troops"), AGREE with no mode for
// anything else.
func promised(typ plover.EventType, mode, quad string) (plover.EventType, string) {
	switch {
	case typ == plover.Concede || typ == plover.Retreat:
		return plover.Concede, mode
	case quad == "material conflict" && typ != plover.Protest && typ != plover.Mobilize:
		return plover.Threaten, ""
	}
	return plover.Agree, ""
}

// refrained returns the type and mode of a promise not to do an event of
// quad category quad: a promise to refrain from material conflict ("will
// not attack", "agreed not to resume fighting", "agreed to suspend the
// protests") is a CONCEDE, as the PLOVER manual codes declarations of
// ceasefires and CAMEO the easing of dissent and of military engagement
// (codes 082 and 087) under yielding; a promise to refrain from anything
// else is left an AGREE.
func refrained(quad string) (plover.EventType, string) {
	if quad == "material conflict" {
		return plover.Concede, ""
	}
	return plover.Agree, ""
}

// negatedBelow reports a negation on a word on the way up from token k to
// token top, top excluded: "agreed not to resume fighting" negates
// "resume", which carries "fighting" to "agreed".
func (s *Stage) negatedBelow(k, top int) bool {
	for steps := 0; k >= 0 && k != top && steps < 8; steps++ {
		if k < len(s.ci.d.Tokens) && s.negated(k) {
			return true
		}
		k = s.tr.Head(k)
	}
	return false
}

// promises recodes an AGREE whose complement is a yielding or a material
// conflict as the concession or threat it promises (see the comment
// above). The complement is the event whose trigger head hangs on a word
// of the AGREE trigger as an infinitive (xcomp: "agreed to pull back";
// acl with "to" on a noun of the trigger: "announced their intention to
// disarm"), as an object or prepositional phrase ("agreed to a
// ceasefire"), or as the object of a support verb that is such an
// infinitive ("promised to renew the bombing campaign"). findHeads must
// have run.
//
// A complement negated on its way to the promise ("agreed not to resume
// fighting", "agreed to halt the offensive" read as a reversal) is a
// promise to refrain (refrained).
func (s *Stage) promises(d *doc.Doc) {
	var recoded map[int]bool // promises recoded here, by event index
	for j := range d.Events {
		c := &d.Events[j]
		i := s.promiser(d, j)
		if i < 0 {
			continue
		}
		a := &d.Events[i]
		if recoded[i] {
			// A second thing promised ("to lift the curfew and
			// release the detainees") is content too.
			markComplement(c)
			continue
		}
		if a.Type != plover.Agree || a.Negated || a.Aux.Has(doc.AuxComplement) {
			continue
		}
		quad := s.c.onto.Quad(c.Type)
		typ, mode := promised(c.Type, c.Mode, quad)
		rule := " +promise:"
		if c.Negated || s.negatedBelow(s.heads[j], s.heads[i]) {
			typ, mode = refrained(quad)
			rule = " +refrain:"
		}
		if typ == plover.Agree {
			continue
		}
		a.IntendedType = c.Type
		a.Rule += rule + string(c.Type)
		a.Type, a.Mode = typ, mode
		if recoded == nil {
			recoded = map[int]bool{}
		}
		recoded[i] = true
		// A nominal agreed to ("agreed to a ceasefire") is the
		// agreement's content, as an infinitive is.
		markComplement(c)
	}
}

// markComplement marks c as what another event promises or says, not an
// event that happened, once.
func markComplement(c *doc.Event) {
	if !c.Aux.Has(doc.AuxComplement) {
		c.Aux |= doc.AuxComplement
		c.Confidence *= 0.6
	}
}

// yieldingPromises recodes as CONCEDE every AGREE still standing whose
// trigger takes as its infinitive a verb of yielding (see the comment
// above): the verb's governor role is yield, and the verb is not negated
// ("agreed not to lift the curfew" promises no concession).
// The infinitive is an xcomp of the trigger's head ("agreed to stop") or
// an infinitival acl of a noun of the trigger ("their commitment to
// ease"). findHeads must have run.
func (s *Stage) yieldingPromises(d *doc.Doc) {
	for i := range d.Events {
		a := &d.Events[i]
		if a.Type != plover.Agree || a.Negated || a.Aux.Has(doc.AuxComplement) || s.heads[i] >= len(d.Tokens) {
			continue
		}
		v, rule := s.yieldingInfinitive(s.heads[i])
		if v < 0 {
			continue
		}
		a.Type, a.Mode = plover.Concede, ""
		a.Rule += " +promise:yield " + rule
		// What is to be stopped or allowed ("the raids") is the
		// promise's content, as an infinitive agreed to is.
		for j := range d.Events {
			c := &d.Events[j]
			if h := s.heads[j]; h < len(d.Tokens) && s.tr.Head(h) == v && s.tr.Rel(h) == doc.DepObj {
				markComplement(c)
			}
		}
	}
}

// yieldingInfinitive returns the infinitive of yielding under token h and
// the governors.tsv line behind it, or -1.
func (s *Stage) yieldingInfinitive(h int) (int, string) {
	for c := s.tr.First(h); c >= 0; c = s.tr.Next(c) {
		switch s.tr.Rel(c) {
		case doc.DepXcomp:
		case doc.DepAcl:
			if !s.markedTo(c) {
				continue
			}
		default:
			continue
		}
		if s.ci.tag(c) != "VB" || s.negated(c) {
			continue
		}
		if role, rule := s.governorRole(c); role == GovYield {
			return c, rule
		}
	}
	return -1, ""
}

// promiser returns the event whose trigger governs event j as its
// complement (see promises), or -1.
func (s *Stage) promiser(d *doc.Doc, j int) int {
	h := s.heads[j]
	if h >= len(d.Tokens) {
		return -1
	}
	// A conjoined infinitive is promised as its first conjunct is
	// ("agreed to lift the curfew and release the detainees").
	for steps := 0; s.tr.Rel(h) == doc.DepConj && s.ci.tag(h) == "VB" && steps < 8; steps++ {
		h = s.tr.Head(h)
	}
	// An expression that ends in the infinitive's "to" ("announced
	// their intention to") takes that infinitive, wherever the parse
	// hung it.
	if mk := s.tr.Marker(h); mk >= 0 && s.ci.tok(mk) == "to" {
		if i := s.eventAtToken(d, mk); i >= 0 && i != j && d.Events[i].Evidence.Trigger.End == d.Tokens[mk].End {
			return i
		}
	}
	if !s.complementRel(h) {
		return -1
	}
	g := s.tr.Head(h)
	if g < 0 {
		return -1
	}
	i := s.eventAtToken(d, g)
	if i < 0 && s.tr.Rel(g) == doc.DepXcomp {
		// "promised to renew the campaign": the support verb carries
		// the nominal to the promise.
		if role, _ := s.governorRole(g); role == GovSupport && s.tr.Head(g) >= 0 {
			i = s.eventAtToken(d, s.tr.Head(g))
		}
	}
	if i == j {
		return -1
	}
	return i
}

// complementRel reports a relation by which a word can be what is
// promised.
func (s *Stage) complementRel(h int) bool {
	switch s.tr.Rel(h) {
	case doc.DepXcomp, doc.DepObj, doc.DepObl:
		return true
	case doc.DepAcl:
		// An infinitive on the trigger's noun: "announced their
		// intention to lay down arms", "an agreement to withdraw".
		mk := s.tr.Marker(h)
		return mk >= 0 && s.ci.tok(mk) == "to"
	}
	return false
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
