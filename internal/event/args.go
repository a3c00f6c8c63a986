package event

import (
	"slices"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/event/lexicon"
	"github.com/dateline-project/dateline/internal/lang/en"
	"github.com/dateline-project/dateline/internal/text"
)

// Arguments from the parse.
//
// A trigger's actor and recipient are read from the dependency parse of
// its sentence (Universal Dependencies relations; see internal/parse and
// text.Tree), not from word order. The trigger is headed by its highest
// token in the tree, its predicate; a frame slot names a relation to it:
//
//   - subj: its nsubj. A predicate without a subject of its own takes one
//     along the tree, as English grammar gives it: an xcomp takes its
//     controller (the governor's object when it has one, "urged Iran to
//     withdraw", else its subject, "agreed to withdraw"); a conj or a
//     subjectless advcl shares its head's subject; a relative clause
//     (acl:relcl) or a reduced relative (acl) is about the noun it
//     modifies ("the regime that blocks", "troops stationed there").
//     A passive (aux:pass or nsubj:pass, or a past participle in acl)
//     turns the subject into the recipient and takes its actor from
//     obl:agent or a "by" phrase.
//   - obj, iobj: its obj and iobj.
//   - prep:W: an obl or nmod whose case marker is W ("talks with X").
//   - poss: a nominal trigger's nmod:poss ("Russia's invasion"), else an
//     adjectival or compound modifier that names an actor ("Israeli
//     airstrikes", "US sanctions").
//
// An argument is the actor mention its head word belongs to, else one in
// its "of" phrase, apposition or flat name ("thousands of Kurds"), plus
// the mentions coordinated with it by conj. A relative pronoun stands for
// the noun its clause modifies.
//
// A nominal trigger that is the object of a support verb (governors.tsv:
// "held talks", "launched an offensive") takes that verb's subject, and
// its negation and modality.

// predicate returns the token heading match m in the parse.
//
// A multi-word pattern that opens with a verb ("urge restraint", "take
// ... hostage") is headed by that verb when the tagger says it is one,
// whatever the parse made of it: greedy parses often hang a verb on the
// noun after it as a modifier.
func (s *Stage) predicate(m match) int {
	if m.headToken > m.first {
		// An adverb before the verb it modifies ("sexually abused").
		return m.headToken
	}
	top := s.tr.Top(m.first, m.last)
	if m.trig.Kind == lexicon.KindMWE && !strings.HasPrefix(s.ci.tag(top), "VB") && strings.HasPrefix(s.ci.tag(m.first), "VB") {
		return m.first
	}
	return top
}

// isRelativePronoun reports a wh-word or "that" standing for the noun
// its clause modifies.
func (s *Stage) isRelativePronoun(k int) bool {
	switch s.ci.tag(k) {
	case "WDT", "WP":
		return true
	}
	return s.ci.tok(k) == "that" && s.tr.Head(k) >= 0 && s.tr.Rel(s.tr.Head(k)) == doc.DepAclRelcl
}

// entityOfHead returns the actor mention that the noun phrase headed by
// token k stands for, or -1 (see the comment at the top of this file).
func (s *Stage) entityOfHead(k int) int {
	return s.entityOfHeadDepth(k, 2)
}

func (s *Stage) entityOfHeadDepth(k, depth int) int {
	if k < 0 {
		return -1
	}
	tr := &s.tr
	if e := s.ci.entOf[k]; e >= 0 {
		if s.ci.d.Entities[e].CountryCode == "" && depth > 0 {
			// "leaders of the coalition", "members of the council": a
			// group named by its part or role, with no country of its
			// own, is coded as the body its "of" phrase names.
			// So is one whose apposition names it again with a
			// country: "the envoy, a former Nigerian president,".
			for c := tr.First(k); c >= 0; c = tr.Next(c) {
				switch tr.Rel(c) {
				case doc.DepNmod:
					if mk := tr.Marker(c); mk < 0 || s.ci.tok(mk) != "of" {
						continue
					}
				case doc.DepAppos:
				default:
					continue
				}
				if oe := s.entityOfHeadDepth(c, depth-1); oe >= 0 && s.ci.d.Entities[oe].CountryCode != "" {
					return oe
				}
			}
		}
		return e
	}
	if s.isRelativePronoun(k) {
		if v := tr.Head(k); v >= 0 && tr.Rel(v).Base() == doc.DepAcl {
			return s.entityOfHeadDepth(tr.Head(v), depth)
		}
		// A non-restrictive relative follows its antecedent at once,
		// after a comma ("clashed with police, who fired tear gas"),
		// whatever clause the parse made of it.
		if k >= 2 && s.ci.tok(k-1) == "," && s.ci.tag(k) == "WP" {
			return s.ci.entOf[k-2]
		}
		return -1
	}
	if depth == 0 {
		return -1
	}
	for c := tr.First(k); c >= 0; c = tr.Next(c) {
		switch tr.Rel(c) {
		case doc.DepAppos, doc.DepFlat, doc.DepNmodPoss:
		case doc.DepAmod, doc.DepCompound:
			// "Kenyan villages", "Kenya border posts": a modifier that
			// names a country says whose they are.
			if c > k {
				continue
			}
		case doc.DepNmod:
			// A partitive or a body of people: "thousands of Kurds",
			// "supporters of the opposition"; or the source of a thing
			// that acts for it: "a letter from the ministry urged".
			if mk := tr.Marker(c); mk < 0 || s.ci.tok(mk) != "of" && s.ci.tok(mk) != "from" {
				continue
			}
		default:
			continue
		}
		if e := s.entityOfHeadDepth(c, depth-1); e >= 0 {
			return e
		}
	}
	return -1
}

// coordinatedModifiers adds to out the mentions nested in mention e that
// end where it ends with another country: the actor stage codes
// "Hungarian and Romanian officials" as that phrase, for the first
// demonym, and as "Romanian officials", one for each country.
func (s *Stage) coordinatedModifiers(e int, out []int) []int {
	d := s.ci.d
	whole := d.Entities[e]
	first := s.ci.tokenAt(whole.Start, 0)
	for j := first + 1; j < len(s.ci.entStart) && j < s.ci.entEnd[e]; j++ {
		n := s.ci.entStart[j]
		if n < 0 || n == e || d.Entities[n].End != whole.End || d.Entities[n].CountryCode == "" ||
			d.Entities[n].CountryCode == whole.CountryCode || slices.Contains(out, n) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// coordinatedComplements adds to out the other conjuncts of the "of"
// complement that gave role e, headed by token k, its country: "the
// foreign ministers of Peru and Chile" are Peru's ministers and Chile's.
// The actor stage codes the role with the first country; each other
// country is its own mention.
func (s *Stage) coordinatedComplements(k, e int, out []int) []int {
	d := s.ci.d
	if d.Entities[e].Type != doc.Role || d.Entities[e].CountryCode == "" {
		return out
	}
	tr := &s.tr
	for c := tr.First(k); c >= 0; c = tr.Next(c) {
		if tr.Rel(c).Base() != doc.DepNmod {
			continue
		}
		if mk := tr.Marker(c); mk < 0 || s.ci.tok(mk) != "of" {
			continue
		}
		if ce := s.entityOfHead(c); ce < 0 || d.Entities[ce].CountryCode != d.Entities[e].CountryCode {
			continue
		}
		for j := tr.First(c); j >= 0; j = tr.Next(j) {
			if tr.Rel(j) != doc.DepConj {
				continue
			}
			if je := s.entityOfHead(j); je >= 0 && d.Entities[je].CountryCode != "" && !slices.Contains(out, je) {
				out = append(out, je)
			}
		}
	}
	return out
}

// argument returns the mentions an argument headed by token k names: its
// own and those coordinated with it.
func (s *Stage) argument(k int) []int {
	e := s.entityOfHead(k)
	if e < 0 {
		return nil
	}
	out := []int{e}
	out = s.coordinatedModifiers(e, out)
	out = s.coordinatedComplements(k, e, out)
	tr := &s.tr
	for c := tr.First(k); c >= 0; c = tr.Next(c) {
		switch tr.Rel(c) {
		case doc.DepConj:
		case doc.DepCompound:
			// "Japan and South Korea signed": a parse may read the
			// first conjunct as a compound of the last; a name of
			// its own, joined by a conjunction, is a conjunct.
			if !s.coordinatedBefore(c, k) {
				continue
			}
		default:
			continue
		}
		if ce := s.entityOfHead(c); ce >= 0 && !slices.Contains(out, ce) {
			out = append(out, ce)
		}
	}
	return out
}

// coordinatedBefore reports whether a coordinating conjunction lies
// between the mention headed by c and token k, c being a mention of its
// own with a country or international code.
func (s *Stage) coordinatedBefore(c, k int) bool {
	ce := s.ci.entOf[c]
	if ce < 0 || ce == s.ci.entOf[k] || s.ci.d.Entities[ce].CountryCode == "" {
		// A name with no code of its own may be a piece of a longer
		// name with "and" in it ("the House Energy and Commerce
		// Committee").
		return false
	}
	// The conjunction follows the name at once: "Japan and South
	// Korea", not "the AU Peace and Security Council".
	j := s.ci.tokenAt(s.ci.d.Entities[ce].End, c)
	return j < k && s.ci.tag(j) == "CC"
}

// subjectDependent returns the nominal subject of k, or -1. When the
// parse gives more than one, a subject other than a relative pronoun wins
// (in "the villages that troops shelled" the pronoun is the object,
// whatever its label), and of those one that names an actor ("human
// rights watchdog Amnesty International" may come out as two).
func (s *Stage) subjectDependent(k int) int {
	found, named := -1, -1
	for c := s.tr.First(k); c >= 0; c = s.tr.Next(c) {
		if s.inTime[c] {
			// "The cabinet today approved": a time word labelled as
			// the subject is an adverbial.
			continue
		}
		switch s.tr.Rel(c) {
		case doc.DepNsubj, doc.DepNsubjPass, doc.DepNsubjOuter, doc.DepExpl:
			// An expletive label on a pronoun subject is a common
			// parse error ("it is willing to"); a real expletive
			// names no actor and finds none.
			if s.isRelativePronoun(c) {
				if found < 0 {
					found = c
				}
				continue
			}
			if named < 0 && s.entityOfHead(c) >= 0 {
				named = c
			}
			if found < 0 || s.isRelativePronoun(found) {
				found = c
			}
		}
	}
	if named >= 0 {
		return named
	}
	return found
}

// subjectArgument returns the mentions that the subject of predicate p
// names, found as subjectOf finds it, and whether they undergo the event.
// An unresolved pronoun in a reported clause stands for the reporter.
// When the parse gives a finite verb no subject at all, which greedy
// parsers do when they misread a verb as a modifier, the subject is read
// from word order instead (leftSubject).
func (s *Stage) subjectArgument(p int) (ents []int, undergoer bool, subj int) {
	subj, undergoer = s.subjectOf(p)
	ents = s.argument(subj)
	if len(ents) == 0 && subj >= 0 {
		ents = s.reporterOf(subj)
	}
	if subj < 0 && !undergoer && en.IsFiniteTag(s.ci.tag(p)) {
		if e := s.leftSubject(p); e >= 0 {
			ents = []int{e}
		}
	}
	return ents, undergoer, subj
}

// leftSubject is the word-order fallback for a finite verb at p that the
// parse left without a subject: the nearest mention before it in its
// sentence with nothing between them but modifiers of the verb (adverbs,
// auxiliaries, time words), and not the object of a preposition. It
// returns -1 when there is none.
func (s *Stage) leftSubject(p int) int {
	d := s.ci.d
	for k := p - 1; k >= 0 && k >= p-6; k-- {
		if e := s.ci.entOf[k]; e >= 0 {
			first := s.ci.tokenAt(d.Entities[e].Start, 0)
			if first > 0 && d.Tokens[first-1].Tag == "IN" && !s.openingPartitive(first) {
				return -1
			}
			return e
		}
		if tag := s.ci.tag(k); s.inTime[k] || tag == "RB" || tag == "MD" || strings.HasPrefix(tag, "VB") {
			continue
		}
		if s.ci.tok(k) == "on" && k+1 < p && s.inTime[k+1] {
			continue // "on Monday"
		}
		return -1
	}
	return -1
}

// participleForm reports a past participle, or a regular "-ed" form the
// tagger called a past tense: a reduced relative ("the reports released
// on Monday") is participial in English, never a finite clause, and the
// two forms are one word. A past tense followed by a noun phrase, or
// either form with a direct object, is an active verb with its object,
// which the parse hung on a noun ("gunmen believed to belong to a faction
// killed four people"): a passive participle takes none.
func (s *Stage) participleForm(k int) bool {
	switch s.ci.tag(k) {
	case "VBN":
		// "the rebels released five people": a participle with a
		// direct object and no agent is an active verb the tagger
		// misread.
		return !s.tr.Has(k, doc.DepObj) || len(s.agentOf(k)) > 0
	case "VBD":
		if !strings.HasSuffix(s.ci.tok(k), "ed") || s.tr.Has(k, doc.DepObj) {
			return false
		}
		if k+1 < len(s.ci.d.Tokens) {
			switch next := s.ci.tag(k + 1); {
			case next == "DT" || next == "CD" || next == "PRP" || next == "PRP$" || en.IsNounTag(next) || strings.HasPrefix(next, "JJ"):
				return false
			}
		}
		return true
	}
	return false
}

// passive reports a passive predicate: a past participle with a passive
// auxiliary, or with a passive subject and no object. Any other form
// ("opened", tagged VBD; "throwing") with such a dependent is a
// mislabelled active clause: the morphology outvotes the parse.
//
// A participle after a perfect "have" with no "be" ("had shelled") is
// active, whatever its subject's label.
func (s *Stage) passive(p int) bool {
	if s.ci.tag(p) != "VBN" {
		return false
	}
	if s.tr.Has(p, doc.DepAuxPass) {
		return true
	}
	if h := s.tr.Head(p); h >= 0 && h < p && s.tr.Rel(p) == doc.DepConj && !s.tr.Has(p, doc.DepAux) && s.subjectDependent(p) < 0 {
		// "had been kidnapped and held hostage": a participle
		// conjoined with a passive, with no auxiliary or subject of its
		// own, shares its voice.
		return s.passive(h)
	}
	if !s.tr.Has(p, doc.DepNsubjPass) {
		return false
	}
	if s.hasBareObject(p) {
		// A passive has no direct object: a subject, no passive
		// auxiliary and an object make a preterite mistagged
		// ("Kenyan troops killed at least ten rebels"); a headline's
		// passive ("Ten soldiers killed in ambush") has none.
		return false
	}
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		if s.tr.Rel(c) == doc.DepAux {
			switch s.ci.tok(c) {
			case "have", "has", "had", "having", "'ve", "'d":
				return false
			}
		}
	}
	return true
}

// verbBetween reports a verb strictly between tokens a and b.
func (s *Stage) verbBetween(a, b int) bool {
	for k := a + 1; k < b; k++ {
		if strings.HasPrefix(s.ci.tag(k), "VB") {
			return true
		}
	}
	return false
}

// controllingOblique returns the object of a prepositional verb h that
// controls its infinitive q: a phrase before q marked "on" or "upon"
// that names an actor (whatever relation the parse gave it), or -1.
func (s *Stage) controllingOblique(h, q int) int {
	for c := s.tr.First(h); c >= 0 && c < q; c = s.tr.Next(c) {
		mk := s.tr.Marker(c)
		if mk < 0 {
			continue
		}
		switch s.ci.tok(mk) {
		case "on", "upon":
			if s.entityOfHead(c) >= 0 {
				return c
			}
		case "for":
			// "called for the council to resign": in "for X to V", X
			// is the infinitive's subject, when nothing stands between
			// X's phrase and "to".
			if mq := s.tr.Marker(q); mq >= 0 && s.tr.Rightmost(c)+1 == mq && s.entityOfHead(c) >= 0 {
				return c
			}
		}
	}
	return -1
}

// prepositionalController returns the prepositional object of verb h
// that controls an infinitive q the parse read as a purpose clause, or
// -1: the preposition follows the verb at once ("called on Y to", not
// "declared war on Y to", a purpose), and h is active.
func (s *Stage) prepositionalController(h, q int) int {
	mk := s.tr.Marker(q)
	if mk < 0 || s.ci.tok(mk) != "to" || s.passive(h) {
		return -1
	}
	if o := s.controllingOblique(h, q); o >= 0 && s.tr.Marker(o) == h+1 {
		return o
	}
	return -1
}

// hasBareObject reports a direct object of p: its obj, or a noun phrase
// after it with no preposition that is no time ("attacked positions",
// which a parse may label obl; not "attacked last week").
func (s *Stage) hasBareObject(p int) bool {
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		switch s.tr.Rel(c) {
		case doc.DepObj:
			return true
		case doc.DepObl:
			if c > p && !s.inTime[c] && s.tr.Marker(c) < 0 && en.IsNounTag(s.ci.tag(c)) {
				return true
			}
		}
	}
	return false
}

// nominalComplementBefore returns a noun or pronoun that the parse made
// an open complement (xcomp) of verb h before its infinitive q, or -1.
// Open complements are predicates, and a bare noun phrase between a verb
// other than a linking one (en.IsLinkingVerb) and its infinitive is the
// verb's object ("urge Uganda to withdraw").
func (s *Stage) nominalComplementBefore(h, q int) int {
	if en.IsLinkingVerb(s.ci.tok(h)) {
		// "became the first country to recognise it": a linking
		// verb's noun phrase is its predicate, and the infinitive
		// the noun's.
		return -1
	}
	for c := s.tr.First(h); c >= 0 && c < q; c = s.tr.Next(c) {
		if c > h && s.tr.Rel(c) == doc.DepXcomp && (en.IsNounTag(s.ci.tag(c)) || s.ci.tag(c) == "PRP") {
			return c
		}
	}
	return -1
}

// subjectOf returns the token heading the subject of predicate p, found
// along control, coordination and relative clauses, and whether that
// subject undergoes the event (a passive, or a noun modified by a past
// participle) rather than doing it.
func (s *Stage) subjectOf(p int) (subj int, undergoer bool) {
	tr := &s.tr
	undergoer = s.passive(p)
	q := p
	for steps := 0; steps < 8 && q >= 0; steps++ {
		if c := s.subjectDependent(q); c >= 0 {
			if s.isRelativePronoun(c) && tr.Rel(q).Base() == doc.DepAcl {
				return tr.Head(q), undergoer
			}
			return c, undergoer
		}
		h := tr.Head(q)
		if h < 0 {
			return -1, undergoer
		}
		switch tr.Rel(q) {
		case doc.DepXcomp:
			// Object control ("urged Iran to withdraw") before subject
			// control ("agreed to withdraw").
			// A weapon's or support verb's object is an instrument or
			// an event, and controls nothing: "fired rubber bullets to
			// disperse the crowd" is the subject's purpose.
			// A past participle so controlled is passive: "had him
			// killed", "saw them beaten" (the object undergoes it; the
			// causer is no agent the participle names). An open
			// complement is never finite, so an -ed form the tagger
			// read as a preterite is the participle.
			participle := s.ci.tag(q) == "VBN" || s.ci.tag(q) == "VBD"
			instrument := false
			if role, _ := s.governorRole(h); role == GovWeapon || role == GovSupport {
				instrument = !participle
			}
			if o := tr.Dependent(h, doc.DepObj); o >= 0 && o < q && !instrument && (participle || !s.thingSent(h, o, q)) {
				return o, undergoer || participle
			}
			if o := tr.Dependent(h, doc.DepIobj); o >= 0 && !instrument {
				return o, undergoer
			}
			if o := s.nominalComplementBefore(h, q); o >= 0 && !instrument {
				// "urge Uganda to withdraw" with "Uganda" read as a
				// second open complement: a noun phrase between the
				// verb and its infinitive is its object.
				return o, undergoer || participle
			}
			// A prepositional verb's object controls as a direct
			// object does: "called on Y to withdraw", "prevailed
			// upon Y to". Not "to" ("was sent to Haiti to
			// investigate", "went to Kenya to meet": a place) nor
			// "with" ("agreed with Y to withdraw" is the subject's
			// own undertaking); a passive's subject controls.
			if o := s.controllingOblique(h, q); o >= 0 && !s.passive(h) {
				return o, undergoer
			}
			q = h
		case doc.DepConj, doc.DepAdvcl:
			// A conjunct shares its head's subject; a subjectless
			// adverbial clause (", killing five") is controlled by the
			// subject of the clause it modifies.
			rel := tr.Rel(q)
			if rel == doc.DepAdvcl && s.conditionalMarker(q) {
				return -1, undergoer
			}
			if rel == doc.DepAdvcl {
				// "called on Y to withdraw", where the parse read the
				// infinitive as a purpose clause.
				if o := s.prepositionalController(h, q); o >= 0 {
					return o, undergoer
				}
			}
			q = h
			if rel == doc.DepConj {
				// A verb is conjoined with a verb: one attached to a
				// noun ("wounding two guards and seizing the depot") is
				// the conjunct of the verb that governs the noun.
				for n := 0; n < 8 && q >= 0 && !strings.HasPrefix(s.ci.tag(q), "VB"); n++ {
					q = tr.Head(q)
				}
				if q < 0 {
					return -1, undergoer
				}
			}
		case doc.DepAcl:
			if mk := tr.Marker(q); mk >= 0 && s.ci.tok(mk) == "to" {
				if hm := tr.Marker(h); hm >= 0 && s.ci.tok(hm) == "for" && h < mk && !s.verbBetween(h, mk) && s.entityOfHead(h) >= 0 {
					// "called for the council to resign": in "for X
					// to V", X is the infinitive's subject.
					return h, undergoer
				}
				// The possessor of a noun is its subject's counterpart
				// and controls its infinitive ("Uganda's decision to
				// close the border", "its bid to join NATO"), as the
				// subject of "decided to close" does.
				if c := tr.Dependent(h, doc.DepNmodPoss); c >= 0 && c < h {
					return c, false
				}
				// An infinitive of purpose on a noun ("used tear gas to
				// disperse them") is controlled by the clause's
				// subject, not by the noun.
				if v := tr.Head(h); v >= 0 && strings.HasPrefix(s.ci.tag(v), "VB") {
					q = v
					continue
				}
				if strings.HasPrefix(s.ci.tag(h), "JJ") {
					// An adjective's infinitive ("is due to visit",
					// "is ready to talk", parsed acl): the adjective's
					// subject controls it, as with xcomp.
					q = h
					continue
				}
				return -1, undergoer
			}
			// A reduced relative: "troops stationed there" undergo,
			// "rebels fighting the army" act. A participle on a noun
			// that heads the whole sentence is its verb misread ("Crowds
			// protested in the capital" has no other predicate), save
			// in a headline, whose passives drop "were"; so is one in a
			// sentence with no finite verb ("Dozens of nurses
			// demonstrated", verblessPredicate).
			if s.participleForm(q) && (tr.Head(h) >= 0 || s.ci.d.Headline) && !s.verbless(q) {
				return h, true
			}
			return h, undergoer
		case doc.DepAclRelcl:
			return h, undergoer
		default:
			return -1, undergoer
		}
	}
	return -1, undergoer
}

// thingSent reports an object o of h that names no actor, before a
// purpose infinitive q: "sent equipment to help defend X" is the sender's
// purpose, since equipment does nothing, where in "sent troops to protect
// X" the troops do the protecting (object control needs an agent).
func (s *Stage) thingSent(h, o, q int) bool {
	if len(s.argument(o)) > 0 || s.ci.tag(o) == "PRP" {
		return false
	}
	mk := s.tr.Marker(q)
	return mk >= 0 && s.ci.tok(mk) == "to" && h >= 0 && strings.HasPrefix(s.ci.tag(h), "VB")
}

// agentOf returns the by-phrase of a passive predicate or nominal: its
// obl:agent, or an obl or nmod marked "by".
func (s *Stage) agentOf(p int) []int {
	if c := s.agentToken(p); c >= 0 {
		return s.argument(c)
	}
	return nil
}

// agentToken returns the head of the passive verb p's "by" phrase, or -1.
func (s *Stage) agentToken(p int) int {
	tr := &s.tr
	for c := tr.First(p); c >= 0; c = tr.Next(c) {
		switch tr.Rel(c) {
		case doc.DepOblAgent, doc.DepObl, doc.DepNmod:
			// English marks the agent with "by" alone; an obl:agent
			// with another marker ("used during the war") is the
			// parse's mistake.
			if mk := tr.Marker(c); mk >= 0 && s.ci.tok(mk) == "by" {
				return c
			}
		}
	}
	return -1
}

// dependentsOfMatch calls f with every dependent of the match's tokens
// that lies outside the words of the trigger itself, or inside its gap
// ("took five workers hostage"), in text order per token.
func (s *Stage) dependentsOfMatch(m match, f func(c int) bool) {
	tr := &s.tr
	p := s.predicate(m)
	for k := m.first; k <= m.last; k++ {
		if k != m.headToken && !tr.Dominates(p, k) {
			continue
		}
		for c := tr.First(k); c >= 0; c = tr.Next(c) {
			if !f(c) {
				return
			}
		}
	}
}

// objects returns the arguments of the match's dependents with relation
// rel. A nominal trigger that is the subject of a verb that is no event
// of its own takes that verb's object ("Riots hit the capital",
// "Clashes engulfed the border towns").
func (s *Stage) objects(m match, rel doc.DepRel) []int {
	var out []int
	s.dependentsOfMatch(m, func(c int) bool {
		if s.tr.Rel(c) == rel {
			out = s.argument(c)
			return len(out) == 0
		}
		return true
	})
	if len(out) > 0 || rel != doc.DepObj || m.trig.Kind == lexicon.KindVerb {
		return out
	}
	p := s.predicate(m)
	if g := s.tr.Head(p); g >= 0 && s.tr.Rel(p) == doc.DepNsubj && !s.used[g] {
		if o := s.tr.Dependent(g, doc.DepObj); o > p {
			return s.argument(o)
		}
	}
	return nil
}

// ownerOf returns the actor a noun at k belongs to: the mention it is
// part of, its possessor, a modifier that names a country, or its maker
// (makerOf).
func (s *Stage) ownerOf(k int) []int {
	if a := s.argument(k); len(a) > 0 {
		return a
	}
	return s.makerOf(k)
}

// makerOf returns the actor the noun at k names as its maker: its "by"
// phrase ("calls by the envoy"), or the agent of a support verb's passive
// participle on it ("a march staged by the unions": a support verb's
// subject is its event's actor, governors.tsv); nil when none, or when
// k < 0. Another participle's agent did something else to it ("a deal
// mediated by X", "a march attacked by police").
func (s *Stage) makerOf(k int) []int {
	if k < 0 || !en.IsNounTag(s.ci.tag(k)) {
		return nil
	}
	for c := s.tr.First(k); c >= 0; c = s.tr.Next(c) {
		switch {
		case s.tr.Rel(c).Base() == doc.DepNmod:
			if mk := s.tr.Marker(c); mk >= 0 && s.ci.tok(mk) == "by" {
				return s.argument(c)
			}
		case s.tr.Rel(c) == doc.DepAcl && s.ci.tag(c) == "VBN" && c > k:
			if role, _ := s.governorRole(c); role != GovSupport {
				continue
			}
			if a := s.agentOf(c); len(a) > 0 {
				return a
			}
		}
	}
	return nil
}

// prepObject returns the arguments of the match's prepositional
// dependent marked by prep. A nominal trigger that is a verb's object
// also takes the verb's: English leaves the attachment of "imposed
// sanctions on X" open, and parsers attach such phrases to the verb.
func (s *Stage) prepObject(m match, prep string) []int {
	var out []int
	s.dependentsOfMatch(m, func(c int) bool {
		out = s.markedArgument(c, prep)
		return len(out) == 0
	})
	if len(out) > 0 {
		return out
	}
	p := s.predicate(m)
	verbal := strings.HasPrefix(s.ci.tag(p), "VB")
	if h := s.tr.Head(p); h >= 0 && s.tr.Rel(p) == doc.DepNmod && !strings.HasPrefix(s.ci.tag(h), "VB") {
		// "25 tons of aid to the refugees": the measure noun heads the
		// phrase and holds its other phrases.
		if mk := s.tr.Marker(p); mk >= 0 && s.ci.tok(mk) == "of" {
			for c := s.tr.First(h); c >= 0 && len(out) == 0; c = s.tr.Next(c) {
				if c != p {
					out = s.markedArgument(c, prep)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	if verbal {
		// "offered its troops to X": the phrase may hang on the object.
		for o := s.tr.First(p); o >= 0 && len(out) == 0; o = s.tr.Next(o) {
			if s.tr.Rel(o) != doc.DepObj {
				continue
			}
			for c := s.tr.First(o); c >= 0 && len(out) == 0; c = s.tr.Next(c) {
				out = s.markedArgument(c, prep)
			}
		}
		return out
	}
	if prep == "by" {
		// "the arrest of the leader by police": a greedy parse hangs
		// the agent on the nearer noun, the event's "of" phrase; a
		// person or a body takes no agent of its own.
		for o := s.tr.First(p); o >= 0 && len(out) == 0; o = s.tr.Next(o) {
			if mk := s.tr.Marker(o); o > p && s.tr.Rel(o) == doc.DepNmod && mk >= 0 && s.ci.tok(mk) == "of" && s.entityOfHead(o) >= 0 {
				for c := s.tr.First(o); c >= 0 && len(out) == 0; c = s.tr.Next(c) {
					if c > o {
						out = s.markedArgument(c, prep)
					}
				}
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	if g := s.tr.Head(p); g >= 0 && (s.tr.Rel(p) == doc.DepObj || s.tr.Rel(p) == doc.DepNsubj && !s.used[g]) {
		for c := s.tr.First(g); c >= 0 && len(out) == 0; c = s.tr.Next(c) {
			if c > p {
				out = s.markedArgument(c, prep)
			}
		}
	}
	return out
}

// markedArgument returns the arguments of c when it is a prepositional
// phrase marked by prep.
func (s *Stage) markedArgument(c int, prep string) []int {
	switch s.tr.Rel(c).Base() {
	case doc.DepObl, doc.DepNmod, doc.DepAdvmod:
		if mk := s.tr.Marker(c); mk >= 0 && s.ci.tok(mk) == prep {
			return s.argument(c)
		}
	}
	return nil
}

// possessor returns the actor a nominal trigger belongs to: its
// nmod:poss, else a modifier that names an actor ("Israeli airstrikes",
// "US sanctions", "a French-led offensive").
func (s *Stage) possessor(m match) []int {
	var out []int
	s.dependentsOfMatch(m, func(c int) bool {
		if s.tr.Rel(c) == doc.DepNmodPoss {
			out = s.argument(c)
			return false
		}
		return true
	})
	if len(out) > 0 {
		return out
	}
	s.dependentsOfMatch(m, func(c int) bool {
		rel := s.tr.Rel(c)
		if rel == doc.DepAmod && en.IsNounTag(s.ci.tag(c)) && !s.isDemonym(c) {
			// An adjectival modifier is an adjective ("Russian
			// sanctions"); a noun the parse made one ("offered
			// Romania new talks") is another argument misread. A
			// demonym is an adjective whatever its tag (taggers
			// often give "American" NNP).
			return true
		}
		switch rel {
		case doc.DepAmod, doc.DepCompound:
			if c < m.first {
				if e := s.ci.entOf[c]; e >= 0 {
					out = []int{e}
					return false
				}
			}
		}
		return true
	})
	return out
}

// doers returns the actor mention that a nominal trigger naming the doers
// heads ("the hunger strikers"): one that ends where the trigger ends.
func (s *Stage) doers(m match) []int {
	d := s.ci.d
	if e := s.ci.entOf[m.last]; e >= 0 && d.Entities[e].End == d.Tokens[m.last].End {
		return []int{e}
	}
	return nil
}

// slot returns the mentions that fill a frame slot of match m with
// predicate p.
func (s *Stage) slot(m match, p int, sl lexicon.Slot) []int {
	switch sl.Kind {
	case lexicon.SlotNone:
		return nil
	case lexicon.SlotSubj:
		if subj, undergoer, _ := s.subjectArgument(p); !undergoer {
			return subj
		}
		return nil
	case lexicon.SlotPrep:
		return s.prepObject(m, sl.Prep)
	case lexicon.SlotPoss:
		return s.possessor(m)
	case lexicon.SlotSelf:
		return s.doers(m)
	case lexicon.SlotIObj:
		return s.objects(m, doc.DepIobj)
	default:
		if o := s.objects(m, doc.DepObj); len(o) > 0 || m.trig.Noun() {
			return o
		}
		if s.tr.Has(p, doc.DepObj) {
			return nil
		}
		// An object that the verb shares with a coordinated verb
		// ("attacked and burned the village").
		if o := s.sharedObject(p); o >= 0 {
			return s.argument(o)
		}
		// An indirect object with no direct one beside it is the
		// verb's only object, whatever the parse called it ("urged
		// Kenya and Uganda to talk"): UD keeps iobj for the second
		// object of a ditransitive.
		if o := s.objects(m, doc.DepIobj); len(o) > 0 {
			return o
		}
		// A verb the parse gave no object at all (it misread the
		// verb as a modifier): word order gives it one.
		// The parse's conjuncts of that object go with it ("called on
		// Kenya and Uganda").
		if e := s.rightObject(m); e >= 0 {
			return append([]int{e}, s.coordinatedWith(e)...)
		}
		return nil
	}
}

// sharedObject returns the object that verb p, which has none of its
// own, shares with a verb coordinated with it, or -1. In right node
// raising ("rebels attacked and burned the village", "began culling and
// burying the pigs") one object follows every conjunct; UD hangs it on the
// first, and parsers as often on the nearest. The object must follow both
// verbs, and nothing of the earlier verb's own may stand between them, so
// that "fled to the hills and burned the village" shares nothing.
func (s *Stage) sharedObject(p int) int {
	tr := &s.tr
	if !strings.HasPrefix(s.ci.tag(p), "VB") || tr.Has(p, doc.DepObj) {
		return -1
	}
	if tr.Rel(p) == doc.DepConj {
		// p is a later conjunct: its first conjunct's object.
		h := tr.Head(p)
		if h < p && strings.HasPrefix(s.ci.tag(h), "VB") && tr.Rightmost(p) == p {
			if o := tr.Dependent(h, doc.DepObj); o > p {
				return o
			}
		}
		return -1
	}
	for c := tr.First(p); c >= 0; c = tr.Next(c) {
		if c < p {
			continue
		}
		switch tr.Rel(c) {
		case doc.DepConj:
			if !strings.HasPrefix(s.ci.tag(c), "VB") || tr.Has(c, doc.DepNsubj) {
				return -1
			}
			if o := tr.Dependent(c, doc.DepObj); o > c {
				return o
			}
		case doc.DepCc, doc.DepPunct:
		default:
			// The earlier verb has a phrase of its own after it.
			return -1
		}
	}
	return -1
}

// rightObject is the word-order fallback for the object of a verbal
// trigger: a mention that starts right after it, past determiners,
// adjectives and numbers only. It returns -1 when there is none.
func (s *Stage) rightObject(m match) int {
	d := s.ci.d
	for k := m.last + 1; k < len(d.Tokens) && k <= m.last+4; k++ {
		if e := s.ci.entStart[k]; e >= 0 {
			return e
		}
		switch s.ci.tag(k) {
		case "DT", "JJ", "CD", "PRP$":
		default:
			return -1
		}
	}
	return -1
}

// subordinateBetween reports a comma and a subordinator between p and a
// later token j (", as the leaders met", ", after talks failed"):
// another clause begins there, whatever the parse made of it.
func (s *Stage) subordinateBetween(p, j int) bool {
	for k := p + 1; k+1 < j; k++ {
		if s.ci.tok(k) == "," && en.IsSubordinator(s.ci.tok(k+1)) {
			return true
		}
	}
	return false
}

// inClause reports whether token j belongs to the clause of predicate p
// without being its subject or part of a clause of its own (a relative,
// adverbial, reported or parenthetical clause, or a coordinated verb).
// Recipients found by search rather than by slot must be in it.
func (s *Stage) inClause(p, j int) bool {
	tr := &s.tr
	if s.subordinateBetween(p, j) {
		return false
	}
	for steps := 0; j >= 0 && steps < 32; steps++ {
		if j == p {
			return true
		}
		switch tr.Rel(j) {
		case doc.DepAdvcl:
			// A to-infinitive of purpose has no subject of its own and
			// belongs to the event ("threatened on Monday to cut ties
			// with X"; parsers often label such an xcomp advcl), and so
			// does a phrase a preposition opens ("from neighbouring X",
			// when the tagger took the adjective for a gerund); a
			// clause opened by a subordinator ("if", "because",
			// "after") does not.
			if mk := s.tr.Marker(j); mk < 0 || en.IsSubordinator(s.ci.tok(mk)) || s.ci.tok(mk) == "that" {
				// A that-clause labelled advcl is a content clause.
				return false
			}
		case doc.DepAcl:
			// A noun's that-clause ("reports that ...") is its content.
			if mk := s.tr.Marker(j); mk >= 0 && s.ci.tok(mk) == "that" {
				return false
			}
		case doc.DepAclRelcl, doc.DepAdvclRelcl, doc.DepCcomp, doc.DepParataxis,
			doc.DepCsubj, doc.DepNsubj, doc.DepNsubjPass, doc.DepList:
			return false
		case doc.DepConj:
			if strings.HasPrefix(s.ci.tag(j), "VB") {
				return false
			}
		}
		j = tr.Head(j)
	}
	return false
}

// conditionalMarker reports a clause opened by "if" or "unless".
func (s *Stage) conditionalMarker(k int) bool {
	for c := s.tr.First(k); c >= 0; c = s.tr.Next(c) {
		if s.tr.Rel(c) == doc.DepMark {
			if w := s.ci.tok(c); w == "unless" || w == "if" && (c == 0 || s.ci.tok(c-1) != "as") {
				// "as if" compares; it sets no condition.
				return true
			}
		}
	}
	return false
}

// inCondition reports a predicate inside an adverbial clause opened by
// "if" or "unless": the condition of another clause.
func (s *Stage) inCondition(p int) bool {
	tr := &s.tr
	for k, steps := p, 0; k >= 0 && steps < 16; k, steps = tr.Head(k), steps+1 {
		if s.conditionalMarker(k) && !s.complementClause(k) {
			return true
		}
	}
	return false
}

// conditionSubject returns the subject of the condition set on predicate
// p or on the act it announces, through its complements ("threatened to
// close the strait if the United States attacked", "warned that it would
// retaliate unless India withdrew"), or nil. A parse may hang the
// condition on the act's object or oblique rather than on the act.
func (s *Stage) conditionSubject(sent doc.Sentence, p int) []int {
	tr := &s.tr
	for c := sent.FirstToken; c < sent.EndToken; c++ {
		// A threatened act asks no question, so an "if" clause the
		// parse made its complement is its condition too.
		if r := tr.Rel(c); r != doc.DepAdvcl && r != doc.DepCcomp || !s.conditionalMarker(c) || !s.setsConditionOn(c, p) {
			continue
		}
		if subj := tr.Dependent(c, doc.DepNsubj); subj >= 0 {
			if a := s.argument(subj); len(a) > 0 {
				return a
			}
		}
	}
	return nil
}

// conditioned reports an ultimatum's condition set on the predicate p
// (setsConditionOn): an "unless" clause, or an "if" clause that is
// negated ("if no deal is reached", "if the government does not pay"),
// what the other side must do to avert the act. "If asked" offers the act
// instead.
func (s *Stage) conditioned(sent doc.Sentence, p int) bool {
	for c := sent.FirstToken; c < sent.EndToken; c++ {
		if r := s.tr.Rel(c); (r != doc.DepAdvcl && r != doc.DepCcomp) || !s.conditionalMarker(c) || !s.setsConditionOn(c, p) {
			continue
		}
		if mk := s.tr.Dependent(c, doc.DepMark); mk >= 0 && s.ci.tok(mk) == "unless" || s.negated(c) || s.negativeObject(c) {
			return true
		}
	}
	return false
}

// setsConditionOn reports whether the conditional clause c hangs on p, on
// a complement of p, or on their objects and obliques.
func (s *Stage) setsConditionOn(c, p int) bool {
	tr := &s.tr
	for k, steps := tr.Head(c), 0; k >= 0 && steps < 6; k, steps = tr.Head(k), steps+1 {
		if k == p {
			return true
		}
		switch tr.Rel(k).Base() {
		case doc.DepXcomp, doc.DepCcomp, doc.DepObj, doc.DepObl:
		default:
			return false
		}
	}
	return false
}

// complementClause reports a clause attached as a complement: the
// object or subject clause of a verb, a clause on a noun ("the question
// whether"), or the extraposed subject of a predicate with a dummy "it"
// ("it is not clear if", which the parse may call adverbial).
func (s *Stage) complementClause(k int) bool {
	switch s.tr.Rel(k).Base() {
	case doc.DepCcomp, doc.DepCsubj, doc.DepAcl:
		return true
	case doc.DepAdvcl:
		h := s.tr.Head(k)
		return h >= 0 && s.tr.Has(h, doc.DepExpl)
	}
	return false
}

// particle returns the phrasal particle of verb k ("out" in "carried
// out"), or "".
func (s *Stage) particle(k int) string {
	if c := s.tr.Dependent(k, doc.DepCompoundPrt); c >= 0 {
		return s.ci.tok(c)
	}
	return ""
}

// governorRole returns what the word k does to the events below it.
func (s *Stage) governorRole(k int) (GovernorRole, string) {
	return roleIn(s.word(k).governors, s.particle(k))
}

// negated reports a negation of predicate p: a "not", "never" or "no" on
// it, a negative auxiliary ("cannot"), or a negative quantifier as its
// subject ("no one was hurt", "none of the guards fired"), which denies
// the event as "not" does (Huddleston and Pullum 2002, ch. 9: clausal
// negation by a negative quantifier). The object of a verb trigger
// counts too (negativeObject); the object of a support verb may be
// another noun than the trigger ("made no mention of his pledge").
func (s *Stage) negated(p int) bool {
	tr := &s.tr
	for c := tr.First(p); c >= 0; c = tr.Next(c) {
		switch tr.Rel(c).Base() {
		case doc.DepAdvmod, doc.DepDet, doc.DepAux, doc.DepCcPreconj:
			if en.IsNegator(s.ci.tok(c)) {
				return true
			}
		case doc.DepNsubj:
			if s.negativeQuantifier(c) {
				return true
			}
		}
	}
	if h := tr.Head(p); h >= 0 && h < p && tr.Rel(p) == doc.DepConj && s.subjectDependent(p) < 0 {
		// "could not confirm or deny": a negation before verbs
		// joined by "or" or "nor" denies each of them.
		if cc := tr.Dependent(p, doc.DepCc); cc >= 0 && (s.ci.tok(cc) == "or" || s.ci.tok(cc) == "nor") {
			return s.negated(h)
		}
	}
	return false
}

// negativeObject reports a negative quantifier as the object of verb p:
// "the blast killed nobody", "police arrested no one".
func (s *Stage) negativeObject(p int) bool {
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		if s.tr.Rel(c) == doc.DepObj && s.negativeQuantifier(c) {
			return true
		}
	}
	return false
}

// negativeQuantifier reports a noun phrase headed by k that quantifies
// over nothing: "nobody", "none", "nothing", or any noun under the
// determiner "no" ("no one", "no civilians").
func (s *Stage) negativeQuantifier(k int) bool {
	switch s.ci.tok(k) {
	case "nobody", "none", "nothing", "noone":
		return true
	}
	for c := s.tr.First(k); c >= 0; c = s.tr.Next(c) {
		if s.tr.Rel(c) == doc.DepDet && s.ci.tok(c) == "no" {
			return true
		}
	}
	return false
}

// prospect reports an infinitive p under a word of prospect ("is
// expected to sign", "is set to host", "is due to visit"; an adjective's
// infinitive may be parsed acl): an event foreseen, not yet done
// (governors.tsv, role prospect).
func (s *Stage) prospect(p int) bool {
	h := s.tr.Head(p)
	if h < 0 || !(s.tr.Rel(p) == doc.DepXcomp || s.tr.Rel(p) == doc.DepAcl && s.markedTo(p)) {
		return false
	}
	role, _ := s.governorRole(h)
	return role == GovProspect
}

// markedTo reports an infinitive marked "to".
func (s *Stage) markedTo(p int) bool {
	mk := s.tr.Marker(p)
	return mk >= 0 && s.ci.tok(mk) == "to"
}

// modality reads the modal auxiliaries of predicate p and the conditions
// over it: "will" is future; "would", "could", "might", "may" are
// hypothetical; "should", "must" obligation; "going to" future; a clause
// opened by "if" or "unless", or one that such a clause modifies, is
// conditional; a word of hearsay on it ("allegedly", "reportedly",
// governors.tsv role hearsay) makes it alleged.
func (s *Stage) modality(p int, aux doc.Aux) doc.Aux {
	tr := &s.tr
	conditional := false
	var modal doc.Aux
	perfect := false
	for c := tr.First(p); c >= 0; c = tr.Next(c) {
		switch tr.Rel(c) {
		case doc.DepAux:
			switch w := s.ci.tok(c); en.ModalOf(w) {
			case en.ModalFuture:
				modal |= doc.AuxFuture
			case en.ModalHypothetical:
				modal |= doc.AuxHypothetical
			case en.ModalObligation:
				modal |= doc.AuxObligation
			default:
				perfect = perfect || w == "have" || w == "'ve"
			}
		case doc.DepAdvcl:
			conditional = conditional || s.conditionalMarker(c)
		}
	}
	if s.hearsay(p) {
		aux |= doc.AuxAlleged
	}
	if modal != 0 && perfect && modal&doc.AuxFuture == 0 {
		// "may have been killed", "could have fled": a modal with a
		// perfect looks back at a possible past, not forward.
		modal = doc.AuxSpeculative
	}
	aux |= modal
	if h := tr.Head(p); h >= 0 && tr.Rel(p) == doc.DepXcomp && s.ci.tok(h) == "going" || s.prospect(p) {
		// "is going to attack", "is expected to sign".
		aux |= doc.AuxFuture
	}
	if s.headlineFuture(p) {
		aux |= doc.AuxFuture
	}
	for k, steps := p, 0; !conditional && k >= 0 && steps < 16; k, steps = tr.Head(k), steps+1 {
		// Only an adverbial clause sets a condition: "if" on a
		// complement asks a question ("it was not clear if five were
		// killed", "asked if the talks would resume").
		conditional = s.conditionalMarker(k) && !s.complementClause(k)
	}
	if conditional {
		aux |= doc.AuxConditional
	}
	return aux
}

// hearsay reports a word of hearsay (governors.tsv, role hearsay) on
// predicate p: an adverb on a verb ("allegedly killed") or an adjective
// on a noun ("the alleged shelling").
func (s *Stage) hearsay(p int) bool {
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		if r := s.tr.Rel(c); r == doc.DepAdvmod || r == doc.DepAmod {
			if role, _ := s.governorRole(c); role == GovHearsay {
				return true
			}
		}
	}
	return false
}

// headlineFuture reports the future of headlines: a subject followed by
// "to" and a bare verb, with no finite verb in the headline ("France to
// withdraw troops from Mali" reports that France will). Headlines drop
// the auxiliary, and this is how they say "will".
func (s *Stage) headlineFuture(p int) bool {
	d := s.ci.d
	if !d.Headline || s.ci.tag(p) != "VB" || p < 2 || s.ci.tok(p-1) != "to" {
		return false
	}
	if tg := s.ci.tag(p - 2); !strings.HasPrefix(tg, "NN") && tg != "PRP" {
		return false
	}
	si := text.SentenceOf(d, p)
	if si < 0 {
		return false
	}
	for k := d.Sentences[si].FirstToken; k < d.Sentences[si].EndToken; k++ {
		if en.IsFiniteTag(s.ci.tag(k)) {
			return false
		}
	}
	return true
}

// openingPartitive reports a mention after "of" in a quantity that opens
// its sentence ("Thousands of troops", "Dozens of the rebels"): the
// group is the subject, not the object of a preposition.
func (s *Stage) openingPartitive(first int) bool {
	d := s.ci.d
	if first < 2 || s.ci.tok(first-1) != "of" {
		return false
	}
	q := first - 2
	if tag := s.ci.tag(q); tag != "NNS" && tag != "CD" {
		return false
	}
	si := text.SentenceOf(d, q)
	return si >= 0 && d.Sentences[si].FirstToken == q
}

// subordinators open an adverbial clause.

// verbless reports whether participle k is the verb of a sentence with no
// finite verb (verblessPredicate).
func (s *Stage) verbless(k int) bool {
	si := text.SentenceOf(s.ci.d, k)
	return si >= 0 && s.verblessPredicate(s.ci.d.Sentences[si], k)
}
