package event

import (
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lang/en"
	"github.com/dateline-project/dateline/internal/text"
)

// Principal events.
//
// A news sentence usually reports one event and mentions others as its
// background: the cause in an "after" clause, the place in a relative
// clause, the purpose in an infinitive, the content of a statement. The
// coder codes them all; markPrincipal then marks, in each sentence, the
// one event the sentence is about (doc.Event.Principal): the event nearest
// the main predicate of the sentence's dependency tree. Each arc on the
// way from a trigger up to the root costs what the grammar says it
// subordinates:
//
//   - a relative, adverbial or parenthetical clause (acl, acl:relcl,
//     advcl, parataxis), and an adjectival participle before its noun
//     (amod: "armed groups"), a reduced relative, are background:
//     rankSubordinate;
//   - a clause or infinitive under a verb (ccomp, xcomp, csubj) is as
//     principal as the verb when the verb is no event ("said", "announced"
//     report what happened), and ranks below it when the verb is one:
//     "accused X of", "denied that", "warned Y would" keep the speech act
//     principal: rankEmbedded; a support verb with an event as its object
//     counts as an event ("began a strike to demand ...");
//   - a nominal trigger ranks just below a verb of its own clause ("held a
//     meeting" has no verb event, so the meeting is principal), and below
//     that in a prepositional phrase (obl, nmod: "after the talks");
//   - coordination (conj) costs nothing: the earlier conjunct wins the
//     tie;
//   - an accusation read from a statement's evaluative wording ranks like
//     a nominal, below the statement's own predicate;
//   - an event inside a background phrase ("after ...", "amid ...", "in
//     response to ...", data/cues/background.tsv) ranks as a subordinate
//     clause does (salience.go);
//   - negated events and complements (what was agreed, demanded or refused)
//     are candidates only when the sentence has no other event.
//
// Ties go to the earliest trigger. Every sentence with events has exactly
// one principal event. The same ranks give every event its salience
// (doc.Event.Salience, salience.go), by which the story stage chooses a
// story's main event.

// Rank penalties: how far a clause or phrase sits below the main clause.
const (
	rankSubordinate = 3 // relative, adverbial and parenthetical clauses
	rankEmbedded    = 2 // clauses and infinitives under an event verb
	rankNominal     = 1 // a nominal trigger, below the verb of its clause
	rankInPP        = 2 // a nominal inside a prepositional phrase
	rankEvaluative  = 1 // an accusation read from evaluative wording
	rankBackground  = 100
)

// findHeads sets s.heads[i] to the head token of event i's trigger (the
// token of the trigger nearest the root) and marks trigger tokens in
// s.inTrigger. Events must be in text order.
func (s *Stage) findHeads(d *doc.Doc) {
	s.inTrigger = growBool(s.inTrigger, len(d.Tokens))
	s.heads = grow(s.heads, len(d.Events))
	for i, ev := range d.Events {
		first := s.ci.tokenAt(ev.Evidence.Trigger.Start, 0)
		last := first
		for k := first; k < len(d.Tokens) && d.Tokens[k].Start < ev.Evidence.Trigger.End; k++ {
			s.inTrigger[k] = true
			last = k
		}
		s.heads[i] = first
		if first < len(d.Tokens) {
			s.heads[i] = s.tr.Top(first, last)
		}
	}
}

// markPrincipal marks the principal event of each sentence and sets every
// event's salience (see the comment at the top of this file and
// salience.go). findHeads must have run.
func (s *Stage) markPrincipal(d *doc.Doc) {
	if len(d.Events) == 0 {
		return
	}
	s.markBackground(d)
	heads := s.heads
	s.ranks = grow(s.ranks, len(d.Events))
	for i := 0; i < len(d.Events); {
		j := i
		for j < len(d.Events) && d.Events[j].Evidence.Sentence == d.Events[i].Evidence.Sentence {
			j++
		}
		if si := text.SentenceOf(d, heads[i]); si >= 0 {
			hv := s.headlineVerbEvent(d.Sentences[si], heads[i:j])
			best, bestRank := -1, 0
			for e := i; e < j; e++ {
				r := s.eventRank(&d.Events[e], heads[e], hv)
				if g := s.argumentOf(d, i, e); g >= 0 {
					r = max(r, s.ranks[g]+rankNominal)
				}
				s.ranks[e] = r
				if best < 0 || r < bestRank {
					best, bestRank = e, r
				}
			}
			d.Events[best].Principal = true
			for e := i; e < j; e++ {
				d.Events[e].Salience = salienceOf(s.ranks[e], bestRank)
			}
		} else {
			// Events with no token to rank (none in practice) keep a
			// neutral salience.
			for e := i; e < j; e++ {
				d.Events[e].Salience = 1
			}
		}
		i = j
	}
}

// headlineVerbEvent returns the head token of the event a sentence with
// no finite verb has as its verb, or -1: the noun-tagged verb of a
// headline (clause.go, headlineVerb: "Norway ratifies treaty") or the
// participle-tagged past tense of prose (verblessPredicate: "Nurses
// demonstrated outside the hospital"). heads are the head tokens of the
// sentence's events.
func (s *Stage) headlineVerbEvent(sent doc.Sentence, heads []int) int {
	for _, h := range heads {
		if h < len(s.ci.d.Tokens) && (s.ci.headlineVerb(sent, h) || s.verblessPredicate(sent, h)) {
			return h
		}
	}
	return -1
}

// eventRank is an event's rank in its sentence: the cost of the path from
// its trigger's head up to the root, plus what its status adds. Lower
// ranks are more principal.
//
// hv is the head of the sentence's headline verb, or -1. The event coder
// reads the word after a headline's subject as its verb where the tagger
// took it for a noun, and the parse built on that tag is no guide: the
// verb is the clause's predicate, and a nominal after it is its object.
func (s *Stage) eventRank(ev *doc.Event, head, hv int) int {
	r := 0
	switch {
	case head == hv:
	case head < len(s.ci.d.Tokens):
		r = s.pathCost(head)
		if hv >= 0 && head > hv && !strings.HasPrefix(s.ci.tag(head), "VB") {
			r = max(r, rankNominal)
		}
	}
	if strings.HasPrefix(ev.Rule, "statement_disapproval") {
		r += rankEvaluative
	}
	if head < len(s.inBackground) && s.inBackground[head] {
		// Inside "after ...", "amid ...", "in response to ...": the
		// cause or occasion of the clause's event (salience.go).
		r += rankSubordinate
	}
	if ev.Negated || ev.Aux.Has(doc.AuxComplement) {
		r += rankBackground
	}
	return r
}

// pathCost sums the cost of each arc from token k up to its root.
func (s *Stage) pathCost(k int) int {
	tr := &s.tr
	cost := 0
	nominal := !strings.HasPrefix(s.ci.tag(k), "VB")
	if s.subordinateClause(k) {
		// The event's own clause is marked subordinate by its words.
		cost += rankSubordinate
	}
	for steps := 0; steps < 64; steps++ {
		h := tr.Head(k)
		if h < 0 {
			break
		}
		switch tr.Rel(k) {
		case doc.DepAdvcl, doc.DepParataxis:
			// A main clause hung under a clause that its subordinator
			// marks as adverbial ("After X attacked Y, Z detained W"
			// parsed with "attacked" as root) is not below it.
			if !s.subordinateClause(h) {
				cost += rankSubordinate
			}
		case doc.DepAcl, doc.DepAclRelcl, doc.DepAdvclRelcl:
			cost += rankSubordinate
		case doc.DepAmod:
			// A participle before its noun ("the detained activists",
			// "armed groups") is a reduced relative clause. A verb
			// tagged finite has no business modifying a noun: that is
			// a misparse of a clause, which keeps its rank.
			if tg := s.ci.tag(k); tg == "VBN" || tg == "VBG" || tg == "JJ" {
				cost += rankSubordinate
			}
		case doc.DepCcomp, doc.DepXcomp, doc.DepCsubj:
			if s.inTrigger[h] || s.supportsEvent(h) {
				cost += rankEmbedded
			}
		case doc.DepObl, doc.DepNmod, doc.DepOblAgent, doc.DepOblUnmarked:
			cost += rankInPP
		case doc.DepConj:
		default:
			if nominal {
				cost += rankNominal
			}
		}
		nominal = false
		k = h
	}
	return cost
}

// supportsEvent reports a support verb whose object is an event trigger
// ("began a hunger strike", "launched an offensive"): the verb and its
// object state one event (governors.tsv, role support), so a clause under
// the verb ("began a hunger strike to demand ...") is embedded under an
// event, as under the event's own verb.
func (s *Stage) supportsEvent(h int) bool {
	if !strings.HasPrefix(s.ci.tag(h), "VB") {
		return false
	}
	for c := s.tr.First(h); c >= 0; c = s.tr.Next(c) {
		if s.tr.Rel(c) == doc.DepObj && s.inTrigger[c] {
			role, _ := s.governorRole(h)
			return role == GovSupport
		}
	}
	return false
}

// subordinateClause reports a clause that its own words mark as
// subordinate, whatever relation the parse gave it: a subordinator ("after",
// "because", "while", "if") or a relative pronoun as its subject ("which
// attacked", "that attacked"). Greedy parsers often make the first verb of
// "After X attacked Y, Z detained W" the root, or a relative clause a
// conjunct; the clause's own marker settles it.
func (s *Stage) subordinateClause(k int) bool {
	if s.frontedClause(k) {
		return true
	}
	for c := s.tr.First(k); c >= 0; c = s.tr.Next(c) {
		switch s.tr.Rel(c) {
		case doc.DepMark:
			switch s.ci.tok(c) {
			case "that", "to", "whether", "for":
			default:
				return true
			}
		case doc.DepNsubj, doc.DepNsubjPass:
			if s.isRelativePronoun(c) || s.ci.tag(c) == "WDT" || s.ci.tag(c) == "WP" {
				return true
			}
		case doc.DepAdvmod:
			if w := s.ci.tok(c); w == "where" || w == "when" || w == "whereby" {
				return true
			}
		}
	}
	return false
}

// frontedClause reports a verb inside a sentence-initial adverbial
// clause: the sentence opens with a subordinator ("After", "Because",
// "While") and a comma closes the clause after the verb. Word order
// decides this where the parse hangs the subordinator elsewhere.
func (s *Stage) frontedClause(k int) bool {
	d := s.ci.d
	si := text.SentenceOf(d, k)
	if si < 0 {
		return false
	}
	sent := d.Sentences[si]
	if !en.IsSubordinator(s.ci.tok(sent.FirstToken)) {
		return false
	}
	for j := sent.FirstToken + 1; j < sent.EndToken; j++ {
		if s.ci.tok(j) == "," {
			return k < j
		}
	}
	return false
}
