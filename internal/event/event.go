// Package event is dateline's PLOVER event coder. It fills Doc.Events from
// the layers the earlier stages built: tokens and chunks (text), actors
// (actor), statements and their speakers (quote), time expressions (when)
// and places (geo).
//
// Coding is lexicon-driven: a trigger (a verb, a nominalisation or a
// multi-word expression, with its PLOVER type, mode, contexts and frame)
// is matched at a token through the lemma candidates of the words, and a
// small clause analysis over the chunk layer finds its arguments:
//
//   - subject and object, with coordination ("France and Germany urged");
//   - passives ("was attacked by X" makes X the actor);
//   - relative clauses ("the regime that blocks") and coordinated verbs
//     that share a subject ("blocks the routes, refuses to accept");
//   - infinitival complements, taken by the outer trigger ("refuses to
//     accept" is one REJECT, not a REJECT and an AGREE);
//   - nominal events ("the opening of the road for the cargo of X"), with
//     the possessor or a "by" phrase as actor and a prepositional phrase as
//     recipient; the object of a support verb ("launched an attack", "will
//     provide aid") takes the verb's subject, negation and modality, and a
//     noun that modifies another noun ("a press release") is no event;
//   - partitive subjects ("thousands of Iraqi Kurds"), and no recipient
//     from the subject of a following clause (", the ministry said").
//
// The clause's grammar is read too: a negated verb becomes the trigger's
// negated type when the lexicon gives one ("will not discuss" is a REJECT,
// not a CONSULT) and is marked negated otherwise; modal, future and
// conditional clauses are marked in Aux; an event inside a statement by a
// speaker other than its actor is claimed by that speaker; a term in scare
// quotes or a quoted title triggers nothing.
//
// Each sentence's principal event, the one the sentence reports rather
// than mentions as background, is marked from the clause structure; see
// principal.go for the rule.
package event

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/event/lexicon"
	"github.com/dateline-project/dateline/internal/lang/en"
	"github.com/dateline-project/dateline/internal/plover"
	"github.com/dateline-project/dateline/internal/text"
)

// Name is the stage name.
const Name = "event"

// Lexicon gives the triggers whose first word has a lemma, and the lemma
// of an irregular verb form ("fled" -> "flee"). *lexicon.Lexicon
// implements it. Its answers must not change: a stage keeps them for the
// words it has seen (see wordInfo).
type Lexicon interface {
	Candidates(lemma string) []*lexicon.Trigger
	Lemma(form string) (string, bool)
}

// Ontology supplies the PLOVER facts of a type and mode.
type Ontology interface {
	Quad(typ plover.EventType) string
	CameoRoot(typ plover.EventType, mode string) string
	Intensity(typ plover.EventType, mode string) float64
	// DefaultMode is the mode of an event whose trigger gives none, such
	// as a negated CONSULT recoded as REJECT.
	DefaultMode(typ plover.EventType) string
}

// DateFinder returns the time expression governing a trigger in its
// sentence, if any.
type DateFinder func(d *doc.Doc, sentence, trigger doc.Span) (doc.TimeExpr, bool)

// Coder holds the shared, immutable resources.
type Coder struct {
	lex         Lexicon
	onto        Ontology
	dateFor     DateFinder
	disapproval *Disapproval
	governors   *Governors
	background  *Background
	nonActors   *NonActors
	cyber       *CyberWords
}

// New returns a coder. dateFor may be nil, in which case events take the
// document's date. gov is the table of governing words
// (data/cues/governors.tsv, see LoadGovernors).
func New(lex Lexicon, onto Ontology, dateFor DateFinder, gov *Governors) *Coder {
	return &Coder{lex: lex, onto: onto, dateFor: dateFor, governors: gov}
}

// Stage is one worker's coder with its scratch state.
type Stage struct {
	c      *Coder
	ci     clauseIndex
	tr     text.Tree
	quoteA []int  // token -> index of the statement it is in, or -1
	scare  []bool // token -> inside a scare quote or a quoted title
	// tokWord is each token's word, filled on first use (see word), and
	// words the words met so far, the acronyms in words[1].
	tokWord []*wordInfo
	words   [2]map[string]*wordInfo
	used    []bool       // token already consumed by a trigger
	coded   []codedMatch // the lexicon matches behind d.Events (sense.go)
	events  []doc.Event  // the sentence loop's events (see keepEvents)
	// reciprocal marks events whose trigger is of mutual action
	// (recast.go); it follows the events when they are sorted.
	reciprocal []bool
	senses     map[string]discourseSense
	timeEnd    []int  // token -> token after the time expression starting there, or -1
	inTime     []bool // token is inside a time expression
	placeOf    []int  // token -> the place covering it, or -1
	// Scratch for markPrincipal and promises.
	inTrigger    []bool
	heads        []int
	ranks        []int
	inBackground []bool // token -> inside a background phrase (salience.go)
}

// NewStage returns a per-worker stage.
func (c *Coder) NewStage() *Stage { return &Stage{c: c} }

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return Name }

// Requires implements pipeline.Stage.
func (s *Stage) Requires() []doc.Layer {
	return []doc.Layer{doc.LayerText, doc.LayerParse, doc.LayerChunks, doc.LayerMeta, doc.LayerEntities, doc.LayerQuotes, doc.LayerTimes, doc.LayerPlaces}
}

// Provides implements pipeline.Stage.
func (s *Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerEvents} }

// match is a trigger matched at a token.
type match struct {
	trig      *lexicon.Trigger
	first     int // token of the first word
	last      int // token of the last word
	headToken int // the token that decides verb or noun
	sentEnd   int // token after the match's sentence: searches stop there
}

// Process implements pipeline.Stage.
func (s *Stage) Process(ctx context.Context, d *doc.Doc) error {
	if len(d.Lower) != len(d.Text) {
		return fmt.Errorf("event: the text layer has not run")
	}
	s.ci.reset(d)
	s.tr.Reset(d)
	s.indexQuotes(d)
	s.used = growBool(s.used, len(d.Tokens))
	s.indexTimes(d)
	s.indexPlaces(d)
	if cap(s.tokWord) < len(d.Tokens) {
		s.tokWord = make([]*wordInfo, len(d.Tokens))
	}
	s.tokWord = s.tokWord[:len(d.Tokens)]
	clear(s.tokWord)
	s.coded = s.coded[:0]
	given := d.Events
	d.Events = append(s.events[:0], given...)
	for si := range d.Sentences {
		if err := ctx.Err(); err != nil {
			s.keepEvents(d, given)
			return err
		}
		s.sentence(d, si)
	}
	s.keepEvents(d, given)
	s.oneSensePerDiscourse(d)
	s.statements(d)
	s.demands(d)
	s.markReciprocal(d)
	s.mutualParties(d)
	s.recastAssaults(d)
	sort.Stable(byTrigger{d.Events, s.reciprocal[:len(d.Events)]})
	// IDs follow text order, so they are given once every rule has
	// added its events.
	for i := range d.Events {
		d.Events[i].ID = d.ID + "-e" + strconv.Itoa(i+1)
	}
	s.findHeads(d)
	s.protestTargets(d)
	s.requestTargets(d)
	s.promises(d)
	s.yieldingPromises(d)
	for i := range d.Events {
		s.enrich(&d.Events[i])
	}
	s.markPrincipal(d)
	return nil
}

// byTrigger sorts events into text order, with their reciprocal marks.
type byTrigger struct {
	events     []doc.Event
	reciprocal []bool
}

func (b byTrigger) Len() int { return len(b.events) }
func (b byTrigger) Less(i, j int) bool {
	return b.events[i].Evidence.Trigger.Start < b.events[j].Evidence.Trigger.Start
}
func (b byTrigger) Swap(i, j int) {
	b.events[i], b.events[j] = b.events[j], b.events[i]
	b.reciprocal[i], b.reciprocal[j] = b.reciprocal[j], b.reciprocal[i]
}

// keepEvents gives d its own copy of the events the sentence loop
// gathered in the worker's buffer: one allocation of the right size, where
// appending to the document's slice grew it again and again. given is
// what d held before, kept when no event was added.
func (s *Stage) keepEvents(d *doc.Doc, given []doc.Event) {
	s.events = d.Events
	if len(d.Events) == len(given) {
		d.Events = given
	} else {
		d.Events = slices.Clone(d.Events)
	}
	// The buffer must not keep the document's strings alive.
	clear(s.events)
}

// enrich gives an event what PLOVER's ontology derives from its type and
// mode: quad class, CAMEO root and intensity. It is called once for every
// event, after every rule that may recode a type (statements, cyber
// attacks, police raids, promises) has run, so that no rule can leave a
// stale quad behind a type it changed.
func (s *Stage) enrich(ev *doc.Event) {
	ev.Quad = s.c.onto.Quad(ev.Type)
	ev.CameoRoot = s.c.onto.CameoRoot(ev.Type, ev.Mode)
	ev.Intensity = s.c.onto.Intensity(ev.Type, ev.Mode)
}

// indexTimes marks where each time expression starts and ends, so that a
// multi-word trigger can step over one: "called Thursday on", "opened a
// hearing on Wednesday into".
func (s *Stage) indexTimes(d *doc.Doc) {
	s.timeEnd = grow(s.timeEnd, len(d.Tokens))
	for i := range s.timeEnd {
		s.timeEnd[i] = -1
	}
	s.inTime = growBool(s.inTime, len(d.Tokens))
	for _, te := range d.TimeExprs {
		k := s.ci.tokenAt(te.Start, 0)
		if k < len(d.Tokens) {
			s.timeEnd[k] = s.ci.tokenAt(te.End, k)
			for j := k; j < s.timeEnd[k]; j++ {
				s.inTime[j] = true
			}
		}
	}
}

func growBool(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// indexQuotes marks each token with the statement that contains it and
// flags the tokens of scare quotes and quoted titles, which trigger
// nothing: "the film "Attack at Dawn"" reports no attack.
func (s *Stage) indexQuotes(d *doc.Doc) {
	n := len(d.Tokens)
	s.quoteA = grow(s.quoteA, n)
	for i := range s.quoteA {
		s.quoteA[i] = -1
	}
	s.scare = growBool(s.scare, n)
	for qi, q := range d.Quotes {
		k := s.ci.tokenAt(q.Start, 0)
		for ; k < n && d.Tokens[k].Start < q.End; k++ {
			if !q.Kind.Statement() {
				s.scare[k] = true
				continue
			}
			s.quoteA[k] = qi
		}
	}
}

// kindFits gates a trigger on the part of speech of its first word: the
// verb "blast" is an ACCUSE, the noun an ASSAULT. Verb triggers also take
// nouns, because the tagger sometimes calls a verb a noun; build decides
// from the context whether it was one.
func kindFits(k lexicon.Kind, tag string) bool {
	switch k {
	case lexicon.KindNoun:
		return tag == "NN" || tag == "NNS"
	case lexicon.KindAdj:
		return tag == "JJ"
	case lexicon.KindVerb:
		return strings.HasPrefix(tag, "VB") || tag == "NN" || tag == "NNS"
	}
	// A multi-word expression is its words in order, whatever the first
	// one's tag: "live ammunition", "mass graves", and "tear gas" with
	// "tear" read as an adjective (findMatch then wants a noun at its
	// end).
	return true
}

// triggerTag reports whether a token's tag can start a trigger: verbs,
// common nouns, adjectives (for adjective triggers only) and adverbs (for
// multi-word expressions only: "sexually abused", "forcibly displaced").
func triggerTag(tag string) bool {
	return strings.HasPrefix(tag, "VB") || tag == "NN" || tag == "NNS" || tag == "JJ" || tag == "RB"
}

// wordInfo is what trigger matching needs of a lower-case word: its
// lemma candidates, irregular forms included, and the lexicon's triggers
// for each of them in turn. A stage keeps the words it has met across
// documents, since news repeats its words and working them out (suffix
// rules, three or four lexicon lookups) is most of what a trigger lookup
// costs. Callers must not modify it.
type wordInfo struct {
	lemmas []string
	cands  []candidate
	// nonActor reports a noun the non-actor table lists, in the singular
	// or in a regular plural (see isNonActor).
	nonActor bool
	// governors are the governors.tsv lines of the lemmas (see
	// governorRole).
	governors []governor
}

// candidate is a trigger as findMatch tries it, with what rules most
// candidates out kept beside it rather than behind the pointer.
type candidate struct {
	tr   *lexicon.Trigger
	kind lexicon.Kind
	n    int    // tr.Len()
	next string // the pattern's second word; "" for none or a gap
}

// maxWords bounds the words a stage keeps; past it the cache starts
// again, so a stream of new words cannot grow it without end. A word
// takes about 200 bytes: the 347 news articles of the test corpus meet
// 9,000 words, 1.7 MB.
const maxWords = 1 << 15

// word returns token k's word.
func (s *Stage) word(k int) *wordInfo {
	if wi := s.tokWord[k]; wi != nil {
		return wi
	}
	w := s.ci.tok(k)
	acronym := 0
	if s.acronym(k) {
		acronym = 1
	}
	m := s.words[acronym]
	wi, ok := m[w]
	if !ok {
		if m == nil || len(m) >= maxWords {
			m = make(map[string]*wordInfo)
			s.words[acronym] = m
		}
		// The key and the lemmas must not hold on to the document's text.
		w = strings.Clone(w)
		wi = s.newWord(w, acronym == 1)
		m[w] = wi
	}
	s.tokWord[k] = wi
	return wi
}

func (s *Stage) newWord(w string, acronym bool) *wordInfo {
	wi := &wordInfo{}
	if acronym {
		// "AIDS", "ARMS" (a treaty's name): an acronym is no
		// inflected word, so it has no lemma but itself.
		wi.lemmas = []string{w}
	} else {
		wi.lemmas = lemmaCandidates(w, nil)
	}
	if l, ok := s.c.lex.Lemma(w); ok {
		wi.lemmas = append(wi.lemmas, l)
	}
	wi.lemmas = slices.Clip(wi.lemmas)
	if s.c.nonActors != nil {
		wi.nonActor = s.c.nonActors.lists(w)
	}
	wi.governors = s.c.governors.forLemmas(wi.lemmas)
	for _, l := range wi.lemmas {
		for _, tr := range s.c.lex.Candidates(l) {
			c := candidate{tr: tr, kind: tr.Kind, n: tr.Len()}
			if len(tr.Words) > 1 && tr.Words[1] != lexicon.Opt && tr.Words[1] != lexicon.Gap {
				c.next = tr.Words[1]
			}
			wi.cands = append(wi.cands, c)
		}
	}
	return wi
}

// lemmas returns the lemma candidates of token k, irregular forms
// included; callers must not modify them.
func (s *Stage) lemmas(k int) []string { return s.word(k).lemmas }

// lemmasOutsideTime returns the lemmas of token k, none when k is part of
// a time expression or is a month's name capitalised after a lower-case
// word, which the time stage may leave unresolved without a year or a
// publication date: "held since March" holds no march. In a headline's
// capitals ("Crowds Hold March") the capital tells nothing.
func (s *Stage) lemmasOutsideTime(k int) []string {
	if s.inTime[k] {
		return nil
	}
	toks := s.ci.d.Tokens
	if k > 0 && toks[k].Upper && toks[k-1].Kind == doc.Word && !toks[k-1].Upper && en.IsMonthName(s.ci.tok(k)) {
		return nil
	}
	return s.lemmas(k)
}

// findMatch returns the longest trigger match starting at token t.
func (s *Stage) findMatch(d *doc.Doc, sent doc.Sentence, t int) (match, bool) {
	var best match
	found, bestLen := false, 0
	tag := s.ci.triggerTagAt(sent, t)
	adverb := d.Tokens[t].Tag == "RB"
	cands := s.word(t).cands
	if len(cands) == 0 {
		return best, false
	}
	// What the next token offers a pattern's second word, as matchFrom
	// would find it: nothing at the sentence's end or in a scare quote,
	// else its lemmas, or a time adverbial to step over.
	k := t + 1
	closed := k >= sent.EndToken || s.scare[k]
	steps := false
	if !closed {
		_, steps = s.timeAdverbial(sent, k)
	}
	for _, c := range cands {
		// The checks that need no matching come first: most
		// candidates of a common verb ("call", "threaten") are
		// longer expressions that fail, or cannot beat the best.
		if !kindFits(c.kind, tag) || (adverb && c.kind != lexicon.KindMWE) {
			continue
		}
		if found && (c.n < bestLen || (c.n == bestLen && !s.preferredAt(t, c.tr, best.trig))) {
			continue
		}
		if c.next != "" && !steps && (closed || !slices.Contains(s.lemmas(k), c.next)) {
			continue
		}
		last, ok := s.matchFrom(sent, c.tr.Words[1:], k, t)
		if !ok {
			continue
		}
		if c.kind == lexicon.KindMWE && last > t && s.subjectOutside(t, last) {
			// A verb has one subject: when the parse gives the verb
			// that ends the expression a subject outside it, the words
			// before the verb are no subject of it ("helicopters armed
			// with rockets attacked" holds no "rocket attack").
			continue
		}
		if c.kind == lexicon.KindMWE && tag == "JJ" && c.tr.Words[0] != s.ci.tok(t) && !adjectiveOpensNoun(s.ci.tok(t), d.Tokens[last].Tag) {
			// A pattern that spells the participle out as it stands
			// ("improvised explosive device") names a thing; one matched
			// through the participle's lemma is a verb pattern misread.
			continue
		}
		best = match{trig: c.tr, first: t, last: last, headToken: t, sentEnd: sent.EndToken}
		found, bestLen = true, c.n
		if adverb && last > t {
			// An adverb modifies the verb after it, which heads the
			// expression even when tagged as an adjective
			// ("sexually abused").
			best.headToken = t + 1
		}
	}
	return best, found
}

// subjectOutside reports whether token last is a verb whose subject, in
// the parse, lies outside first..last, while the noun at first is neither
// a subject of it nor within that subject's own noun phrase (as
// "protesters" is in "a group of protesters gathered").
func (s *Stage) subjectOutside(first, last int) bool {
	switch s.ci.tag(last) {
	case "VBD", "VBZ", "VBP", "VBN":
	default:
		return false
	}
	subj := s.tr.Dependent(last, doc.DepNsubj)
	if subj < 0 {
		subj = s.tr.Dependent(last, doc.DepNsubjPass)
	}
	if subj < 0 || subj >= first && subj <= last {
		return false
	}
	if !en.IsNounTag(s.ci.tag(first)) {
		return false // "he sexually assaulted"
	}
	for h := first; h >= 0; h = s.tr.Head(h) {
		if h == subj || s.tr.Head(h) == last && s.tr.Rel(h).Base() == doc.DepNsubj {
			return false
		}
		switch s.tr.Rel(h).Base() {
		case doc.DepNmod, doc.DepCompound, doc.DepConj, doc.DepAppos, doc.DepFlat:
		default:
			return true
		}
	}
	return true
}

// adjectiveOpensNoun reports whether an expression opened by the
// adjective w and ended by a token tagged last is a common noun phrase
// ("live ammunition", "joint military exercises", "tear gas" with "tear"
// read as an adjective). A participle tagged as an adjective opens a verb
// pattern's misreading ("the internationally recognised Government of
// ...", "threatening to South Africa"), no event.
func adjectiveOpensNoun(w, last string) bool {
	return (last == "NN" || last == "NNS") && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing")
}

// preferredAt reports whether trigger a beats trigger b, both matched at
// token t with the same length. A pattern written for the token's part of
// speech comes first: on a noun ("her release", "the arrest") the noun
// pattern's frame says how a nominal takes its participants (an "of"
// phrase, a "by" phrase), which a verb pattern, allowed on nouns only
// because taggers mistake verbs for nouns, cannot. Otherwise the more
// confident pattern wins.
func (s *Stage) preferredAt(t int, a, b *lexicon.Trigger) bool {
	if tag := s.ci.d.Tokens[t].Tag; tag == "NN" || tag == "NNS" {
		if an, bn := a.Kind == lexicon.KindNoun, b.Kind == lexicon.KindNoun; an != bn {
			return an
		}
	}
	return a.Confidence > b.Confidence
}

// matchFrom matches pattern words from token k; last is the token of the
// last word matched so far. "*" matches one optional token, "..." zero to
// lexicon.MaxGap tokens that are not sentence punctuation.
func (s *Stage) matchFrom(sent doc.Sentence, words []string, k, last int) (int, bool) {
	if len(words) == 0 {
		return last, true
	}
	switch w := words[0]; w {
	case lexicon.Opt:
		if k < sent.EndToken && !s.scare[k] {
			if l, ok := s.matchFrom(sent, words[1:], k+1, k); ok {
				return l, true
			}
		}
		return s.matchFrom(sent, words[1:], k, last)
	case lexicon.Gap:
		if last >= 0 && en.IsNounTag(s.ci.tag(last)) {
			// After a noun, a gap may hold all of the noun's own
			// phrase, however long: "fighting [between the army and the
			// rebels] stopped", "sanctions [on ...] were lifted".
			if r := s.tr.Rightmost(last); r >= k+lexicon.MaxGap && r+1 < sent.EndToken {
				if l, ok := s.matchFrom(sent, words[1:], r+1, last); ok {
					return l, true
				}
			}
		}
		for g := 0; g <= lexicon.MaxGap && k+g < sent.EndToken; g++ {
			if g > 0 && (s.ci.d.Tokens[k+g-1].Kind == doc.Punct && s.ci.tag(k+g-1) != "POS" || s.opensClause(k+g-1)) {
				// A possessive apostrophe ("the strikers' demands")
				// ends no phrase.
				break
			}
			if l, ok := s.matchFrom(sent, words[1:], k+g, last); ok {
				return l, true
			}
		}
		return 0, false
	default:
		if k >= sent.EndToken || s.scare[k] {
			return 0, false
		}
		for _, c := range s.lemmasOutsideTime(k) {
			if c == w {
				return s.matchFrom(sent, words[1:], k+1, k)
			}
		}
		if e, ok := s.timeAdverbial(sent, k); ok {
			return s.matchFrom(sent, words, e, last)
		}
		return 0, false
	}
}

// opensClause reports a token that a gap in a pattern may not cross,
// because what follows it is another clause's: a subordinator ("fired
// its chief executive after rockets hit"; not "as", which also counts:
// "as many as"), a relative word, or a finite verb that heads a clause
// of its own rather than helping one ("will be lifted", which a gap
// holds).
func (s *Stage) opensClause(k int) bool {
	tag := s.ci.tag(k)
	switch {
	case tag == "WDT" || tag == "WP" || tag == "WRB":
		return true
	case tag == "IN":
		w := s.ci.tok(k)
		return w != "as" && en.IsSubordinator(w)
	case en.IsFiniteTag(tag):
		switch s.tr.Rel(k).Base() {
		case doc.DepAux, doc.DepCop, doc.DepAmod, doc.DepCompound:
			return false
		}
		return true
	}
	return false
}

// timeAdverbial reports whether a time adverbial starts at token k of
// sent, and the token after it. A time adverbial may sit anywhere inside
// an expression, with its preposition ("refused on Monday to").
func (s *Stage) timeAdverbial(sent doc.Sentence, k int) (int, bool) {
	t := k
	if p := s.ci.tok(k); (p == "on" || p == "in" || p == "at" || p == "late" || p == "early") && k+1 < sent.EndToken {
		t = k + 1
	}
	if e := s.timeEnd[t]; e > t && e <= sent.EndToken {
		return e, true
	}
	return 0, false
}

// sentence codes the events of sentence si.
func (s *Stage) sentence(d *doc.Doc, si int) {
	sent := d.Sentences[si]
	for t := sent.FirstToken; t < sent.EndToken; t++ {
		if s.used[t] || s.scare[t] || !triggerTag(s.ci.triggerTagAt(sent, t)) {
			continue
		}
		// "according to" attributes speech and "thanks to" gives a
		// cause; neither is an event.
		if w := s.ci.tok(t); (w == "according" || w == "thanks") && t+1 < sent.EndToken && s.ci.tok(t+1) == "to" {
			continue
		}
		m, ok := s.findMatch(d, sent, t)
		if !ok {
			continue
		}
		if s.attemptUse(m) {
			// "sought to expand trade": an attempt, not a request;
			// the infinitive is coded as the clause's own event.
			continue
		}
		for k := m.first; k <= m.last; k++ {
			s.used[k] = true
		}
		if ev, ok := s.build(d, si, m); ok {
			d.Events = append(d.Events, ev)
			s.coded = append(s.coded, codedMatch{event: len(d.Events) - 1, trig: m.trig, last: m.last})
		}
		t = m.last
	}
}

// build codes one matched trigger. It returns false when the match is not
// an event after all. Arguments, negation and modality come from the
// parse (see args.go).
func (s *Stage) build(d *doc.Doc, si int, m match) (doc.Event, bool) {
	ci := &s.ci
	sent := d.Sentences[si]
	tr := m.trig
	p := s.predicate(m)
	ev := doc.Event{Type: tr.Type, Mode: tr.Mode, Context: tr.Contexts, Location: -1, ClaimedBy: -1, Quote: -1,
		Rule: tr.Rule, Confidence: tr.Confidence}
	ev.Evidence = doc.Evidence{Sentence: sent.Span, Trigger: doc.Span{Start: d.Tokens[m.first].Start, End: d.Tokens[m.last].End}}

	// A gerund in a prepositional phrase is the content of another event
	// ("accused X of shelling villages"), not an event of its own.
	if d.Tokens[m.headToken].Tag == "VBG" {
		g := p
		if s.tr.Rel(g) == doc.DepConj && s.tr.Marker(g) < 0 && s.tr.Head(g) >= 0 && ci.tag(s.tr.Head(g)) == "VBG" &&
			!s.tr.Has(g, doc.DepAux) && !s.tr.Has(g, doc.DepNsubj) {
			// "accused X of looting homes and killing civilians": a
			// gerund conjoined with one in the phrase shares its
			// preposition.
			g = s.tr.Head(g)
		}
		if mk := s.tr.Marker(g); mk >= 0 && gerundPreps[ci.tok(mk)] {
			return ev, false
		}
	}
	if s.attributive(sent, p) {
		// "the poisoned food", "a declining trend", "the alleged
		// victim": a participle before its noun names a property of
		// the noun; the sentence asserts no event with it.
		return ev, false
	}
	if tag := ci.tag(p); (tag == "VBP" || tag == "VBZ") && s.tr.Has(p, doc.DepCop) && !s.tr.Has(p, doc.DepObj) && !s.nounPatternAt(p) &&
		!s.tr.Has(p, doc.DepDet) && !s.tr.Has(p, doc.DepNmodPoss) && !s.tr.Has(p, doc.DepCompound) {
		// "Are you free for lunch?": a present-tense "verb" with a
		// copula is a predicative adjective the tagger misread, and
		// names no event (participles with "be" are passives, and an
		// infinitive may carry a copula: "the aim was to cooperate").
		// A word with a noun pattern of its own ("is the arms embargo
		// on X") or with a determiner, a possessor or a compound is a
		// noun, which the nominal path reads.
		return ev, false
	}
	verb := s.isVerbal(sent, m, p)
	if !verb && tr.VerbOnly && !strings.HasSuffix(ci.tok(m.headToken), "ing") {
		// "its allies", "the arms", "the press": the noun of a verb
		// trigger that names no event (lexicon kind verb-only). A
		// gerund names the verb's own event ("the targeting of
		// hospitals").
		return ev, false
	}
	if !verb {
		if h := s.tr.Head(p); h == m.last+1 && s.tr.Rel(p) == doc.DepCompound && s.c.governors.undertaking(ci.tok(h)) {
			// "undertook a mediation mission": a noun that only names
			// an undertaking carries its modifier's event, so the
			// trigger spans both and the phrase's relations are the
			// event's.
			m.last, p = h, h
			ev.Evidence.Trigger.End = d.Tokens[h].End
		}
	}
	var actors, recipients []int
	ok := false
	if verb {
		actors, recipients, ok = s.verbalArguments(sent, m, p, &ev)
	} else {
		actors, recipients, ok = s.nominalArguments(d, sent, m, p, &ev)
	}
	if !ok {
		return ev, false
	}
	if ev.Type == plover.Threaten && len(recipients) == 0 {
		// "threatened to close the strait if the United States
		// attacked": a conditional threat is aimed at the one whose
		// conduct its condition names.
		recipients = s.conditionSubject(sent, p)
	}
	if verb && tr.Kind == lexicon.KindVerb && !s.announcesAct(d, sent, p) {
		// "warned that the toll may rise": a warning of a danger, no
		// threat (governors.tsv, role content).
		return ev, false
	}
	if verb && ev.Type == plover.Request && s.asksQuestion(p) {
		// "asked about the plan", "asked whether talks would resume":
		// a question asks for no act.
		return ev, false
	}
	if verb && ev.Type == plover.Agree && s.assessesFact(p) {
		// "agrees that the offences are a problem": concurring in a
		// view commits to no course of action.
		return ev, false
	}
	if verb && ev.Type == plover.Request && (s.statesFact(p) || s.impersonalPassive(p)) {
		// "insisted that his client had no role": an assertion;
		// "it is expected that prices may rise": no one asks.
		return ev, false
	}
	if s.nonActorArgument(m, p) {
		// "a tsunami hit the coast", "efforts to fight malaria": a
		// cause that is no actor (data/cues/nonactors.tsv).
		return ev, false
	}
	if h := s.tr.Head(p); verb && s.tr.Rel(p) == doc.DepCompound && s.ci.tag(p) == "VBG" && (h < m.first || h > m.last) && !s.c.governors.undertaking(ci.tok(h)) && !d.Headline {
		// "the shooting lobby", "a fighting chance": a gerund that
		// modifies a noun names no event, as a noun there does not
		// (nominalArguments), unless that noun only names an
		// undertaking or an occurrence ("a shooting incident").
		return ev, false
	}
	if verb && s.unlistedParticle(m, p) {
		// "kick off a tour", "hung out with friends": a phrasal verb
		// is a word of its own, which the lexicon lists when it names
		// an event ("shoot down", "walk out").
		return ev, false
	}
	if s.refusesComment(m, p) {
		// "declined to comment": a refusal to speak rejects nothing.
		return ev, false
	}
	if verb && tr.Intransitive && m.first == m.last && s.transitiveUse(p) {
		// "demonstrated its resolve", "rallied support", "compromised
		// security": an intransitive trigger (kind verb-intransitive)
		// names another sense when it takes an object.
		return ev, false
	}
	if tr.Type == plover.Request && s.asksAnonymity(p) {
		// "asked not to be named": a source's terms, no request.
		return ev, false
	}
	if tr.RequiredActor() {
		// "the gunmen were armed with rifles", "soldiers armed with
		// rifles": a verb that needs its doer names a state when the
		// passive has no agent or no one undergoes it (lexicon,
		// Trigger.RequiredActor); its gerund ("his residency
		// training") names none without someone undergoing it.
		if len(recipients) == 0 {
			return ev, false
		}
		if _, undergoer := s.subjectOf(p); verb && len(actors) == 0 && (undergoer || s.passive(p)) {
			return ev, false
		}
	}
	req, required := tr.RequiredRecipient()
	if required && verb && req.Kind == lexicon.SlotObj && s.thingUndergoes(p, len(recipients) == 0) {
		// A trigger that needs an actor as its object has a thing
		// there: "released a statement" releases nobody (lexicon,
		// Slot.Required).
		return ev, false
	}
	if required && !verb && req.Kind == lexicon.SlotPrep && s.thingNominal(m, p, req.Prep) {
		// So for a nominal: "the release of a report", "a press
		// release".
		return ev, false
	}
	return s.participants(d, si, m, p, verb, actors, recipients, ev)
}

// verbalArguments fills a verb trigger's frame: its subject and object
// (args.go), negation, a protest that only reports a statement, modality,
// and whether it is the complement of another event or an intention. It
// returns false when negation rules the event out.
func (s *Stage) verbalArguments(sent doc.Sentence, m match, p int, ev *doc.Event) (actors, recipients []int, ok bool) {
	tr := m.trig
	actors, recipients = s.verbArguments(m, p, ev)
	if !s.applyNegation(tr, p, ev) {
		return nil, nil, false
	}
	if s.reportingUse(p) && ev.Type == plover.Protest {
		// "X protested that ...", "..., a rights group protested": a
		// protest that reports a statement is verbal disapproval,
		// not a demonstration, and what it disapproves of is the
		// subject of the clause it reports.
		ev.Type, ev.Mode = plover.Accuse, "disapprove"
		ev.Rule += " +reporting_verb"
		if len(recipients) == 0 {
			recipients = s.reportedSubject(p)
		}
	}
	ev.Aux = s.modality(p, ev.Aux)
	// A verb the parse hung on the pattern's own noun as a modifier
	// ("is considering imposing sanctions", with "imposing" read as an
	// adjective of "sanctions") stands where that noun stands: its link
	// to a governing word is the noun's.
	outer := p
	if h := s.tr.Head(p); h > p && h <= m.last && (s.tr.Rel(p) == doc.DepAmod || s.tr.Rel(p) == doc.DepCompound) {
		outer = h
	}
	if s.complementOf(outer) {
		markComplement(ev)
	} else {
		s.intent(sent, outer, ev)
	}
	return actors, recipients, true
}

// nominalArguments fills a noun trigger's frame: its possessor or
// prepositional actor, its recipients, and what a governing verb says of
// it (a support verb's subject, negation and modality; a reversal that
// negates it). It returns false for a noun that only modifies another.
func (s *Stage) nominalArguments(d *doc.Doc, sent doc.Sentence, m match, p int, ev *doc.Event) (actors, recipients []int, ok bool) {
	ci := &s.ci
	frame := m.trig.Frame()
	// A noun that modifies another noun is not the event ("a press
	// release", "border patrol agents"), unless that noun only names
	// an undertaking ("a mediation mission", "the relief effort").
	if s.tr.Rel(p) == doc.DepCompound && !d.Headline {
		if h := s.tr.Head(p); h >= 0 && !s.c.governors.undertaking(ci.tok(h)) {
			return nil, nil, false
		}
	}
	actors = s.nominalActor(m, p)
	if len(actors) == 0 && frame.Actor.Kind != lexicon.SlotNone {
		if actors = s.agentOf(p); len(actors) == 0 {
			// "dispersed a march by civil servants": the by-phrase
			// may hang on the verb that governs the nominal.
			actors = s.prepObject(m, "by")
		}
		if len(actors) == 0 {
			actors = s.supportAgent(p)
		}
		if len(actors) == 0 {
			actors = s.claimant(p)
		}
		if g, subj := s.commitment(p); len(actors) == 0 && len(subj) > 0 {
			actors = subj
			if s.used[g] {
				// "agreed to a ceasefire": the verb is a trigger, whose
				// content the nominal is (promises).
				ev.Aux |= doc.AuxComplement
			} else {
				// "pledged $50 million in aid", "promised talks".
				ev.Rule += " +intent:" + string(ev.Type)
				ev.IntendedType = ev.Type
				ev.Type, ev.Mode = promised(ev.Type, ev.Mode, s.c.onto.Quad(ev.Type))
			}
		}
	}
	recipients = s.recipientsOf(m, p)
	if s.hearsay(p) {
		ev.Aux |= doc.AuxAlleged
	}
	if g, role, rule, ok := s.nominalGovernor(p); ok {
		switch role {
		case GovSupport, GovWeapon:
			// "The rebels launched an attack", "will hold talks": the
			// support verb's subject is the nominal's actor, and its
			// negation and modality are the event's.
			if len(actors) == 0 && frame.Actor.Kind != lexicon.SlotNone {
				if subj, undergoer, _ := s.subjectArgument(g); !undergoer {
					actors = subj
				} else {
					actors = s.agentOf(g)
				}
			}
			if s.negated(g) {
				ev.Negated = true
			}
			ev.Aux = s.modality(g, ev.Aux)
			ev.Rule += " +support_verb " + rule
			if s.used[g] || s.complementOf(g) {
				// The verb belongs to an outer trigger ("threatened
				// to impose restrictions"): the nominal is its
				// content.
				ev.Aux |= doc.AuxComplement
			} else {
				s.intent(sent, g, ev)
			}
		case GovContemplate:
			// "is considering sanctions": the event is only
			// weighed, by the verb's subject; a material conflict
			// so weighed is a threat (intent). A statement weighed
			// ("considered the offer") is another's, and stays as
			// it is.
			if !weighable(s.c.onto.Quad(ev.Type), ev.Type) {
				break
			}
			if len(actors) == 0 && frame.Actor.Kind != lexicon.SlotNone {
				if subj, undergoer, _ := s.subjectArgument(g); !undergoer {
					actors = subj
				}
			}
			if !s.weighed(g, rule, ev) {
				s.intent(sent, g, ev)
			}
		case GovReversal, GovNegative:
			// "cancelled the talks", "ruled out a ceasefire": the
			// event that was to be is negated, with the verb's
			// subject as its actor.
			if len(actors) == 0 && frame.Actor.Kind != lexicon.SlotNone {
				if subj, undergoer, _ := s.subjectArgument(g); !undergoer {
					actors = subj
				}
			}
			ev.Negated = true
			ev.Rule += " +reversed " + rule
		}
	}
	if s.negated(p) {
		ev.Negated = true
	}
	return actors, recipients, true
}

// participants turns the argument tokens into the event's actor blocks,
// adds what the rest of the sentence says of them (an owner, the place's
// country as recipient, the country of the place for participants with
// none), drops a bare nominal with
// no participant, and gives the event its claimant, date, place and
// confidence. It returns false when the event has no participant PLOVER
// can code.
func (s *Stage) participants(d *doc.Doc, si int, m match, p int, verb bool, actors, recipients []int, ev doc.Event) (doc.Event, bool) {
	tr := m.trig
	sent := d.Sentences[si]
	if len(recipients) == 0 && verb && tr.Kind == lexicon.KindMWE && strings.HasPrefix(d.Tokens[m.last].Tag, "NN") && ev.Type != plover.Mobilize {
		// "evicted inspectors of the agency", "rejected calls by the
		// envoy", "rejected the Australian ultimatum": the trigger
		// holds its object, and the object's owner is the recipient.
		// A nominal phrase ("air strikes") holds no object: its
		// last noun is the event, whose modifiers are its actor's.
		// The forces a mobilisation moves ("deployed police to the
		// border") are the actor's own, no recipient.
		if f := s.tr.First(m.last); f >= 0 && f < m.last || s.ci.entOf[m.last] < 0 || tr.Frame().Recipient.Kind != lexicon.SlotPrep {
			// A noun of the pattern's own with nothing before it,
			// where the pattern takes its recipient after a
			// preposition, is part of an idiom ("joined forces [with
			// X]", "contributed troops [to the mission]"), no one's.
			recipients = s.ownerOf(m.last)
		}
	}
	actors, recipients = dropSame(d, actors, recipients)
	ev.Actors = eventActors(d, actors)
	ev.Recipients = eventActors(d, recipients)
	if len(ev.Actors) == 0 && verb && ev.Type == plover.Assault {
		if users := s.attackUsers(d, sent, p); len(users) > 0 {
			ev.Actors = append(ev.Actors, users...)
			ev.Rule += " +attack_user"
		} else if a, ok := s.unattributedAttack(sent, p); ok {
			ev.Actors = append(ev.Actors, a)
			ev.Rule += " +unattributed_attack"
		}
	}
	if len(ev.Recipients) == 0 && takesRecipient(tr) {
		// A protest is aimed at the authorities of the place it is held
		// in, the protesters' own state included; other events in the
		// actor's own country are not acts on it.
		own := ev.Actors
		if ev.Type == plover.Protest {
			own = nil
		}
		clause := p
		if !verb && s.aspectSubject(p) {
			clause = s.tr.Head(p) // "fighting resumed in X": X is the verb's
		}
		if r, ok := s.placeRecipient(clause, m, own); ok {
			ev.Recipients = append(ev.Recipients, r)
			ev.Rule += " +place_recipient"
		} else if ev.Type == plover.Protest {
			// "the Athens protests": the place may modify the noun.
			if r, ok := s.modifierPlace(m); ok {
				ev.Recipients = append(ev.Recipients, r)
				ev.Rule += " +place_recipient"
			}
		}
	}
	if ev.Type == plover.Coerce && ev.Mode == "arrest" && verb && s.capturedPlace(p) {
		// "Rebels captured Goma": people are arrested, and a town
		// taken is territory occupied, CAMEO's 192 (occupy territory)
		// under FIGHT, PLOVER's ASSAULT.
		ev.Type, ev.Mode, ev.Context = plover.Assault, "", []string{"military", "territory"}
		ev.Rule += " +captured_place"
	}
	if !verb && len(actors) == 0 && len(recipients) == 0 && (tr.Kind != lexicon.KindMWE && !s.aspectSubject(p) || len(ev.Recipients) == 0) && !d.Headline {
		// A bare nominal ("the riots", "a peace deal") names an event
		// without saying who did it to whom; PLOVER needs a participant.
		// A multi-word pattern that states the event happened ("riots
		// broke out across Norway"), or a noun that is the subject of
		// a support verb ("fighting resumed in Mogadishu"), may take
		// the country it happened in; another single noun is too often
		// a mention of an event told elsewhere. A headline names its
		// event by a noun and leaves the participants to the story, so
		// there the event is kept.
		return ev, false
	}

	if !diplomatic(d, &ev) {
		return ev, false
	}

	// A statement's speaker claims the events inside it, unless the
	// speaker is the event's own actor.
	if qi := s.quoteA[m.headToken]; qi >= 0 {
		ev.Quote = qi
		if sp := d.Quotes[qi].Speaker; sp >= 0 && !containsRoot(d, actors, sp) {
			ev.ClaimedBy = sp
		}
	}
	s.date(d, sent, &ev)
	s.locate(d, si, p, &ev)
	localParticipants(d, &ev)
	switch {
	case len(ev.Actors) > 0 && len(ev.Recipients) > 0:
	case len(ev.Actors) > 0 || len(ev.Recipients) > 0:
		ev.Confidence *= 0.8
	default:
		ev.Confidence *= 0.5
	}
	return ev, true
}

// isVerbal decides whether a match is used as a verb: a verb tag, or, for
// a verb trigger the tagger called a noun, a subject or auxiliary of its
// own in the parse, or the verb slot of a headline.
func (s *Stage) isVerbal(sent doc.Sentence, m match, p int) bool {
	tr := m.trig
	if tr.Noun() {
		return false
	}
	if strings.HasPrefix(s.ci.tag(p), "VB") || s.ci.tag(m.first) == "RB" {
		return true
	}
	if tr.Kind != lexicon.KindVerb && tr.Kind != lexicon.KindMWE {
		return false
	}
	if tr.Kind == lexicon.KindVerb && (s.tr.Has(p, doc.DepNsubj) || s.tr.Has(p, doc.DepAux) || s.tr.Rel(p) == doc.DepXcomp) &&
		!s.tr.Has(p, doc.DepCase) && !s.tr.Has(p, doc.DepCop) && !s.tr.Has(p, doc.DepDet) && !s.tr.Has(p, doc.DepNmodPoss) {
		// A noun with a preposition, a copula, a determiner or a
		// possessor of its own is a noun phrase, whatever its subject
		// ("has been under pressure", "became the champion").
		return true
	}
	return s.ci.headlineVerb(sent, p)
}

// nounPatternAt reports a noun pattern among the trigger candidates of
// token k: the word is an event noun as well as a verb ("embargo").
func (s *Stage) nounPatternAt(k int) bool {
	return slices.ContainsFunc(s.word(k).cands, func(c candidate) bool { return c.kind == lexicon.KindNoun })
}

// nominalActor fills a noun trigger's actor slot from its frames in
// order of preference ("prep:between>none|poss>prep:with": "talks between
// X and Y", else "X's talks with Y"), the first that names someone. Where
// the lexicon marks a nominal whose bare possessor undergoes it
// (Trigger.PossessorUndergoes), the possessor is its actor only beside
// the object it acts on: "the army's arrest of the editor", but not "her
// arrest".
func (s *Stage) nominalActor(m match, p int) []int {
	undergoes := m.trig.PossessorUndergoes()
	for _, f := range m.trig.Frames {
		if f.Actor.Kind == lexicon.SlotNone {
			continue
		}
		if f.Actor.Kind == lexicon.SlotPoss && undergoes && len(s.slot(m, p, f.Recipient)) == 0 {
			continue
		}
		var actors []int
		switch f.Actor.Kind {
		case lexicon.SlotPrep:
			actors = s.prepObject(m, f.Actor.Prep)
		case lexicon.SlotSelf:
			actors = s.doers(m)
		default:
			actors = s.possessor(m)
		}
		if len(actors) > 0 {
			return actors
		}
	}
	return nil
}

// verbArguments fills the actor and recipient of a verbal trigger: the
// subject and the frame's recipient, or, in the passive, the by-phrase
// and the subject.
func (s *Stage) verbArguments(m match, p int, ev *doc.Event) (actors, recipients []int) {
	tr := m.trig
	frame := tr.Frame()
	if g, u := s.resultative(p); g >= 0 {
		// "The raid left two soldiers wounded": the object of the
		// resultative verb undergoes the participle's event, which
		// the verb's subject brought about.
		ev.Rule += " +resultative"
		if doers, undergoer, _ := s.subjectArgument(g); !undergoer && frame.Actor.Kind != lexicon.SlotNone {
			actors = doers
		}
		return actors, s.argument(u)
	}
	subjects, undergoer, subj := s.subjectArgument(p)
	if undergoer && !passivizable(tr) && !s.tr.Has(p, doc.DepAuxPass) && len(s.agentOf(p)) == 0 {
		// Only a verb with an object has a passive: "Hundreds of
		// farmers demonstrated", read as a bare participle on
		// "farmers", is active when every frame of the trigger is
		// intransitive. A passive auxiliary or a "by" agent shows a
		// transitive use the frames do not list ("donated by").
		undergoer = false
	}
	if len(subjects) == 0 && subj < 0 && !undergoer {
		// A verb the parse left without any subject, finite or not
		// by its tag ("agents sexually abused migrants" read as a
		// noun phrase): word order gives it one.
		if e := s.leftSubject(p); e >= 0 {
			subjects = []int{e}
		}
	}
	// "is committed to", "is prepared to": a participle that takes an
	// infinitive or a to-phrase is an adjective, not a passive.
	if undergoer && tr.Words[len(tr.Words)-1] != "to" {
		if len(subjects) == 0 && subj >= 0 {
			// "a shelter for migrants was raided": a subject that names
			// no actor stands for the one in its phrase.
			subjects = s.phraseArgument(subj)
		}
		ev.Rule += " +passive"
		return s.agentOf(p), subjects
	}
	if frame.Actor.Kind != lexicon.SlotNone {
		actors = subjects
	}
	if len(actors) == 0 && subj >= m.first && subj <= m.last && frame.Actor.Kind == lexicon.SlotPrep {
		// "Hostilities between Kenya and Uganda ended": the subject is
		// the pattern's own noun, whose phrase names the parties.
		actors = s.slot(m, p, frame.Actor)
	}
	return actors, s.recipientsOf(m, p)
}

// resultative returns the resultative verb g (governors.tsv, role
// resultative) whose small clause participle p is, and the noun u that
// undergoes p, or -1, -1. The parse may make p the verb's open complement
// or, taking the participle for a preterite, a conjunct or a clause of its
// own with u as its subject; either way u stands between g and p and p is
// a participle in form.
func (s *Stage) resultative(p int) (g, u int) {
	tag := s.ci.tag(p)
	if tag != "VBN" && tag != "VBD" && tag != "JJ" || s.tr.Has(p, doc.DepAux) || s.tr.Has(p, doc.DepAuxPass) {
		return -1, -1
	}
	g = s.tr.Head(p)
	if g < 0 || g > p {
		return -1, -1
	}
	if role, _ := s.governorRole(g); role != GovResultative {
		return -1, -1
	}
	switch s.tr.Rel(p).Base() {
	case doc.DepXcomp, doc.DepConj, doc.DepCcomp:
	default:
		return -1, -1
	}
	for k := g + 1; k < p; k++ {
		if s.ci.d.Tokens[k].Kind == doc.Punct {
			// ", and Denmark suspended aid": a clause of its own.
			return -1, -1
		}
	}
	if u = s.tr.Dependent(p, doc.DepNsubj); u > g && u < p {
		return g, u
	}
	if u = s.tr.Dependent(g, doc.DepObj); u > g && u < p && s.tr.Rightmost(u) == p-1 {
		return g, u
	}
	return -1, -1
}

// transitiveUse reports a verb at p with a direct object or a clausal
// complement of its own in the parse. (Only intransitive triggers ask:
// "protest", which is no such trigger, reports with its clause, and
// "protested that" is an accusation.)
func (s *Stage) transitiveUse(p int) bool {
	if c := s.tr.Dependent(p, doc.DepCcomp); c >= 0 && (s.tr.Has(c, doc.DepNsubj) || s.tr.Has(c, doc.DepMark)) {
		// "demonstrated that the plan works"; a participle the parse
		// made a complement ("marched, calling for ...") is none.
		return true
	}
	o := s.tr.Dependent(p, doc.DepObj)
	// Only a common noun with no number is an object here: a noun
	// phrase with a preposition ("marched outside his home"), a measure
	// ("marched 120 kilometers"), a name ("marched down Ringstrasse",
	// "march Saturday") or a time is an adverbial, whatever the parse
	// called it.
	if o < 0 {
		return false
	}
	if tag := s.ci.tag(o); tag != "NN" && tag != "NNS" {
		return false
	}
	// And a direct object follows its verb at once: "marched outside
	// his home", with "outside" read as an adverb, holds none.
	return s.tr.Marker(o) < 0 && !s.inTime[o] && !s.tr.Has(o, doc.DepNummod) && s.tr.Leftmost(o) == p+1
}

// passivizable reports whether a verb trigger has a frame with an object,
// which a passive makes its subject.
func passivizable(tr *lexicon.Trigger) bool {
	for _, f := range tr.Frames {
		if k := f.Recipient.Kind; k == lexicon.SlotObj || k == lexicon.SlotIObj {
			return true
		}
	}
	return false
}

// reporterOf resolves a subject pronoun that the actor stage left
// unresolved inside a reported clause ("Syria says it will withdraw") to
// the subject of the verb that reports it.
func (s *Stage) reporterOf(subj int) []int {
	if s.ci.tag(subj) != "PRP" {
		return nil
	}
	v := s.tr.Head(subj)
	if v < 0 || s.tr.Rel(v) != doc.DepCcomp {
		return nil
	}
	r, undergoer := s.subjectOf(s.tr.Head(v))
	if undergoer {
		return nil
	}
	return s.argument(r)
}

// phraseArgument returns the first actor named in a prepositional phrase
// of the noun at k.
func (s *Stage) phraseArgument(k int) []int {
	for c := s.tr.First(k); c >= 0; c = s.tr.Next(c) {
		if s.tr.Rel(c).Base() == doc.DepNmod {
			if a := s.argument(c); len(a) > 0 {
				return a
			}
		}
	}
	return nil
}

// applyNegation applies a negation of predicate p, or of the verb that
// governs it ("failed to reach", "refused to sign"), to the event: the
// lexicon's negated type, a drop, or the negated flag. It returns false
// when the event is dropped.
func (s *Stage) applyNegation(tr *lexicon.Trigger, p int, ev *doc.Event) bool {
	neg := s.negated(p) || s.negativeObject(p)
	if h := s.tr.Head(p); !neg && h >= 0 && s.tr.Rel(p) == doc.DepXcomp {
		if role, rule := s.governorRole(h); role == GovNegative && !s.used[h] {
			neg = true
			ev.Rule += " +negative_governor " + rule
		}
	}
	if !neg {
		return true
	}
	switch {
	case tr.DropNegated:
		return false
	case tr.NegatedType != "":
		ev.Type = tr.NegatedType
		ev.Mode = tr.NegatedMode
		ev.Rule += " +negation_recoded"
	default:
		ev.Negated = true
	}
	return true
}

// thingUndergoes reports whether what undergoes verb p (its object, or
// the subject of a passive or of a reduced relative: "data released in
// October") is a common noun, which names a thing or a kind, and not an
// actor. A pronoun, a numeral ("the three were released") or a name the
// actor stage did not know may still stand for people, so only a common
// noun rules the event out: when the caller found no actor there
// (noActor), any common noun; else one that is no word of an actor's
// mention itself, whose modifier alone named a country ("released Kenyan
// figures", where "Kenyan prisoners" is one mention).
func (s *Stage) thingUndergoes(p int, noActor bool) bool {
	k := s.tr.Dependent(p, doc.DepObj)
	if subj, undergoer := s.subjectOf(p); undergoer {
		k = subj
	}
	if k < 0 {
		// "recognized that the vote was fair": a verb that takes a
		// proposition where its actor object would be, in the parse or,
		// where the parse hung the clause elsewhere, by the "that" right
		// after the verb.
		next := p + 1
		return noActor && (s.tr.Has(p, doc.DepCcomp) || next < len(s.ci.d.Tokens) && s.ci.tok(next) == "that" && s.ci.tag(next) == "IN")
	}
	if !en.IsNounTag(s.ci.tag(k)) || en.IsProperNounTag(s.ci.tag(k)) {
		return false
	}
	return noActor || !s.namesActor(k)
}

// namesActor reports whether the phrase headed by k names an actor: k is
// a word of an actor's mention, or a phrase of it is ("hundreds of
// people", "the Kenyan soldiers and their families"), leaving out
// modifiers before it, which only say whose a thing is ("Kenyan figures").
func (s *Stage) namesActor(k int) bool {
	if s.ci.entOf[k] >= 0 {
		return true
	}
	for c := s.tr.First(k); c >= 0; c = s.tr.Next(c) {
		if c < k {
			// A possessor ("their demands") says whose the thing is.
			continue
		}
		switch s.tr.Rel(c).Base() {
		case doc.DepNmod, doc.DepConj, doc.DepAppos, doc.DepFlat:
			if s.namesActor(c) {
				return true
			}
		}
	}
	return false
}

// thingNominal reports whether what undergoes nominal trigger p is a
// thing: the object of its prep phrase ("the release of a letter"), or,
// with none, a common noun compounded before it ("a press release"). A
// pronoun, a proper noun or a word of an actor's mention may be someone.
func (s *Stage) thingNominal(m match, p int, prep string) bool {
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		if r := s.tr.Rel(c).Base(); r != doc.DepNmod && r != doc.DepObl {
			continue
		}
		if mk := s.tr.Marker(c); mk >= 0 && s.ci.tok(mk) == prep {
			return s.commonThing(c)
		}
	}
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		if s.tr.Rel(c) == doc.DepCompound && c < m.first {
			return s.commonThing(c)
		}
	}
	return false
}

// commonThing reports a common noun at k whose phrase names no actor:
// no mention of one in it ("members of the opposition", "pastor Andrew
// Brunson" name people), its own "by" phrase aside ("a letter by the
// director" is still a letter).
func (s *Stage) commonThing(k int) bool {
	if !en.IsNounTag(s.ci.tag(k)) || en.IsProperNounTag(s.ci.tag(k)) {
		return false
	}
	var mentions func(k int) bool
	mentions = func(k int) bool {
		if s.ci.entOf[k] >= 0 {
			return true
		}
		for c := s.tr.First(k); c >= 0; c = s.tr.Next(c) {
			if mk := s.tr.Marker(c); mk >= 0 && s.ci.tok(mk) == "by" {
				continue
			}
			if mentions(c) {
				return true
			}
		}
		return false
	}
	return !mentions(k)
}

// announcesAct reports whether a verb at p whose governor role is content
// (a warning) announces an act: a trigger of conflict in its complement
// clause or in its "of", "about" or "against" phrase ("warned of
// strikes", "warned that sanctions would follow"), the warner's own future
// act ("warned that it would retaliate"), a negated infinitive ("warned
// Uganda not to cross") or a course of action it warns someone against
// ("warned the press against publishing"). A verb of any other role
// announces whatever it is.
func (s *Stage) announcesAct(d *doc.Doc, sent doc.Sentence, p int) bool {
	if role, _ := s.governorRole(p); role != GovContent {
		return true
	}
	if s.warnsAgainst(p) {
		return true
	}
	warner := -1
	if subj, _ := s.subjectOf(p); subj >= 0 {
		warner = s.ci.entOf[subj]
	}
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		switch s.tr.Rel(c).Base() {
		case doc.DepCcomp, doc.DepXcomp, doc.DepAdvcl:
			if s.negated(c) && s.infinitive(c) || s.ownFutureAct(d, c, warner) {
				return true
			}
		case doc.DepObl, doc.DepNmod:
			mk := s.tr.Marker(c)
			if mk < 0 {
				continue
			}
			switch s.ci.tok(mk) {
			case "of", "about":
			default:
				continue
			}
		default:
			continue
		}
		for k, last := s.tr.Leftmost(c), min(s.tr.Rightmost(c), sent.EndToken-1); k <= last; k++ {
			if m, ok := s.findMatch(d, sent, k); ok && conflict(s.c.onto.Quad(m.trig.Type)) && !s.nonActorArgument(m, s.predicate(m)) {
				// A flood that may hit a town is a danger, not an
				// act (data/cues/nonactors.tsv).
				return true
			}
		}
	}
	return false
}

// infinitive reports whether clause c is a to-infinitive: a warning
// "not to cross" forbids an act, while a clause that something "can not
// be contained" states a danger.
func (s *Stage) infinitive(c int) bool {
	mk := s.tr.Marker(c)
	return mk >= 0 && s.ci.tok(mk) == "to"
}

// warnsAgainst reports a warning at p to someone (an object) against a
// course of action ("warned Uganda against sending troops"): coercion,
// whatever the course. The parse hangs the "against" phrase on the verb
// or on its object.
func (s *Stage) warnsAgainst(p int) bool {
	obj := s.tr.Dependent(p, doc.DepObj)
	if obj < 0 {
		obj = s.tr.Dependent(p, doc.DepIobj)
	}
	if obj < 0 {
		return false
	}
	for _, h := range [2]int{p, obj} {
		for c := s.tr.First(h); c >= 0; c = s.tr.Next(c) {
			if mk := s.tr.Marker(c); mk >= 0 && s.ci.tok(mk) == "against" {
				return true
			}
		}
	}
	return false
}

// ownFutureAct reports a clause at c that announces an act of the warner
// (entity warner, or -1): it is future or hypothetical, and its subject is
// the warner, refers to it, is coded as the same country and sector (a
// spokesman and "the group"), or is a personal pronoun, which in a
// complement clause stands for the matrix subject far more often than not
// ("Kenya warned that it would retaliate").
func (s *Stage) ownFutureAct(d *doc.Doc, c, warner int) bool {
	if warner < 0 || s.modality(c, 0)&(doc.AuxFuture|doc.AuxHypothetical) == 0 {
		return false
	}
	subj, _ := s.subjectOf(c)
	if subj < 0 {
		return false
	}
	if e := s.ci.entOf[subj]; e >= 0 {
		// The warner's side: the same actor, or one coded alike (a
		// spokesman announcing what "the group" will do).
		a, w := d.Entities[e], d.Entities[warner]
		return e == warner || a.Cluster == w.Cluster ||
			a.CountryCode != "" && a.CountryCode == w.CountryCode && a.SectorCode != "" && a.SectorCode == w.SectorCode
	}
	if w := s.ci.tok(subj); !en.IsActorPronoun(w) || s.ci.tag(subj) != "PRP" {
		return false
	} else if w != "it" {
		return true
	}
	// Not the "it" of an extraposed clause or a copula ("it would take
	// weeks to reopen", "it would be hard").
	for k := s.tr.First(c); k >= 0; k = s.tr.Next(k) {
		switch s.tr.Rel(k).Base() {
		case doc.DepCop, doc.DepXcomp, doc.DepCcomp, doc.DepCsubj:
			return false
		case doc.DepAdvcl:
			if s.markedTo(k) {
				return false
			}
		}
	}
	return true
}

// conflict reports a PLOVER quad class of conflict.
func conflict(quad string) bool {
	return quad == plover.VerbalConflict || quad == plover.MaterialConflict
}

// asksQuestion reports a verb of asking at p used for a question: its
// complement clause opens with "if", "whether" or a wh-word ("asked why
// the camps were built"), it has an "about" phrase and no to-infinitive
// ("when asked about her routine"), or the words it reports end in a
// question mark ("'Why now?' asked the senator"); word order stands in
// for the parse where it hung the question elsewhere. A request names the
// act it asks for instead: "asked Kenya to reopen the border", "asked
// for help".
func (s *Stage) asksQuestion(p int) bool {
	about, toInf := false, false
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		switch s.tr.Rel(c).Base() {
		case doc.DepCcomp, doc.DepXcomp, doc.DepParataxis:
			// Not an adverbial clause: "if" and "when" there set a
			// condition or a time.
			if mk := s.tr.Marker(c); mk >= 0 {
				switch s.ci.tok(mk) {
				case "if", "whether":
					return true
				case "to":
					toInf = true
				}
			}
			if en.IsWhTag(s.ci.tag(s.tr.Leftmost(c))) {
				return true
			}
		case doc.DepObl:
			if mk := s.tr.Marker(c); mk >= 0 && s.ci.tok(mk) == "about" {
				about = true
			}
		}
	}
	if about && !toInf {
		return true
	}
	if toInf {
		return false
	}
	if s.quotedQuestionAfter(p) {
		return true
	}
	// Word order, where the parse hangs the question elsewhere: a
	// question mark just before the verb ("'Why now?' asked X"), or
	// "if", "whether" or a wh-adverb right after its object ("asked
	// Uganda why ...").
	toks := s.ci.d.Tokens
	for k, n := p-1, 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		if w := s.ci.tok(k); w == "?" {
			return true
		} else if toks[k].Kind != doc.Punct && toks[k].Kind != doc.QuoteMark {
			break
		}
	}
	for k := p + 1; k < len(toks) && k <= p+5; k++ {
		switch w, tg := s.ci.tok(k), s.ci.tag(k); {
		case w == "if" || w == "whether" || tg == "WRB":
			return true
		case tg == "DT" || tg == "JJ" || tg == "PRP" || tg == "RB" || en.IsNounTag(tg):
			// Its object, or an adverb: "asked once how ..."
		default:
			return false
		}
	}
	if c := s.reportedClause(p); c >= 0 {
		last := s.tr.Rightmost(c)
		for k := last + 1; k < len(s.ci.d.Tokens) && k <= last+2; k++ {
			if s.ci.tok(k) == "?" {
				return true
			}
		}
		if s.ci.tok(last) == "?" {
			return true
		}
	}
	return false
}

// quotedQuestionAfter reports a direct question quoted right after the
// verb at p and its object ('asked the minister, "Why now?"'): the verb
// introduces the question as it introduces any quotation.
func (s *Stage) quotedQuestionAfter(p int) bool {
	toks := s.ci.d.Tokens
	k := p + 1
	for ; k < len(toks) && k <= p+6; k++ {
		if tg := s.ci.tag(k); tg != "DT" && tg != "JJ" && tg != "PRP" && tg != "POS" && !en.IsNounTag(tg) {
			break
		}
	}
	if k >= len(toks) || (s.ci.tok(k) != "," && s.ci.tok(k) != ":") {
		return false
	}
	if k++; k >= len(toks) || toks[k].Kind != doc.QuoteMark {
		return false
	}
	for j := k + 1; j < len(toks); j++ {
		if toks[j].Kind == doc.QuoteMark {
			return s.ci.tok(j-1) == "?"
		}
	}
	return false
}

// nonActorArgument reports a participant of the trigger at p that is a
// natural hazard, a disease, an animal or an accident (data/cues/
// nonactors.tsv): the head of its subject, its passive agent or the "in"
// phrase of a passive, its object, or its "against" or "into" phrase,
// outside the match's own words. An
// "of" phrase is left alone: "accused of spreading cholera" names the
// charge. Such an event has no actor on one side, and PLOVER codes none.
func (s *Stage) nonActorArgument(m match, p int) bool {
	if s.c.nonActors == nil {
		return false
	}
	subj, undergoer := s.subjectOf(p)
	if subj >= 0 && s.isRelativePronoun(subj) && s.tr.Rel(p) == doc.DepAclRelcl {
		// "the earthquake which has killed 15,000": a relative
		// pronoun stands for the noun its clause modifies.
		subj = s.tr.Head(p)
	}
	if subj >= 0 && s.nonActorPhrase(m, subj) && (!undergoer || !tradeMeasure(m.trig)) {
		return true
	}
	if subj < 0 && !undergoer && s.nonActorBefore(m, p) {
		// The parse found no subject ("an outbreak of cholera killed
		// 60", with "killed" hung elsewhere): the noun right before
		// the verb stands in, as in leftSubject.
		return true
	}
	if tag := s.ci.tag(p); (tag == "VBD" || tag == "VBN") && p > 0 && s.isNonActor(m, p-1) {
		// A noun right before an -ed form is its subject or, in a
		// reduced relative, what undergoes it ("all cattle slaughtered
		// in Canada", "floods killed"), whatever the parse made of it.
		return true
	}

	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		object := false
		switch s.tr.Rel(c).Base() {
		case doc.DepObj:
			object = true
		case doc.DepNsubj:
			// A passive's subject is what the act is done to.
			object = s.tr.Rel(c) == doc.DepNsubjPass
		case doc.DepObl, doc.DepNmod:
			mk := s.tr.Marker(c)
			if mk < 0 {
				continue
			}
			switch s.ci.tok(mk) {
			case "by":
			case "in", "after", "during", "from", "amid", "following":
				// "killed in a landslide", "injured in the crash",
				// "killed after an outbreak of cholera": a passive with
				// no agent names its cause so.
				if !undergoer || len(s.agentOf(p)) > 0 {
					continue
				}
			case "against", "into":
				object = true
			default:
				continue
			}
		case doc.DepAdvcl:
			// "killed after crashing his car": a gerund clause of
			// cause, for a passive with no agent.
			mk := s.tr.Marker(c)
			if mk < 0 || !undergoer || len(s.agentOf(p)) > 0 || s.ci.tag(c) != "VBG" {
				continue
			}
			switch s.ci.tok(mk) {
			case "in", "after", "during", "from", "following":
			default:
				continue
			}
		default:
			continue
		}
		if object && tradeMeasure(m.trig) {
			// "banned Canadian cows": a ban or an embargo acts on
			// goods, animals among them, and its recipient is
			// whoever trades them.
			continue
		}
		if s.nonActorPhrase(m, c) || !object && s.nonActorGerund(m, c) {
			return true
		}
	}
	if o := s.sharedObject(p); o >= 0 && !tradeMeasure(m.trig) {
		return s.nonActorPhrase(m, o)
	}
	return false
}

// nonActorGerund reports a gerund at k, outside match m, whose verb names
// what the non-actor table lists as a noun: "killed after crashing his
// car" names a crash as "killed in a crash" does.
func (s *Stage) nonActorGerund(m match, k int) bool {
	if k >= m.first && k <= m.last || s.ci.tag(k) != "VBG" {
		return false
	}
	for _, l := range s.lemmas(k) {
		if s.c.nonActors.lists(l) {
			return true
		}
	}
	return false
}

// tradeMeasure reports a trigger of sanctions, bans, embargoes and
// restrictions, which act on goods and animals ("restricted the transport
// of poultry") as much as on people.
func tradeMeasure(tr *lexicon.Trigger) bool {
	return tr.Type == plover.Sanction || tr.Mode == "ban" || tr.Mode == "restrict"
}

// nonActorPhrase reports a non-actor at k, or a noun of kind or quantity
// whose "of" phrase names one ("a new type of flu that has killed 150",
// "an outbreak of cholera").
func (s *Stage) nonActorPhrase(m match, k int) bool {
	if s.isNonActor(m, k) {
		return true
	}
	for c := s.tr.First(k); c >= 0; c = s.tr.Next(c) {
		if s.tr.Rel(c) == doc.DepNmod {
			if mk := s.tr.Marker(c); mk >= 0 && s.ci.tok(mk) == "of" && s.isNonActor(m, c) {
				return true
			}
		}
	}
	return false
}

// isNonActor reports a noun at k, outside match m, that the non-actor
// table lists, in the singular or in a regular plural.
func (s *Stage) isNonActor(m match, k int) bool {
	if k >= m.first && k <= m.last || !en.IsNounTag(s.ci.tag(k)) {
		return false
	}
	if s.word(k).nonActor {
		return true
	}
	if !en.IsProperNounTag(s.ci.tag(k)) {
		return false
	}
	// A named hazard ("Cyclone Larry", "Typhoon Haiyan"): the name is
	// the head, and the hazard's kind a title before it.
	for c := s.tr.First(k); c >= 0 && c < k; c = s.tr.Next(c) {
		if s.tr.Rel(c) == doc.DepCompound && en.IsProperNounTag(s.ci.tag(c)) && s.word(c).nonActor {
			return true
		}
	}
	return false
}

// lists reports whether the table lists w, in the singular or in a
// regular plural.
func (n *NonActors) lists(w string) bool {
	if n.nouns[w] {
		return true
	}
	// A noun's plural by the regular rules only: verb forms do not
	// name things.
	for _, sg := range en.RegularSingulars(w) {
		if n.nouns[sg] {
			return true
		}
	}
	return false
}

// attemptUse reports a one-word verb trigger used as a verb of trying
// (governors.tsv, role attempt) with a to-infinitive: "sought to expand
// trade", "tried to flee" say what the subject tried to do, not that it
// asked for something or was put on trial. The verb is then no event.
func (s *Stage) attemptUse(m match) bool {
	if m.trig.Kind != lexicon.KindVerb || !strings.HasPrefix(s.ci.tag(m.headToken), "VB") {
		return false
	}
	p := s.predicate(m)
	if role, _ := s.governorRole(p); role != GovAttempt {
		return false
	}
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		if s.tr.Rel(c) != doc.DepXcomp || s.ci.tag(c) != "VB" {
			continue
		}
		if s.markedTo(c) {
			return true
		}
	}
	return false
}

// complementOf reports a predicate that completes another trigger's verb
// ("agreed to remove", "urged Iran to release", "refuses to accept"): the
// outer trigger is the event that happened; the complement says what was
// agreed, demanded or refused.
//
// A to-infinitive hung on the trigger as an adverbial or on its noun
// ("suspended plans to impose a curfew", "shelled the road to block
// it") is its content or purpose too: not asserted to have happened.
//
// So is a that-clause on a trigger or on its noun ("denied that troops
// fired", "rejected claims that troops fired", "alleged that ..."): what
// is denied, alleged, demanded or threatened is not thereby a fact. A
// concession is the exception: "admitted that its troops fired" asserts
// what it admits.
func (s *Stage) complementOf(p int) bool {
	h := s.tr.Head(p)
	rel := s.tr.Rel(p)
	if rel == doc.DepAclRelcl {
		// A relative clause has no complementizer: a clause on a noun
		// marked "that" is the noun's content ("reports that soldiers
		// had killed civilians"), whatever the parse labelled it.
		if mk := s.tr.Marker(p); mk >= 0 && s.ci.tok(mk) == "that" {
			rel = doc.DepAcl
		}
	}
	if h >= 0 && !s.used[h] && s.tr.Rel(h) == doc.DepObj && rel == doc.DepAcl {
		// "denied reports that ...": the that-clause on the
		// trigger's object is the trigger's content.
		if mk := s.tr.Marker(p); mk >= 0 && s.ci.tok(mk) == "that" {
			h = s.tr.Head(h)
		}
	}
	if h < 0 || !s.used[h] {
		return false
	}
	switch rel {
	case doc.DepXcomp:
		return true
	case doc.DepAdvcl, doc.DepAcl:
		mk := s.tr.Marker(p)
		if mk >= 0 && s.ci.tok(mk) == "to" {
			return true
		}
		// A that-clause is never an adverbial, whatever the parse
		// labelled it.
		return mk >= 0 && s.ci.tok(mk) == "that" && s.contentOf(h)
	case doc.DepCcomp:
		// A content clause has "that", "whether" or "if", or nothing;
		// a "before" or "after" clause the parse took for one is an
		// adverbial.
		if mk := s.tr.Marker(p); mk >= 0 {
			switch s.ci.tok(mk) {
			case "that", "whether", "if":
			default:
				return false
			}
		}
		return s.contentOf(h)
	}
	return false
}

// contentOf reports whether token h belongs to a coded trigger whose
// that-clause is only its content: a verbal event (a statement, a
// demand, a denial, a threat), other than a concession. Material acts
// take no propositional content.
func (s *Stage) contentOf(h int) bool {
	at := s.ci.d.Tokens[h].Start
	for _, c := range s.coded {
		ev := &s.ci.d.Events[c.event]
		if ev.Evidence.Trigger.Start <= at && at < ev.Evidence.Trigger.End {
			q := s.c.onto.Quad(ev.Type)
			return ev.Type != plover.Concede && (q == plover.VerbalCooperation || q == plover.VerbalConflict)
		}
	}
	return false
}

// nominalGovernor returns the verb that governs a nominal trigger at p as
// its object or passive subject ("launched an attack", "talks were
// held", "cancelled the visit"), with its role from governors.tsv.
func (s *Stage) nominalGovernor(p int) (g int, role GovernorRole, rule string, ok bool) {
	p = s.measuredHead(p)
	switch s.tr.Rel(p) {
	case doc.DepObj, doc.DepNsubjPass:
	case doc.DepNsubj:
		return s.copularGovernor(p)
	case doc.DepObl:
		// "provided $500 million in aid": an amount as the object,
		// and what it is an amount of in an "in" phrase.
		if !s.amountIn(p) {
			return 0, 0, "", false
		}
	default:
		return 0, 0, "", false
	}
	g = s.tr.Head(p)
	if g < 0 || !strings.HasPrefix(s.ci.tag(g), "VB") {
		return 0, 0, "", false
	}
	role, rule = s.governorRole(g)
	// An intent, yield, attempt or prospect governor says nothing of a nominal
	// object: it matters only for an infinitive.
	return g, role, rule, role != NoGovernor && role != GovIntent && role != GovYield && role != GovAttempt && role != GovProspect
}

// measuredHead returns the word a nominal event p is the content of, when
// p hangs on a measure or a quantity ("delivered 25 tons of aid", "sent a
// convoy of aid", "pledged $50 million in aid"): the verb governs the
// event through it. Otherwise it returns p.
func (s *Stage) measuredHead(p int) int {
	// The parse may hang "in aid" on the amount as an apposition ("$20
	// million in humanitarian aid"); its marker says it is none.
	h := s.tr.Head(p)
	if r := s.tr.Rel(p); h < 0 || r != doc.DepNmod && r != doc.DepAppos || strings.HasPrefix(s.ci.tag(h), "VB") {
		return p
	}
	switch mk := s.tr.Marker(p); {
	case mk < 0:
	case s.ci.tok(mk) == "of", s.ci.tok(mk) == "in" && s.isAmount(h):
		return h
	}
	return p
}

// amountIn reports an oblique p marked "in" whose verb's object is an
// amount: a sum of money or a number ("$500 million in aid", "two
// million euros in loans").
func (s *Stage) amountIn(p int) bool {
	mk := s.tr.Marker(p)
	if mk < 0 || s.ci.tok(mk) != "in" {
		return false
	}
	g := s.tr.Head(p)
	if g < 0 {
		return false
	}
	o := s.tr.Dependent(g, doc.DepObj)
	return o >= 0 && o < p && s.isAmount(o)
}

// isAmount reports a word that heads an amount: a sum of money or a
// number, or a noun with a number ("50 million euros", "two tons").
func (s *Stage) isAmount(o int) bool {
	if t := s.ci.tag(o); t == "$" || t == "CD" {
		return true
	}
	return s.tr.Has(o, doc.DepNummod)
}

// weighed marks ev as only weighed by the contemplate governor g
// ("considering sanctions", "considering imposing sanctions"):
// hypothetical, and negated when g is ("not considering"), which it
// reports.
func (s *Stage) weighed(g int, rule string, ev *doc.Event) bool {
	ev.Aux |= doc.AuxHypothetical
	ev.Rule += " +contemplated " + rule
	if s.negated(g) {
		ev.Negated = true
	}
	return ev.Negated
}

// weighable reports an event its actor may weigh doing: a material act,
// or a meeting. Statements (offers, demands, accusations) weighed are
// someone else's.
func weighable(quad string, t plover.EventType) bool {
	return strings.HasPrefix(quad, "material") || t == plover.Consult
}

// copularGovernor returns the predicate a nominal event is the subject
// of when that predicate rules the event out: a copular phrase whose noun
// and first preposition governors.tsv lists as negative ("talks are out
// of the question", "a truce is off the table").
func (s *Stage) copularGovernor(p int) (g int, role GovernorRole, rule string, ok bool) {
	g = s.tr.Head(p)
	if g < 0 || strings.HasPrefix(s.ci.tag(g), "VB") || !s.tr.Has(g, doc.DepCop) {
		return 0, 0, "", false
	}
	c := s.tr.Dependent(g, doc.DepCase)
	if c < 0 {
		return 0, 0, "", false
	}
	role, rule = roleIn(s.word(g).governors, s.ci.tok(c))
	return g, role, rule, role == GovNegative
}

var gerundPreps = map[string]bool{"of": true, "for": true, "about": true, "against": true, "from": true, "over": true}

// reportingUse reports a verb that introduces or closes reported speech:
// it takes a complement clause ("protested that ...") or is a
// parenthetical ("..., the union protested").
func (s *Stage) reportingUse(p int) bool {
	return s.reportedClause(p) >= 0
}

// reportedClause returns the clause a reporting verb at p reports: its
// complement clause; for a parenthetical, the clause it interrupts; or a
// finite clause with a subject of its own and no subordinator that the
// parse hung on it as an adverbial ("X is failing, the union protested":
// only a complement can be unmarked). It returns -1 when there is none.
func (s *Stage) reportedClause(p int) int {
	if c := s.tr.Dependent(p, doc.DepCcomp); c >= 0 {
		return c
	}
	if h := s.tr.Head(p); s.tr.Rel(p) == doc.DepParataxis && h < p {
		return h
	}
	if c := s.closingReport(p); c >= 0 {
		return c
	}
	for c := s.tr.First(p); c >= 0 && c < p; c = s.tr.Next(c) {
		if s.tr.Rel(c) == doc.DepAdvcl && s.tr.Marker(c) < 0 && !s.hasWhWord(c) && s.subjectDependent(c) >= 0 {
			return c
		}
	}
	return -1
}

// closingReport is the word-order fallback for a report that closes its
// sentence ("..., a rights group protested on Wednesday.") when the parse
// did not attach the clause before it: the verb's subject follows a
// comma, and after the verb come only adverbs and times. The reported
// clause is then the sentence's first clause, headed by the first subject
// in the sentence. It returns -1 when the shape does not fit.
func (s *Stage) closingReport(p int) int {
	d := s.ci.d
	si := text.SentenceOf(d, p)
	if si < 0 {
		return -1
	}
	sent := d.Sentences[si]
	for k := p + 1; k < sent.EndToken; k++ {
		if tag := s.ci.tag(k); !(s.inTime[k] || tag == "RB" || tag == "." || tag == "IN" && k+1 < sent.EndToken && s.inTime[k+1]) {
			return -1
		}
	}
	comma := -1
	for k := p - 1; k > sent.FirstToken && k >= p-8; k-- {
		if s.ci.tok(k) == "," {
			comma = k
			break
		}
		if tag := s.ci.tag(k); strings.HasPrefix(tag, "VB") || tag == "IN" {
			return -1
		}
	}
	if comma < 0 || s.ci.entOf[comma+1] < 0 && (comma+2 >= p || s.ci.entOf[comma+2] < 0) {
		return -1
	}
	for k := sent.FirstToken; k < comma; k++ {
		if r := s.tr.Rel(k); r == doc.DepNsubj || r == doc.DepNsubjPass {
			if h := s.tr.Head(k); h >= 0 && h < comma {
				return h
			}
		}
	}
	return -1
}

// hasWhWord reports a clause opened by a wh-adverb ("where", "when"):
// a relative or adverbial clause, not a reported one.
func (s *Stage) hasWhWord(c int) bool {
	for k := s.tr.First(c); k >= 0; k = s.tr.Next(k) {
		if s.ci.tag(k) == "WRB" {
			return true
		}
	}
	return false
}

// reportedSubject returns the subject of the clause that a reporting verb
// reports.
func (s *Stage) reportedSubject(p int) []int {
	c := s.reportedClause(p)
	if c < 0 {
		return nil
	}
	subj, _ := s.subjectOf(c)
	return s.argument(subj)
}

// recipientsOf tries the trigger's frames in order of preference and
// keeps the first whose recipient slot finds an actor with a country,
// else the first that finds any. An object with no country gives way to
// a state the clause aims the act against ("mobilised reservists against
// X"). A trigger that takes a recipient but finds none in its slots takes
// the first actor with a country in its clause after it ("proposed talks
// with the prime minister of Nepal", "threatened to cut ties with Chile").
func (s *Stage) recipientsOf(m match, p int) []int {
	var any []int
	tr := m.trig
	takes := infinitival(tr)
	for _, f := range tr.Frames {
		if f.Recipient.Kind == lexicon.SlotNone {
			continue
		}
		takes = true
		r := s.dropSpeaker(s.slot(m, p, f.Recipient), m.headToken)
		if len(r) == 0 && f.Recipient.Kind == lexicon.SlotObj {
			// "rejected a ceasefire proposed by the rebels": an object
			// that is no actor stands for whoever made it.
			r = s.dropSpeaker(s.makerOf(s.tr.Dependent(p, doc.DepObj)), m.headToken)
		}
		if len(r) == 0 {
			continue
		}
		if s.ci.d.Entities[r[0]].CountryCode != "" {
			return r
		}
		if any == nil {
			any = r
		}
	}
	if any != nil {
		if r := s.againstInClause(m, p); len(r) > 0 {
			return r
		}
		return any
	}
	if !takes {
		return nil
	}
	if r := s.complementSubject(m, p); len(r) > 0 {
		return r
	}
	if reciprocalFrame(m.trig) && s.coordinatedSubject(p) {
		// "Kenya and Ethiopia signed a deal to share intelligence on
		// X": the other side of a mutual act is among its subject's
		// conjuncts (mutualParties), not whoever the clause names next.
		return nil
	}
	d := s.ci.d
	for j := m.last + 1; j < m.sentEnd && j < m.last+16; j++ {
		e := s.ci.entOf[j]
		if e < 0 || d.Entities[e].CountryCode == "" || !s.inClause(p, j) || s.speakerOf(e, m.headToken) || possessed(d, e) || s.topicOf(j) || s.agentOfModifier(j, m) || s.originOf(j, p) {
			continue
		}
		return []int{e}
	}
	return nil
}

// originOf reports a mention at token j in a "from" phrase of the noun
// trigger p: where the doers come from ("mediators from Qatar"), not
// whom they act on.
func (s *Stage) originOf(j, p int) bool {
	if en.IsNounTag(s.ci.tag(p)) {
		for k, steps := j, 0; k >= 0 && steps < 4; k, steps = s.tr.Head(k), steps+1 {
			if s.tr.Head(k) == p {
				mk := s.tr.Marker(k)
				return mk >= 0 && s.ci.tok(mk) == "from"
			}
		}
	}
	return false
}

// coordinatedSubject reports a subject of predicate p with a conjunct
// ("Kenya and Ethiopia signed").
func (s *Stage) coordinatedSubject(p int) bool {
	subj, undergoer := s.subjectOf(p)
	return subj >= 0 && !undergoer && s.tr.Has(subj, doc.DepConj)
}

// unlistedParticle reports a particle (compound:prt) on verbal predicate
// p outside match m: the verb is then part of a phrasal verb that the
// trigger's pattern does not name.
func (s *Stage) unlistedParticle(m match, p int) bool {
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		if s.tr.Rel(c) == doc.DepCompoundPrt && (c < m.first || c > m.last) {
			return true
		}
	}
	return false
}

// refusesComment reports a trigger that ends in "to" whose infinitive is
// a verb of silence (governors.tsv, role silence: "declined to comment",
// "refused to say"): the infinitive right after the trigger, or its
// predicate's open complement.
func (s *Stage) refusesComment(m match, p int) bool {
	if w := m.trig.Words; len(w) == 0 || w[len(w)-1] != "to" {
		return false
	}
	v := m.last + 1
	if v >= m.sentEnd || !strings.HasPrefix(s.ci.tag(v), "VB") {
		v = s.tr.Dependent(p, doc.DepXcomp)
	}
	if v < 0 {
		return false
	}
	role, _ := s.governorRole(v)
	return role == GovSilence
}

// asksAnonymity reports a request verb p whose content is its source's
// withheld name (governors.tsv, role anonymity): its object ("requested
// anonymity"), or its infinitive, a passive verb of the role ("asked not
// to be named") or "remain" with an adjective of it ("to remain
// anonymous").
func (s *Stage) asksAnonymity(p int) bool {
	if s.anonymityAfter(p) {
		return true
	}
	if o := s.tr.Dependent(p, doc.DepObj); o >= 0 {
		role, _ := s.governorRole(o)
		return role == GovAnonymity
	}
	x := s.tr.Dependent(p, doc.DepXcomp)
	if x < 0 {
		return false
	}
	if c := s.tr.Dependent(x, doc.DepXcomp); c >= 0 && !strings.HasPrefix(s.ci.tag(c), "VB") {
		x = c // "to remain anonymous"
	} else if strings.HasPrefix(s.ci.tag(x), "VB") && !s.tr.Has(x, doc.DepAuxPass) {
		return false // "asked Kenya to name an envoy"
	}
	role, _ := s.governorRole(x)
	return role == GovAnonymity
}

// anonymityAfter reports the words right after a request verb at p
// that ask for anonymity, whatever the parse made of them: "anonymity",
// or "(not) to (not) be" or "to remain"/"to stay" before a word of
// role anonymity ("not to be named", "to remain anonymous").
func (s *Stage) anonymityAfter(p int) bool {
	n := len(s.ci.d.Tokens)
	k := p + 1
	if k < n && s.ci.tok(k) == "not" {
		k++
	}
	if k >= n {
		return false
	}
	if s.ci.tok(k) != "to" {
		role, _ := s.governorRole(k)
		return role == GovAnonymity && en.IsNounTag(s.ci.tag(k))
	}
	k++
	if k < n && s.ci.tok(k) == "not" {
		k++
	}
	if k+1 >= n {
		return false
	}
	switch s.ci.tok(k) {
	case "be", "remain", "stay":
		role, _ := s.governorRole(k + 1)
		return role == GovAnonymity
	}
	return false
}

// claimant returns the subject of a claim verb that owns nominal p, as its
// object ("the group claimed the bombing") or through a liability noun
// ("claimed responsibility for the attack", governors.tsv roles claim and
// liability); nil when there is none or the claim is negated ("did not
// claim", "denied responsibility" is no claim verb).
func (s *Stage) claimant(p int) []int {
	g := -1
	switch s.tr.Rel(p) {
	case doc.DepObj:
		g = s.tr.Head(p)
	case doc.DepNmod, doc.DepObl:
		mk := s.tr.Marker(p)
		h := s.tr.Head(p)
		if mk < 0 || s.ci.tok(mk) != "for" || h < 0 {
			return nil
		}
		switch role, _ := s.governorRole(h); role {
		case GovLiability:
			if s.tr.Rel(h) != doc.DepObj {
				return nil
			}
			g = s.tr.Head(h)
		case GovClaim, GovAccept, GovSupport:
			// "took responsibility" read with "for the attack" on the
			// verb.
			o := s.tr.Dependent(h, doc.DepObj)
			if o < 0 {
				return nil
			}
			if r, _ := s.governorRole(o); r != GovLiability {
				return nil
			}
			g = h
		default:
			return nil
		}
	}
	if g < 0 || !strings.HasPrefix(s.ci.tag(g), "VB") || s.negated(g) {
		return nil
	}
	if role, _ := s.governorRole(g); role != GovClaim && !((role == GovAccept || role == GovSupport) && s.tr.Rel(p) != doc.DepObj) {
		return nil
	}
	if subj, undergoer, _ := s.subjectArgument(g); !undergoer {
		return subj
	}
	return nil
}

// commitment returns the intent verb (governors.tsv, role intent: agree,
// pledge, promise, offer) whose object or "to" phrase is nominal p, and
// its subject: "the rebels agreed to a ceasefire" and "Kenya promised
// talks" commit their subjects to the ceasefire and the talks, as
// "agreed to observe a ceasefire" would (subject control), and what is
// promised is coded as promise.go says. It returns -1 and nil when p is
// no such complement.
func (s *Stage) commitment(p int) (int, []int) {
	p = s.measuredHead(p)
	g := s.tr.Head(p)
	if g < 0 || !strings.HasPrefix(s.ci.tag(g), "VB") {
		return -1, nil
	}
	switch s.tr.Rel(p) {
	case doc.DepObj:
	case doc.DepObl, doc.DepXcomp:
		// "agreed to a truce" (an xcomp when the parse takes "to" for
		// the infinitive's marker).
		if !s.markedTo(p) {
			return -1, nil
		}
	default:
		return -1, nil
	}
	if role, _ := s.governorRole(g); role != GovIntent {
		return -1, nil
	}
	if subj, undergoer, _ := s.subjectArgument(g); !undergoer {
		return g, subj
	}
	return -1, nil
}

// supportAgent returns the agent of a support verb's participle on
// nominal p: "the attack carried out by the rebels", "a strike staged by
// nurses" say what "the rebels carried out an attack" says, so the agent
// is the actor (governors.tsv, role support). Other participles' agents
// are not ("a truce brokered by Egypt").
func (s *Stage) supportAgent(p int) []int {
	tr := &s.tr
	for c := tr.First(p); c >= 0; c = tr.Next(c) {
		if tr.Rel(c).Base() != doc.DepAcl || !s.participleForm(c) {
			continue
		}
		if role, _ := s.governorRole(c); role == GovSupport && !s.tr.Has(c, doc.DepObj) && !s.tr.Has(c, doc.DepXcomp) {
			// "an offer made by Kenya"; "the release of fighters taken
			// hostage by the rebels" has the participle's own
			// complement, and is no such phrase.
			return s.agentOf(c)
		}
	}
	return nil
}

// agentOfModifier reports a token inside the "by" phrase of a participle
// that modifies a word of trigger m: that agent did what the participle
// says to the event ("a truce brokered by Egypt", "an offer delivered by
// the government"), so it is the broker or the maker, never the party the
// event is aimed at.
func (s *Stage) agentOfModifier(j int, m match) bool {
	for k, steps := j, 0; k >= 0 && steps < 4; k, steps = s.tr.Head(k), steps+1 {
		mk := s.tr.Marker(k)
		if mk < 0 {
			continue
		}
		if s.ci.tok(mk) != "by" {
			return false
		}
		h := s.tr.Head(k)
		if h < 0 || s.tr.Rel(h).Base() != doc.DepAcl {
			return false
		}
		// The participle follows the trigger, at most past a comma:
		// in "the return of land seized by the police" it hangs on
		// "land" whatever the parse says, and the seizer is who must
		// return it.
		g := s.tr.Head(h)
		next := h == m.last+1 || h == m.last+2 && s.ci.tok(m.last+1) == ","
		return g >= m.first && g <= m.last && next
	}
	return false
}

// topicOf reports a token inside a phrase that names a subject matter
// ("a meeting about Syria"): what is talked about takes no part.
func (s *Stage) topicOf(j int) bool {
	for k, steps := j, 0; k >= 0 && steps < 4; k, steps = s.tr.Head(k), steps+1 {
		if mk := s.tr.Marker(k); mk >= 0 {
			// "about 1,000 residents" is an amount, not a topic.
			if mk+1 < len(s.ci.d.Tokens) {
				if t := s.ci.tag(mk + 1); t == "CD" || t == "$" {
					return false
				}
			}
			return en.IsTopicPreposition(s.ci.tok(mk))
		}
	}
	return false
}

// againstInClause returns the state or group that a phrase marked
// "against" names anywhere in the clause of predicate p: what a
// mobilisation or a measure is aimed at ("mobilised reservists for a war
// against X").
func (s *Stage) againstInClause(m match, p int) []int {
	d := s.ci.d
	for j := m.last + 1; j < m.sentEnd && j < m.last+16; j++ {
		if s.ci.tok(j) != "against" || s.tr.Rel(j) != doc.DepCase {
			continue
		}
		obj := s.tr.Head(j)
		if obj < 0 || !s.inClause(p, obj) {
			continue
		}
		if r := s.argument(obj); len(r) > 0 && d.Entities[r[0]].CountryCode != "" {
			return r
		}
	}
	return nil
}

// complementSubject returns, for a request or an accusation, the subject
// of the clause that states what is asked or alleged ("demanded that
// Chile open its borders", "alleged that the army had fired"): PLOVER
// makes the one asked to act, or accused, the recipient.
func (s *Stage) complementSubject(m match, p int) []int {
	switch m.trig.Type {
	case plover.Request, plover.Accuse:
	default:
		return nil
	}
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		if r := s.tr.Rel(c); r != doc.DepCcomp && r != doc.DepXcomp {
			continue
		}
		if subj := s.subjectDependent(c); subj >= 0 {
			return s.argument(subj)
		}
	}
	// A pattern that ends in the complementizer ("expect that", "demand
	// that") names its clause: the word "that" depends on the clause's
	// verb, whatever relation the parse gave it.
	if tr := m.trig; tr.Words[len(tr.Words)-1] == "that" {
		if c := s.tr.Head(m.last); c > m.last {
			if subj := s.subjectDependent(c); subj >= 0 && subj != m.last {
				return s.argument(subj)
			}
		}
	}
	return nil
}

// speakerOf reports whether entity e is the speaker of the statement that
// token t is in: the source of the event, not a participant in it.
func (s *Stage) speakerOf(e, t int) bool {
	qi := s.quoteA[t]
	if qi < 0 {
		return false
	}
	q := s.ci.d.Quotes[qi]
	return q.Speaker == e || (q.SpeakerMention.End > q.SpeakerMention.Start && q.SpeakerMention.Start == s.ci.d.Entities[e].Start)
}

// dropSpeaker removes the speaker of the statement around token t from
// a list of recipients.
func (s *Stage) dropSpeaker(r []int, t int) []int {
	out := r[:0:0]
	for _, e := range r {
		if !s.speakerOf(e, t) {
			out = append(out, e)
		}
	}
	return out
}

// infinitival reports a trigger that ends in an infinitive ("threatened
// to", "threatened to ban", "refused to"): its recipient sits in the
// infinitive's clause ("threatened to cut ties with Chile").
func infinitival(tr *lexicon.Trigger) bool {
	for i, w := range tr.Words {
		if w == "to" && i > 0 && i >= len(tr.Words)-2 {
			return true
		}
	}
	return false
}

// takesRecipient reports whether a trigger's frames or its final "to"
// call for a recipient.
func takesRecipient(tr *lexicon.Trigger) bool {
	if infinitival(tr) {
		return true
	}
	for _, f := range tr.Frames {
		if f.Recipient.Kind != lexicon.SlotNone {
			return true
		}
	}
	return false
}

// aspectSubject reports whether the nominal trigger at p is the subject of
// a support verb used without an object ("fighting continued", "talks
// resumed", "the offensive began"), which says that the event goes on. A
// support verb with an object of its own says something else of its
// subject ("the poisoning has taken lives").
func (s *Stage) aspectSubject(p int) bool {
	g := s.tr.Head(p)
	if g < 0 || s.tr.Rel(p) != doc.DepNsubj || s.tr.Has(g, doc.DepObj) {
		return false
	}
	role, _ := s.governorRole(g)
	return role == GovSupport
}

// capturedPlace reports whether the object of the verb at p is a place
// smaller than a country: a town, a district or a region.
func (s *Stage) capturedPlace(p int) bool {
	o := s.tr.Dependent(p, doc.DepObj)
	if x := s.tr.Dependent(p, doc.DepXcomp); o < 0 && x > p && en.IsNounTag(s.ci.tag(x)) {
		o = x // a noun is no open complement: the parse's misreading of the object
	}
	if o < 0 || s.placeOf[o] < 0 {
		return false
	}
	f := s.ci.d.Places[s.placeOf[o]].Feature
	return f != "" && !strings.HasPrefix(f, "PCL")
}

// placeRecipient is the last resort for a trigger that takes a recipient
// but names no actor for it: the first country its clause places the
// event in or attributes its object to ("lifted a curfew in Ruritania",
// "rejected an Australian ultimatum"), other than the actor's own. It
// returns a recipient with no entity behind it.
func (s *Stage) placeRecipient(p int, m match, actors []doc.EventActor) (doc.EventActor, bool) {
	d := s.ci.d
	for _, pl := range s.placesAfter(m) {
		place := d.Places[pl]
		if k := s.ci.tokenAt(place.Start, 0); place.CountryCode == "" || !s.inClause(p, k) || s.topicOf(k) || s.agentOfModifier(k, m) {
			continue
		}
		own := false
		for _, a := range actors {
			own = own || a.CountryCode == place.CountryCode
		}
		if !own {
			return placeParticipant(d, place), true
		}
	}
	return doc.EventActor{}, false
}

// placeParticipant makes a place a participant: the only kind without a
// mention (Entity -1; see onlyPlaces).
func placeParticipant(d *doc.Doc, place doc.Place) doc.EventActor {
	return doc.EventActor{Span: place.Span, RawText: d.SpanText(place.Span),
		Actor: doc.Actor{Name: place.Name, CountryCode: place.CountryCode}, Entity: -1}
}

// causeOf returns the token that says what brought about the event of the
// verb at p: its subject, or the "by" phrase of a passive; -1 when none.
func (s *Stage) causeOf(p int) int {
	if subj, undergoer := s.subjectOf(p); !undergoer {
		return subj
	}
	return s.agentToken(p)
}

// attackUsers returns the actors of an attack verb at p whose subject or
// passive agent is an attack or a device whose user the text names:
// the attack coded with actors of its own ("the attack, claimed by
// Islamic State, killed 20"), or the agent of a participle on the device
// ("a bomb planted by the rebels"). The user of the means is the doer.
func (s *Stage) attackUsers(d *doc.Doc, sent doc.Sentence, p int) []doc.EventActor {
	k := s.causeOf(p)
	if k < 0 || !en.IsNounTag(s.ci.tag(k)) || strings.HasPrefix(s.ci.tag(k), "NNP") || !s.ownArgument(p, k) {
		return nil
	}
	start, end := d.Tokens[k].Start, d.Tokens[k].End
	for i := range d.Events {
		if e := &d.Events[i]; e.Type == plover.Assault && len(e.Actors) > 0 && !e.Negated &&
			e.Evidence.Trigger.Start <= start && end <= e.Evidence.Trigger.End {
			return append([]doc.EventActor(nil), e.Actors...)
		}
	}
	for c := s.tr.First(k); c >= 0; c = s.tr.Next(c) {
		if s.tr.Rel(c) == doc.DepAcl && s.ci.tag(c) == "VBN" && c > k {
			if a := s.agentOf(c); len(a) > 0 {
				return eventActors(d, a)
			}
		}
	}
	// A participle right after the device's phrase is its reduced
	// relative, wherever the parse hung it.
	if c := s.tr.Rightmost(k) + 1; c < sent.EndToken && s.ci.tag(c) == "VBN" && !s.tr.Has(c, doc.DepNsubj) && !s.tr.Has(c, doc.DepNsubjPass) {
		if a := s.agentOf(c); len(a) > 0 {
			return eventActors(d, a)
		}
	}
	return nil
}

// unattributedAttack returns the actor of an attack verb at p whose
// subject, or passive agent, is an attack or its device and names no one
// ("a roadside bomb killed two soldiers", "were wounded by a landmine"): an
// unidentified armed force, CAMEO's and PLOVER's sector UAF. ACLED codes
// such attacks to the "Unidentified Armed Group (Country)" of the place,
// which localParticipants adds when the sentence places the event. The
// block has no entity behind it; its span is the device's noun phrase.
// (The PLOVER manual's draft leaves events with no named source uncoded
// and lists relaxing that as an open question; dateline codes them, and
// this says who the source is as far as the text tells.)
// weaponOfWar reports an ASSAULT mode whose means only armed forces and
// armed groups use: bombs and mines, artillery, aircraft, suicide attacks.
// A stabbing or a shooting may be a crime by anyone, and rubber bullets
// are the police's.
func weaponOfWar(mode string) bool {
	switch mode {
	case "explosives", "heavy-weapons", "aerial", "drone", "suicide-attack":
		return true
	}
	return false
}

// ownArgument reports whether k is the verb p's own subject or agent, or
// that of a verb p is coordinated with ("killed one and wounded two"), or
// the noun a relative clause on p modifies ("bombings that killed 44"),
// rather than one found through a governing verb: a controller is no
// attacker ("bullets were used to disperse the crowd").
func (s *Stage) ownArgument(p, k int) bool {
	h := s.tr.Head(k)
	if s.tr.Head(p) == k && s.tr.Rel(p).Base() == doc.DepAcl {
		return true
	}
	for q := p; q >= 0; q = s.tr.Head(q) {
		if q == h {
			return true
		}
		if s.tr.Rel(q) != doc.DepConj {
			return false
		}
	}
	return false
}

// attackNounConfidence is the least lexicon confidence of an attack noun
// that makes its device's user an unidentified armed force: bombs, mines,
// shelling and strikes, but not the explosions and blasts that the lexicon
// trusts less because accidents explode too.
const attackNounConfidence = 0.6

func (s *Stage) unattributedAttack(sent doc.Sentence, p int) (doc.EventActor, bool) {
	d := s.ci.d
	k := s.causeOf(p)
	if k < 0 || !strings.HasPrefix(s.ci.tag(k), "NN") || strings.HasPrefix(s.ci.tag(k), "NNP") || !s.ownArgument(p, k) {
		return doc.EventActor{}, false
	}
	first := s.tr.Leftmost(k)
	for first < k && s.tr.Rel(first) == doc.DepCase {
		first++ // "by a landmine": the marker is no part of the name
	}
	for t := first; t <= k; t++ {
		m, ok := s.findMatch(d, sent, t)
		if !ok || m.trig.Type != plover.Assault || m.trig.Kind == lexicon.KindVerb || m.last != k {
			continue
		}
		if !weaponOfWar(m.trig.Mode) || m.trig.Confidence < attackNounConfidence {
			// "An explosion at a fireworks factory killed nine": a
			// blast or an explosion is an accident as often as an
			// attack, and no one need have caused it.
			return doc.EventActor{}, false
		}
		span := doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[k].End}
		return doc.EventActor{Span: span, RawText: d.SpanText(span), Actor: doc.Actor{SectorCode: "UAF"}, Entity: -1}, true
	}
	return doc.EventActor{}, false
}

// placesAfter returns the places of the match's sentence after its
// trigger, in text order.
func (s *Stage) placesAfter(m match) []int {
	d := s.ci.d
	end := d.Tokens[m.last].End
	sentEnd := d.Tokens[m.sentEnd-1].End
	lo := placeAtOrAfter(d, end)
	var out []int
	for i := lo; i < len(d.Places) && d.Places[i].End <= sentEnd; i++ {
		out = append(out, i)
	}
	return out
}

// localParticipants gives a participant whose role is known but whose
// country is not ("protesters", "riot police", "opposition leaders") the
// country of the place its own sentence puts the event in. ACLED codes
// unidentified actors so ("Protesters (Country)", "Police Forces of
// Country": ACLED Codebook, actor names): people who act somewhere, with
// nothing said of where they come from, belong to that place. PLOVER
// codes the victims of an attack or a detention so too ("detained 27
// people in X"), even unnamed ones with no role. A place found only in
// another sentence or in the dateline is too weak for this, and any
// other participant with no role at all is left uncoded, and so is one
// that names several states (doc.Entity.NoPlaceCountry).
func localParticipants(d *doc.Doc, ev *doc.Event) {
	if ev.Location < 0 || (ev.LocationSource != doc.LocationAttached && ev.LocationSource != doc.LocationSentence) {
		return
	}
	country := d.Places[ev.Location].CountryCode
	if country == "" {
		return
	}
	coded := false
	code := func(blocks []doc.EventActor, nameless bool) {
		for i := range blocks {
			if a := &blocks[i]; a.CountryCode == "" && (a.SectorCode != "" || nameless && a.Entity >= 0) &&
				(a.Entity < 0 || !d.Entities[a.Entity].NoPlaceCountry) {
				a.CountryCode, coded = country, true
			}
		}
	}
	// A visitor comes from elsewhere: the place of a visit is where it
	// went, not where it belongs.
	if ev.Type != plover.Consult || ev.Mode != "visit" {
		code(ev.Actors, false)
	}
	code(ev.Recipients, ev.Type == plover.Assault || ev.Type == plover.Coerce)
	if coded {
		ev.Rule += " +location_country"
	}
}

// intent recodes events that are only intended or threatened, as PLOVER
// does: a stated intention to yield (will withdraw, pledged to release,
// ready to lift a curfew) is a CONCEDE with the yielding's mode, and a
// stated intention to cooperate otherwise (send aid, readiness to host
// talks) an AGREE; promised (promise.go) says which. A cooperation made
// conditional with "unless" is a THREATEN, and so is a possible or
// announced material conflict (could impose sanctions, will strike).
// Other negated events keep their coding. The intention is read from the
// modality of predicate p and from the word governing it (governors.tsv,
// role intent: "pledged to withdraw"); a negated event under an intent
// word is a promise to refrain (refrained).
func (s *Stage) intent(sent doc.Sentence, p int, ev *doc.Event) {
	if s.inCondition(p) || s.prospect(p) {
		// "if the rebels attack": a condition is what another's
		// threat or promise depends on, not an intention of its own
		// subject's. "Russia is expected to attack": a forecast, whoever
		// makes it, is no threat of Russia's; the event keeps its type,
		// flagged future.
		return
	}
	cue := false
	h, weighedNot := s.intentGovernor(p, ev)
	if weighedNot {
		// "is not considering imposing sanctions".
		return
	}
	if h >= 0 {
		cue = true
		if s.negated(h) {
			// "does not plan to withdraw", "has no plans to attack":
			// an intention denied announces nothing; the event is
			// negated, as under a negative governor.
			ev.Negated = true
			ev.Rule += " +denied_intent"
			return
		}
	}
	if ev.Negated {
		// "pledged not to attack": a promise to refrain from
		// material conflict is a concession (promise.go, refrained);
		// the promise, not the attack, is what the event reports.
		if typ, mode := refrained(s.c.onto.Quad(ev.Type)); cue && typ != plover.Agree {
			ev.Rule += " +refrain:" + string(ev.Type)
			ev.IntendedType = ev.Type
			ev.Type, ev.Mode, ev.Negated = typ, mode, false
		}
		return
	}
	intended := ev.Aux&(doc.AuxFuture|doc.AuxHypothetical|doc.AuxConditional) != 0
	if cue {
		intended = true
	}
	if !intended {
		return
	}
	switch s.c.onto.Quad(ev.Type) {
	case "verbal cooperation":
		// A stated readiness to meet or support is an AGREE (CAMEO's
		// "express intent to"), one to yield stays a CONCEDE; a bare
		// future ("will meet") stays the event it announces.
		if ev.Type == plover.Agree || !cue {
			return
		}
		ev.Rule += " +intent:" + string(ev.Type)
		ev.IntendedType = ev.Type
		ev.Type, ev.Mode = promised(ev.Type, ev.Mode, s.c.onto.Quad(ev.Type))
	case "material cooperation":
		ev.IntendedType = ev.Type
		if s.hasWord(sent, "unless") {
			// "will withdraw its force unless the rebels ...": a
			// cooperation made conditional on the other side's conduct
			// is leverage, a threat to stop cooperating.
			ev.Rule += " +ultimatum:" + string(ev.Type)
			ev.Type, ev.Mode = plover.Threaten, ""
			return
		}
		ev.Rule += " +intent:" + string(ev.Type)
		ev.Type, ev.Mode = promised(ev.Type, ev.Mode, s.c.onto.Quad(ev.Type))
	case "material conflict":
		if (ev.Type == plover.Protest || ev.Type == plover.Mobilize) && s.conditioned(sent, p) {
			// "ready to shut down the port if no deal is reached":
			// a protest or a show of force held over the other side's
			// conduct is a threat of it (CAMEO 133, 138).
			ev.Rule += " +ultimatum:" + string(ev.Type)
			ev.IntendedType = ev.Type
			ev.Type, ev.Mode = plover.Threaten, ""
			return
		}
		if ev.Type == plover.Protest || ev.Type == plover.Mobilize {
			// An announced protest stays a protest. So does an
			// announced deployment stay a mobilization, flagged
			// future: CAMEO codes force posture (15) apart from
			// threats (13), and a deployment announced ("will send
			// 1,000 police officers to Haiti") names no target to
			// threaten; most help their destination. One announced
			// by an intent word ("plans to deploy") is future too.
			if cue {
				ev.Aux |= doc.AuxFuture
			}
			return
		}
		ev.Rule += " +threat:" + string(ev.Type)
		ev.IntendedType = ev.Type
		ev.Type, ev.Mode = plover.Threaten, ""
	}
}

// intentGovernor returns the intent word (governors.tsv, role intent)
// whose infinitive complement holds the predicate p, or -1. The complement
// reaches down open complements and purpose infinitives: in "is willing to
// send equipment to help defend X" the defence is as much intended as the
// sending is. A contemplating word right above p makes ev weighed (see
// weighed); weighedNot reports that it is weighed and not done ("is not
// considering imposing sanctions"), which ends the search.
func (s *Stage) intentGovernor(p int, ev *doc.Event) (h int, weighedNot bool) {
	q := p
	for steps := 0; steps < 4; steps++ {
		h := s.tr.Head(q)
		if h < 0 {
			return -1, false
		}
		switch r := s.tr.Rel(q); {
		case r == doc.DepXcomp || r == doc.DepAcl:
		case r == doc.DepObj && q == p && en.IsNounTag(s.ci.tag(q)):
			// A pattern's noun standing for its verb (see
			// verbalArguments): "is considering imposing sanctions".
		case r == doc.DepAdvcl && q != p && s.markedTo(q):
		default:
			return -1, false
		}
		if s.used[h] {
			// "promised to renew bombing": an outer trigger's content,
			// which the promise pass (promises) codes with it.
			return -1, false
		}
		role, rule := s.governorRole(h)
		switch {
		case role == GovIntent:
			return h, false
		case role == GovContemplate && q == p:
			if s.weighed(h, rule, ev) {
				return -1, true
			}
		}
		q = h
	}
	return -1, false
}

// hasWord reports whether the sentence contains the word w.
func (s *Stage) hasWord(sent doc.Sentence, w string) bool {
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		if s.ci.tok(k) == w {
			return true
		}
	}
	return false
}

// dropSame removes recipients that are the actor itself.
//
// The actor's own possessions count as the actor: "withdrew its troops
// from X", "offered their support" name what the actor moves or gives,
// and the possessive pronoun refers back to the actor.
func dropSame(d *doc.Doc, actors, recipients []int) ([]int, []int) {
	out := recipients[:0:0]
	for _, r := range recipients {
		if !containsRoot(d, actors, rootOf(d, r)) && !ownedByActor(d, actors, r) {
			out = append(out, r)
		}
	}
	return actors, out
}

// possessed reports a mention opened by a possessive pronoun ("its
// troops", "their crossing"): something its owner moves or gives, which
// the recipient search passes over.
func possessed(d *doc.Doc, e int) bool {
	// d.Lower has Text's offsets, so the slice costs no allocation.
	first, _, _ := strings.Cut(d.Lower[d.Entities[e].Start:d.Entities[e].End], " ")
	switch first {
	case "its", "their", "his", "her", "our":
		return true
	}
	return false
}

// ownedByActor reports a mention opened by a possessive pronoun whose
// country is an actor's.
func ownedByActor(d *doc.Doc, actors []int, r int) bool {
	e := d.Entities[r]
	if !possessed(d, r) {
		return false
	}
	for _, a := range actors {
		if d.Entities[a].CountryCode == e.CountryCode && e.CountryCode != "" {
			return true
		}
	}
	return false
}

func rootOf(d *doc.Doc, e int) int {
	if a := d.Entities[e].Antecedent; a >= 0 {
		return a
	}
	return e
}

func containsRoot(d *doc.Doc, list []int, root int) bool {
	for _, e := range list {
		if rootOf(d, e) == root {
			return true
		}
	}
	return false
}

func eventActors(d *doc.Doc, ents []int) []doc.EventActor {
	out := make([]doc.EventActor, 0, len(ents))
	for _, e := range ents {
		en := d.Entities[e]
		out = append(out, doc.EventActor{Span: en.Span, RawText: d.SpanText(en.Span), Actor: en.Actor, Entity: e})
	}
	return out
}

// historical reports whether an event dated t, told in a document of the
// given date, is background rather than news: it lies before the start of
// the year preceding the document's. News reports what happened lately;
// "fought a war in 1777" or "was founded in 1991" explains it, and taking
// such dates as event dates would stretch every timeline back centuries.
// Events of the last year or so keep their dates, since reports of trials
// and inquiries often date what they are about to months back.
func historical(t, anchor time.Time) bool {
	return t.Before(time.Date(anchor.Year()-1, time.January, 1, 0, 0, 0, 0, time.UTC))
}

// date sets the event's date from a time expression in its clause, else
// from the dateline or publication date. An expression long before the
// document makes the event historical background, and a bound ("since
// April") never gives its date.
func (s *Stage) date(d *doc.Doc, sent doc.Sentence, ev *doc.Event) {
	if s.c.dateFor != nil {
		if te, ok := s.c.dateFor(d, sent.Span, ev.Evidence.Trigger); ok && te.Precision != doc.PrecisionDuration && !te.Value.IsZero() {
			if anchor, ok := d.AnchorDate(); ok && historical(te.Value, anchor) {
				ev.Date, ev.DatePrecision = time.Time{}, doc.PrecisionHistorical
				return
			}
			if !te.Bound {
				ev.Date, ev.DatePrecision = te.Value, te.Precision
				return
			}
			// "has marched since April": a bound is not the event's
			// time, so a recent one leaves the event to the document's
			// date.
		}
	}
	if t, ok := d.AnchorDate(); ok {
		ev.Date, ev.DatePrecision = t, doc.PrecisionPublished
		return
	}
	ev.Date, ev.DatePrecision = time.Time{}, ""
}

// attributive reports a participle used as an adjective before its noun
// (Huddleston and Pullum 2002, ch. 7.5 and 14: attributive participles).
// The parse must say so (amod on a noun to its right), and so must the
// word before it (en.AttributiveAfter), since a greedy parse also hangs
// verbs there.
func (s *Stage) attributive(sent doc.Sentence, p int) bool {
	tag := s.ci.tag(p)
	if (tag != "VBN" && tag != "VBG" && tag != "VBD") || s.tr.Rel(p) != doc.DepAmod {
		return false
	}
	// Modifiers stack ("a heavily armed ruling minority"): the noun
	// may lie past other attributive modifiers.
	h := s.tr.Head(p)
	for h > p && s.tr.Rel(h) == doc.DepAmod && !en.IsNounTag(s.ci.tag(h)) {
		h = s.tr.Head(h)
	}
	if h <= p || !en.IsNounTag(s.ci.tag(h)) {
		return false
	}
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		if c < p && s.ci.tag(c) == "CD" {
			// "the two kidnapped aid workers": the number counts the
			// noun, whatever the parse hung it on.
			continue
		}
		if r := s.tr.Rel(c).Base(); r != doc.DepAdvmod && r != doc.DepPunct {
			return false
		}
	}
	k := p - 1
	for k >= sent.FirstToken && strings.HasPrefix(s.ci.tag(k), "RB") {
		k--
	}
	if k < sent.FirstToken {
		return en.AttributiveAfter(tag, "", "")
	}
	return en.AttributiveAfter(tag, s.ci.tag(k), s.ci.tok(k))
}

// diplomatic reports whether a visit or a reception (CONSULT modes visit
// and host) is one between political actors, as PLOVER's consultations
// are: the visitor or host is coded to a state organ or a political group
// (plover.PoliticalSector), and the other side, when the text names one,
// is a state (a country or its capital) or such an actor. Tourists who
// travelled to Mexico, patients who visited a doctor, a country that
// receives tourists and police who visited a restaurant consult no one.
// Other events pass.
func diplomatic(d *doc.Doc, ev *doc.Event) bool {
	if ev.Type != plover.Consult || (ev.Mode != "visit" && ev.Mode != "host") {
		return true
	}
	if !anyPolitical(d, ev.Actors) {
		return false
	}
	return len(ev.Recipients) == 0 || anyPolitical(d, ev.Recipients)
}

// anyPolitical reports a participant of a political sector, or one that
// names a state: a country or a capital (GeoNames PCL* and PPLC).
func anyPolitical(d *doc.Doc, as []doc.EventActor) bool {
	for _, a := range as {
		if plover.PoliticalSector(a.SectorCode) || slices.ContainsFunc(a.OtherSectorCodes, plover.PoliticalSector) {
			return true
		}
		lo := sort.Search(len(d.Places), func(i int) bool { return d.Places[i].End > a.Start })
		for i := lo; i < len(d.Places) && d.Places[i].Start < a.End; i++ {
			if pl := d.Places[i]; pl.Kind == "" && (strings.HasPrefix(pl.Feature, "PCL") || pl.Feature == "PPLC") {
				return true
			}
		}
	}
	return false
}

// acronym reports a token written in capitals, two letters or more, in a
// sentence that is not all capitals: "AIDS", not "aids" or a headline's
// "REBELS ATTACK".
func (s *Stage) acronym(k int) bool {
	d := s.ci.d
	w := d.SpanText(d.Tokens[k].Span)
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	if letters < 2 {
		return false
	}
	si := text.SentenceOf(d, k)
	if si < 0 {
		return false
	}
	sent := d.Sentences[si]
	return strings.ContainsFunc(d.Text[sent.Start:sent.End], unicode.IsLower)
}

// assessesFact reports a verb whose that-clause is indicative, in the
// present or the past, without a modal: "agreed that the vote was fair",
// "agrees the offences are a problem". What is agreed to be done lies
// ahead, so a commissive clause has a modal ("agreed that troops would
// withdraw") or is subjunctive ("agreed that he step down").
func (s *Stage) assessesFact(p int) bool {
	if s.tr.Has(p, doc.DepXcomp) {
		return false // "agree to impose": the infinitive is the course agreed
	}
	for c := range s.thatClauses(p) {
		if c < p {
			// A clause before the verb is no complement of its.
			continue
		}
		switch f := s.finiteOf(c); s.ci.tag(f) {
		case "VBZ", "VBP":
			return true
		case "VBD":
			return s.preterite(f)
		}
	}
	return false
}

// thatClauses yields the content clauses of verb p: its clausal
// complements that "that" marks or nothing does.
func (s *Stage) thatClauses(p int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
			if s.tr.Rel(c) != doc.DepCcomp {
				continue
			}
			if mk := s.tr.Marker(c); mk >= 0 && s.ci.tok(mk) != "that" {
				continue
			}
			if !yield(c) {
				return
			}
		}
	}
}

// finiteOf returns the word of clause c that carries its tense: its first
// auxiliary or copula before it, or c itself.
func (s *Stage) finiteOf(c int) int {
	for a := s.tr.First(c); a >= 0 && a < c; a = s.tr.Next(a) {
		if r := s.tr.Rel(a).Base(); r == doc.DepAux || r == doc.DepCop {
			return a
		}
	}
	return c
}

// statesFact reports a verb whose that-clause is in the preterite:
// "insisted that his client had no role", "urged that the vote was
// fair". What is asked for is not yet done, so a mandative clause is a
// subjunctive ("demanded that he leave"), has "should", or in British use
// a present ("demands that he resigns"), never a past tense (Huddleston
// and Pullum 2002, ch. 11.7.1); a past tense states a fact.
func (s *Stage) statesFact(p int) bool {
	for c := range s.thatClauses(p) {
		if s.preterite(s.finiteOf(c)) {
			return true
		}
	}
	return false
}

// preterite reports a verb in the past tense by its tag and its form: a
// regular "-ed" or an irregular past (data/triggers/inflections.tsv:
// "had", "was"), so that a subjunctive the tagger took for a past
// ("demanded that Uganda withdraw") is not one.
func (s *Stage) preterite(k int) bool {
	if s.ci.tag(k) != "VBD" {
		return false
	}
	w := s.ci.tok(k)
	if strings.HasSuffix(w, "ed") {
		return true
	}
	l, ok := s.c.lex.Lemma(w)
	return ok && l != w
}

// impersonalPassive reports a passive whose subject is the dummy "it"
// and which names no agent: "it is expected that", "it was hoped that"
// say what is expected or hoped, not who asks for it.
func (s *Stage) impersonalPassive(p int) bool {
	if !s.passive(p) || len(s.agentOf(p)) > 0 {
		return false
	}
	for c := s.tr.First(p); c >= 0; c = s.tr.Next(c) {
		if r := s.tr.Rel(c); (r == doc.DepNsubjPass || r == doc.DepExpl) && s.ci.tok(c) == "it" {
			return true
		}
	}
	return false
}

// nonActorBefore is the word-order fallback of nonActorArgument for a
// verb the parse left without a subject: the noun right before it, past
// adverbs and auxiliaries, or the head of the "of" phrase that noun ends
// ("an outbreak of cholera killed"), is a non-actor.
func (s *Stage) nonActorBefore(m match, p int) bool {
	if !strings.HasPrefix(s.ci.tag(p), "VB") {
		return false
	}
	k := p - 1
	for k >= 0 && k >= p-4 {
		if tag := s.ci.tag(k); tag == "RB" || tag == "MD" || strings.HasPrefix(tag, "VB") && en.IsParticipleAuxiliary(s.ci.tok(k)) {
			k--
			continue
		}
		break
	}
	if k < 0 || !en.IsNounTag(s.ci.tag(k)) {
		return false
	}
	if s.isNonActor(m, k) {
		return true
	}
	// "an outbreak of cholera": step back over the "of" phrase.
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if s.ci.tok(j) == "of" {
			return j > 0 && en.IsNounTag(s.ci.tag(j-1)) && s.isNonActor(m, j-1)
		}
		if !en.IsNounTag(s.ci.tag(j)) && s.ci.tag(j) != "JJ" {
			break
		}
	}
	return false
}
