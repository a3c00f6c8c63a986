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
// one event the sentence is about (doc.Event.Principal), from the
// sentence's shallow clause structure alone:
//
//   - the event whose trigger heads the main clause outranks events in
//     relative clauses ("who", "which", "where", a "that" followed by a
//     verb), adverbial clauses ("after", "because", "while", "if" ...),
//     participial phrases (", killing five"; a participle after the object
//     noun: "a meeting hosted by X"), and infinitives of purpose governed
//     by an event verb ("telephoned X to discuss");
//   - a clause reported by a verb ("that ...", or a bare complement: "X said
//     Y attacked Z") is as principal as the reporting clause when the
//     reporting verb is no event ("said", "announced"), and ranks below it
//     when the verb is one: "accused X of", "denied that", "warned Y
//     would" keep the speech act principal;
//   - a nominal trigger ranks just below a verb of its own clause ("held a
//     meeting" has no verb event, so the meeting is principal), and below
//     that when it sits in a prepositional phrase ("after the talks",
//     "for a meeting");
//   - an accusation read from a statement's evaluative wording ranks like
//     a nominal, below the statement's own predicate;
//   - negated events and complements (what was agreed, demanded or refused)
//     are candidates only when the sentence has no other event.
//
// Ties go to the earliest trigger. Every sentence with events has exactly
// one principal event.

// Rank penalties: how far a clause or phrase sits below the main clause.
const (
	rankSubordinate = 3 // relative and adverbial clauses, reduced relatives
	rankEmbedded    = 2 // participial phrases; clauses and infinitives under an event verb
	rankNominal     = 1 // a nominal trigger, below the verb of its clause
	rankInPP        = 2 // a nominal trigger inside a prepositional phrase
	rankEvaluative  = 1 // an accusation read from evaluative wording
)

type clauseKind uint8

const (
	clauseMain clauseKind = iota
	clauseRelative
	clauseAdverbial
	clauseParticipial // participles and infinitives: non-finite
	clauseComplement
)

// clauseFrame is one open clause of the left-to-right pass.
type clauseFrame struct {
	kind   clauseKind
	level  int
	finite int  // first token of the clause's last finite verb group, or -1
	conj   bool // a conjunction or comma came after that verb group
}

// subordinators open an adverbial clause or phrase.
var subordinators = map[string]bool{
	"after": true, "before": true, "because": true, "since": true, "while": true, "when": true, "whereas": true,
	"although": true, "though": true, "unless": true, "until": true, "if": true, "once": true, "following": true,
	"amid": true, "despite": true, "during": true,
}

// relativeOpeners open a relative clause; "that" does when a verb follows.
var relativeOpeners = map[string]bool{"who": true, "whom": true, "whose": true, "which": true, "where": true}

// ppHeads are the words that put a following nominal in a prepositional
// phrase: the prepositions plus the prepositional uses of subordinators.
func ppHead(w string) bool { return prepositions[w] || subordinators[w] }

// clauseLevels returns, for each token of the sentence (indexed from
// sent.FirstToken), how deeply its clause is embedded below the main
// clause. eventTok reports tokens that belong to an event's trigger.
func (ci *clauseIndex) clauseLevels(sent doc.Sentence, eventTok func(int) bool, out []int) []int {
	out = grow(out, sent.EndToken-sent.FirstToken)
	stack := []clauseFrame{{kind: clauseMain, finite: -1}}
	top := func() *clauseFrame { return &stack[len(stack)-1] }
	push := func(kind clauseKind, extra int) {
		stack = append(stack, clauseFrame{kind: kind, level: top().level + extra, finite: -1})
	}
	pop := func() {
		if len(stack) > 1 {
			stack = stack[:len(stack)-1]
		}
	}
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		w, tag := ci.tok(k), ci.tag(k)
		next := ""
		if k+1 < sent.EndToken {
			next = ci.tag(k + 1)
		}
		switch {
		case w == ";" || w == ":" || w == "but" || w == "--":
			// A new main clause, or one coordinated with it.
			stack = stack[:1]
			top().conj = true
		case w == ",":
			// A comma closes a relative, adverbial or participial clause
			// opened inside the current one; a reported clause runs on.
			if top().kind != clauseMain && top().kind != clauseComplement {
				pop()
			}
			top().conj = true
		case w == "and" || w == "or":
			top().conj = true
		case relativeOpeners[w] || (w == "that" && (tag == "WDT" || strings.HasPrefix(next, "VB") || next == "MD")):
			push(clauseRelative, rankSubordinate)
		case w == "that" && tag == "IN":
			push(clauseComplement, ci.governorRank(sent, k, eventTok))
		case subordinators[w] && (tag == "IN" || tag == "WRB" || tag == "VBG"):
			push(clauseAdverbial, rankSubordinate)
		default:
			ci.verbGroupLevel(sent, k, eventTok, &stack)
		}
		out[k-sent.FirstToken] = top().level
	}
	return out
}

// verbGroupLevel opens the clause a verb group at token k starts, if any.
func (ci *clauseIndex) verbGroupLevel(sent doc.Sentence, k int, eventTok func(int) bool, stack *[]clauseFrame) {
	c := ci.chunkOf[k]
	if c < 0 || ci.d.Chunks[c].Kind != doc.VerbGroup || ci.d.Chunks[c].FirstToken != k {
		return
	}
	ch := ci.d.Chunks[c]
	top := func() *clauseFrame { return &(*stack)[len(*stack)-1] }
	push := func(kind clauseKind, extra int) {
		*stack = append(*stack, clauseFrame{kind: kind, level: top().level + extra, finite: -1})
	}
	finite := false
	for j := ch.FirstToken; j < ch.EndToken; j++ {
		if isFinite(ci.tag(j)) {
			finite = true
		}
	}
	prev := ""
	if k > sent.FirstToken {
		prev = ci.tok(k - 1)
	}
	switch {
	case finite:
		// A finite verb ends the non-finite phrases before it ("efforts to
		// end the war have failed").
		for len(*stack) > 1 && top().kind == clauseParticipial {
			*stack = (*stack)[:len(*stack)-1]
		}
		// "after the coup ... and has refused": an adverbial with no verb
		// of its own was a prepositional phrase, and a coordinated verb
		// returns to the clause it modifies.
		if t := top(); t.kind == clauseAdverbial && t.finite < 0 && t.conj && len(*stack) > 1 {
			*stack = (*stack)[:len(*stack)-1]
		}
		if t := top(); t.finite >= 0 && !t.conj {
			if t.kind == clauseRelative && len(*stack) > 1 {
				// A second verb after a restrictive relative clause is the
				// verb its antecedent is subject of: "the regime that
				// blocks the routes refuses".
				*stack = (*stack)[:len(*stack)-1]
			} else {
				// A bare complement: "X said Y attacked Z".
				extra := 0
				if ci.groupHasEvent(t.finite, eventTok) {
					extra = rankEmbedded
				}
				push(clauseComplement, extra)
			}
		}
		top().finite, top().conj = k, false
	case ci.tok(k) == "to" || prev == "to":
		push(clauseParticipial, ci.infinitiveRank(sent, k, eventTok))
	case ci.tag(k) == "VBG" || ci.tag(k) == "VBN":
		switch {
		case prev == "," || k == sent.FirstToken:
			push(clauseParticipial, rankEmbedded)
		case ppHead(prev):
			push(clauseParticipial, rankInPP)
		case strings.HasPrefix(ci.tag(k-1), "NN") && top().finite >= 0:
			// A participle after the clause's object noun modifies it: "a
			// meeting hosted by X", "refugees fleeing the war".
			push(clauseParticipial, rankSubordinate)
		}
	}
}

// infinitiveRank is the extra rank of an infinitive whose verb group
// starts at token k. Under an event verb it is that event's purpose or
// content ("telephoned X to discuss"); after an event nominal, the
// nominal's ("the refusal to accept"). Under a verb, adjective or noun that
// is no event it stays in its clause: "is ready to send troops", "announced
// plans to withdraw".
func (ci *clauseIndex) infinitiveRank(sent doc.Sentence, k int, eventTok func(int) bool) int {
	to := k
	if ci.tok(to) != "to" {
		to = k - 1
	}
	g := ci.governingVerb(sent, to-1)
	if g >= 0 && ci.groupHasEvent(g, eventTok) {
		return rankEmbedded
	}
	// An event nominal between the verb and the infinitive governs it:
	// "declared a ceasefire to let aid in" is for the ceasefire.
	from := max(g+1, to-10, sent.FirstToken)
	for n := to - 1; n >= from; n-- {
		if eventTok(n) && ci.nominal(n) {
			return ci.nominalRank(sent, n) + rankEmbedded
		}
	}
	return 0
}

// nominal reports a trigger head that is a noun, or a participle inside a
// noun phrase ("a peacekeeping mission").
func (ci *clauseIndex) nominal(head int) bool {
	if !strings.HasPrefix(ci.tag(head), "VB") {
		return true
	}
	c := ci.chunkOf[head]
	return c >= 0 && ci.d.Chunks[c].Kind == doc.NounPhrase
}

// nominalRank is what a nominal trigger with head token head adds to its
// clause level: rankNominal, plus rankInPP inside a prepositional phrase.
func (ci *clauseIndex) nominalRank(sent doc.Sentence, head int) int {
	r := rankNominal
	npStart := ci.chunkStart(head)
	// A possessor belongs to the phrase: "in protest of [the government's
	// refusal]".
	for npStart-1 > sent.FirstToken && (ci.tag(npStart-1) == "POS" || ci.tok(npStart-1) == "'s" || ci.tok(npStart-1) == "’s") {
		npStart = ci.chunkStart(npStart - 2)
	}
	if npStart > sent.FirstToken && ppHead(ci.tok(npStart-1)) {
		r += rankInPP
	}
	return r
}

// chunkStart returns the first token of the chunk around token k, or k.
func (ci *clauseIndex) chunkStart(k int) int {
	if c := ci.chunkOf[k]; c >= 0 {
		return ci.d.Chunks[c].FirstToken
	}
	return k
}

// governorRank is the extra rank of a "that" clause at token k: none
// under a verb that is no event ("said that"), rankEmbedded under one
// ("denied that").
func (ci *clauseIndex) governorRank(sent doc.Sentence, k int, eventTok func(int) bool) int {
	if g := ci.governingVerb(sent, k-1); g >= 0 && ci.groupHasEvent(g, eventTok) {
		return rankEmbedded
	}
	return 0
}

// governingVerb returns the nearest verb at or before token k, within ten
// tokens and not across a clause break, or -1.
func (ci *clauseIndex) governingVerb(sent doc.Sentence, k int) int {
	for j := k; j >= sent.FirstToken && j > k-10; j-- {
		if strings.HasPrefix(ci.tag(j), "VB") {
			return j
		}
		if w := ci.tok(j); w == ";" || w == "," || relativeOpeners[w] {
			return -1
		}
	}
	return -1
}

// groupHasEvent reports whether the verb group around token k holds an
// event trigger.
func (ci *clauseIndex) groupHasEvent(k int, eventTok func(int) bool) bool {
	s, e := ci.vgBounds(k)
	for j := s; j < e; j++ {
		if eventTok(j) {
			return true
		}
	}
	return false
}

// markPrincipal marks the principal event of each sentence (see the
// comment at the top of this file). Events must be in text order.
func (s *Stage) markPrincipal(d *doc.Doc) {
	if len(d.Events) == 0 {
		return
	}
	s.inTrigger = growBool(s.inTrigger, len(d.Tokens))
	inTrigger := s.inTrigger
	s.heads = grow(s.heads, len(d.Events))
	heads := s.heads
	for i, ev := range d.Events {
		k := tokenAtOrAfter(d, ev.Evidence.Trigger.Start, 0)
		heads[i] = k
		for ; k < len(d.Tokens) && d.Tokens[k].Start < ev.Evidence.Trigger.End; k++ {
			inTrigger[k] = true
		}
	}
	eventTok := func(k int) bool { return inTrigger[k] }
	levels := s.levels
	for i := 0; i < len(d.Events); {
		j := i
		for j < len(d.Events) && d.Events[j].Evidence.Sentence == d.Events[i].Evidence.Sentence {
			j++
		}
		si := text.SentenceOf(d, heads[i])
		if si >= 0 {
			sent := d.Sentences[si]
			levels = s.ci.clauseLevels(sent, eventTok, levels)
			best, bestRank := -1, 0
			for e := i; e < j; e++ {
				if heads[e] < sent.FirstToken || heads[e] >= sent.EndToken {
					continue
				}
				r := s.eventRank(sent, &d.Events[e], heads[e], levels[heads[e]-sent.FirstToken])
				if best < 0 || r < bestRank {
					best, bestRank = e, r
				}
			}
			if best >= 0 {
				d.Events[best].Principal = true
			}
		}
		i = j
	}
	s.levels = levels
}

// eventRank is an event's rank in its sentence: its clause level plus
// what its trigger and status add. Lower ranks are more principal.
func (s *Stage) eventRank(sent doc.Sentence, ev *doc.Event, head, level int) int {
	ci := &s.ci
	r := level
	if ci.nominal(head) {
		r += ci.nominalRank(sent, head)
	}
	if strings.HasPrefix(ev.Rule, "statement_disapproval") {
		r += rankEvaluative
	}
	if ev.Negated || hasAux(ev.Aux, "complement") {
		// Only when nothing else happened.
		r += 100
	}
	return r
}

func hasAux(aux []string, v string) bool {
	for _, a := range aux {
		if a == v {
			return true
		}
	}
	return false
}
