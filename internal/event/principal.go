package event

import (
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
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
//     advcl, parataxis) is background: rankSubordinate;
//   - a clause or infinitive under a verb (ccomp, xcomp, csubj) is as
//     principal as the verb when the verb is no event ("said", "announced"
//     report what happened), and ranks below it when the verb is one:
//     "accused X of", "denied that", "warned Y would" keep the speech act
//     principal: rankEmbedded;
//   - a nominal trigger ranks just below a verb of its own clause ("held a
//     meeting" has no verb event, so the meeting is principal), and below
//     that in a prepositional phrase (obl, nmod: "after the talks");
//   - coordination (conj) costs nothing: the earlier conjunct wins the
//     tie;
//   - an accusation read from a statement's evaluative wording ranks like
//     a nominal, below the statement's own predicate;
//   - negated events and complements (what was agreed, demanded or refused)
//     are candidates only when the sentence has no other event.
//
// Ties go to the earliest trigger. Every sentence with events has exactly
// one principal event.

// Rank penalties: how far a clause or phrase sits below the main clause.
const (
	rankSubordinate = 3 // relative, adverbial and parenthetical clauses
	rankEmbedded    = 2 // clauses and infinitives under an event verb
	rankNominal     = 1 // a nominal trigger, below the verb of its clause
	rankInPP        = 2 // a nominal inside a prepositional phrase
	rankEvaluative  = 1 // an accusation read from evaluative wording
	rankBackground  = 100
)

// markPrincipal marks the principal event of each sentence (see the
// comment at the top of this file). Events must be in text order.
func (s *Stage) markPrincipal(d *doc.Doc) {
	if len(d.Events) == 0 {
		return
	}
	s.inTrigger = growBool(s.inTrigger, len(d.Tokens))
	s.heads = grow(s.heads, len(d.Events))
	heads := s.heads
	for i, ev := range d.Events {
		first := tokenAtOrAfter(d, ev.Evidence.Trigger.Start, 0)
		last := first
		for k := first; k < len(d.Tokens) && d.Tokens[k].Start < ev.Evidence.Trigger.End; k++ {
			s.inTrigger[k] = true
			last = k
		}
		heads[i] = first
		if first < len(d.Tokens) {
			heads[i] = s.tr.Top(first, last)
		}
	}
	for i := 0; i < len(d.Events); {
		j := i
		for j < len(d.Events) && d.Events[j].Evidence.Sentence == d.Events[i].Evidence.Sentence {
			j++
		}
		if text.SentenceOf(d, heads[i]) >= 0 {
			best, bestRank := -1, 0
			for e := i; e < j; e++ {
				if r := s.eventRank(&d.Events[e], heads[e]); best < 0 || r < bestRank {
					best, bestRank = e, r
				}
			}
			d.Events[best].Principal = true
		}
		i = j
	}
}

// eventRank is an event's rank in its sentence: the cost of the path from
// its trigger's head up to the root, plus what its status adds. Lower
// ranks are more principal.
func (s *Stage) eventRank(ev *doc.Event, head int) int {
	r := 0
	if head < len(s.ci.d.Tokens) {
		r = s.pathCost(head)
	}
	if strings.HasPrefix(ev.Rule, "statement_disapproval") {
		r += rankEvaluative
	}
	if ev.Negated || hasAux(ev.Aux, "complement") {
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
		case doc.DepCcomp, doc.DepXcomp, doc.DepCsubj:
			if s.inTrigger[h] {
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
	if !subordinators[s.ci.tok(sent.FirstToken)] {
		return false
	}
	for j := sent.FirstToken + 1; j < sent.EndToken; j++ {
		if s.ci.tok(j) == "," {
			return k < j
		}
	}
	return false
}

func hasAux(aux []string, v string) bool {
	for _, a := range aux {
		if a == v {
			return true
		}
	}
	return false
}
