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
//     recipient.
//
// The clause's grammar is read too: a negated verb becomes the trigger's
// negated type when the lexicon gives one ("will not discuss" is a REJECT,
// not a CONSULT) and is marked negated otherwise; modal, future and
// conditional clauses are marked in Aux; an event inside a statement by a
// speaker other than its actor is claimed by that speaker; a term in scare
// quotes triggers nothing.
package event

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/event/lexicon"
)

// Name is the stage name.
const Name = "event"

// Lexicon gives the triggers whose first word has a lemma, and the lemma
// of an irregular verb form ("fled" -> "flee"). *lexicon.Lexicon
// implements it.
type Lexicon interface {
	Candidates(lemma string) []*lexicon.Trigger
	Lemma(form string) (string, bool)
}

// Ontology supplies the PLOVER facts of a type and mode.
type Ontology interface {
	Quad(typ string) string
	CameoRoot(typ, mode string) string
	Intensity(typ, mode string) float64
	// DefaultMode is the mode of an event whose trigger gives none, such
	// as a negated CONSULT recoded as REJECT.
	DefaultMode(typ string) string
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
}

// New returns a coder. dateFor may be nil, in which case events take the
// document's date.
func New(lex Lexicon, onto Ontology, dateFor DateFinder) *Coder {
	return &Coder{lex: lex, onto: onto, dateFor: dateFor}
}

// Stage is one worker's coder with its scratch state.
type Stage struct {
	c      *Coder
	ci     clauseIndex
	quoteA []int // token -> index of the statement it is in, or -1
	scare  []bool
	// Per-token lemma lists, filled on first use (see lemmas).
	lemmaOff  []int32
	lemmaLen  []uint8
	lemmaFlat []string
	scratch   []string
	used      []bool // token already consumed by a trigger
}

// NewStage returns a per-worker stage.
func (c *Coder) NewStage() *Stage { return &Stage{c: c} }

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return Name }

// match is a trigger matched at a token.
type match struct {
	trig      *lexicon.Trigger
	first     int // token of the first word
	last      int // token of the last word
	headToken int // the token that decides verb or noun
}

// Process implements pipeline.Stage.
func (s *Stage) Process(d *doc.Doc) error {
	if len(d.Lower) != len(d.Text) {
		return fmt.Errorf("event: the text layer has not run")
	}
	s.ci.reset(d)
	s.indexQuotes(d)
	s.used = growBool(s.used, len(d.Tokens))
	if cap(s.lemmaOff) < len(d.Tokens) {
		s.lemmaOff, s.lemmaLen = make([]int32, len(d.Tokens)), make([]uint8, len(d.Tokens))
	}
	s.lemmaOff, s.lemmaLen = s.lemmaOff[:len(d.Tokens)], s.lemmaLen[:len(d.Tokens)]
	for i := range s.lemmaOff {
		s.lemmaOff[i] = -1
	}
	s.lemmaFlat = s.lemmaFlat[:0]
	for si := range d.Sentences {
		s.sentence(d, si)
	}
	s.statements(d)
	s.demands(d)
	sort.SliceStable(d.Events, func(i, j int) bool { return d.Events[i].Evidence.Trigger.Start < d.Events[j].Evidence.Trigger.Start })
	// IDs follow text order, so they are given once every rule has
	// added its events.
	for i := range d.Events {
		d.Events[i].ID = fmt.Sprintf("%s-e%d", d.ID, i+1)
	}
	return nil
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
// flags scare-quoted tokens, which trigger nothing.
func (s *Stage) indexQuotes(d *doc.Doc) {
	n := len(d.Tokens)
	s.quoteA = grow(s.quoteA, n)
	for i := range s.quoteA {
		s.quoteA[i] = -1
	}
	s.scare = growBool(s.scare, n)
	for qi, q := range d.Quotes {
		k := tokenAtOrAfter(d, q.Start, 0)
		for ; k < n && d.Tokens[k].Start < q.End; k++ {
			if q.Kind == doc.ScareQuote {
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
	return tag != "JJ"
}

// triggerTag reports whether a token's tag can carry a trigger: verbs,
// common nouns, and adjectives (for adjective triggers only).
func triggerTag(tag string) bool {
	return strings.HasPrefix(tag, "VB") || tag == "NN" || tag == "NNS" || tag == "JJ"
}

// lemmas returns the lemma candidates of token k, irregular forms
// included. Every trigger tried at a token compares the next tokens'
// lemmas, so each token's list is computed once per document and kept in
// one flat slice; callers must not modify it.
func (s *Stage) lemmas(k int) []string {
	if o := s.lemmaOff[k]; o >= 0 {
		return s.lemmaFlat[o : o+int32(s.lemmaLen[k])]
	}
	w := s.ci.tok(k)
	start := len(s.lemmaFlat)
	s.scratch = lemmaCandidates(w, s.scratch)
	s.lemmaFlat = append(s.lemmaFlat, s.scratch...)
	if l, ok := s.c.lex.Lemma(w); ok {
		s.lemmaFlat = append(s.lemmaFlat, l)
	}
	s.lemmaOff[k], s.lemmaLen[k] = int32(start), uint8(len(s.lemmaFlat)-start)
	return s.lemmaFlat[start:]
}

// findMatch returns the longest trigger match starting at token t.
func (s *Stage) findMatch(d *doc.Doc, sent doc.Sentence, t int) (match, bool) {
	var best match
	found := false
	for _, lemma := range s.lemmas(t) {
		for _, tr := range s.c.lex.Candidates(lemma) {
			last, ok := s.matchFrom(sent, tr.Words[1:], t+1, t)
			if !ok {
				continue
			}
			if !kindFits(tr.Kind, d.Tokens[t].Tag) {
				continue
			}
			if !found || tr.Len() > best.trig.Len() || (tr.Len() == best.trig.Len() && tr.Confidence > best.trig.Confidence) {
				best = match{trig: tr, first: t, last: last, headToken: t}
				found = true
			}
		}
	}
	return best, found
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
		for g := 0; g <= lexicon.MaxGap && k+g < sent.EndToken; g++ {
			if g > 0 && s.ci.d.Tokens[k+g-1].Kind == doc.Punct {
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
		for _, c := range s.lemmas(k) {
			if c == w {
				return s.matchFrom(sent, words[1:], k+1, k)
			}
		}
		return 0, false
	}
}

// sentence codes the events of sentence si.
func (s *Stage) sentence(d *doc.Doc, si int) {
	sent := d.Sentences[si]
	var lastSubjects []int
	lastVerbEnd := -1
	for t := sent.FirstToken; t < sent.EndToken; t++ {
		if s.used[t] || s.scare[t] || !triggerTag(d.Tokens[t].Tag) {
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
		for k := m.first; k <= m.last; k++ {
			s.used[k] = true
		}
		ev, subj, ok := s.build(d, si, m, lastSubjects, lastVerbEnd)
		if !ok {
			continue
		}
		if len(subj) > 0 {
			lastSubjects = subj
		}
		if !m.trig.Noun() {
			lastVerbEnd = m.last
		}
		d.Events = append(d.Events, ev)
		t = m.last
	}
}

// build codes one matched trigger. It returns the event, the subjects it
// found (for verbs coordinated after it) and false when the match is not
// an event after all.
func (s *Stage) build(d *doc.Doc, si int, m match, lastSubjects []int, lastVerbEnd int) (doc.Event, []int, bool) {
	ci := &s.ci
	sent := d.Sentences[si]
	tr := m.trig
	t := m.headToken
	ev := doc.Event{Type: string(tr.Type), Mode: tr.Mode, Context: tr.Contexts, Location: -1, ClaimedBy: -1,
		Rule: tr.Rule, Confidence: tr.Confidence}
	ev.Evidence = doc.Evidence{Sentence: sent.Span, Trigger: doc.Span{Start: d.Tokens[m.first].Start, End: d.Tokens[m.last].End}}

	var actors, recipients []int
	frame := tr.Frame()
	verb := strings.HasPrefix(d.Tokens[t].Tag, "VB") && !tr.Noun()
	if !verb && tr.Kind == lexicon.KindVerb && t > sent.FirstToken {
		// The tagger sometimes calls a coordinated or modified verb a
		// noun ("fully share and support this position").
		switch p := ci.tag(t - 1); {
		case p == "RB" || p == "MD" || p == "TO" || p == "PRP" || ci.tok(t-1) == "and" || ci.tok(t-1) == "or":
			verb = true
		}
	}
	// A gerund in a prepositional phrase is the content of another event
	// ("accused X of shelling villages"), not an event of its own.
	if d.Tokens[t].Tag == "VBG" && t > sent.FirstToken && gerundPreps[ci.tok(t-1)] {
		return ev, nil, false
	}
	if verb {
		vgS, _ := ci.vgBounds(t)
		// An infinitive right after another verb trigger is its
		// complement ("agreed to remove restrictions", "refuses to
		// accept"): the outer trigger is the event that happened; the
		// complement is coded too, marked "complement", because it says
		// what was agreed, demanded or refused.
		complement := vgS > 0 && ci.tok(vgS) == "to" && lastVerbEnd >= 0 && vgS-lastVerbEnd <= 2
		subj := ci.subjects(sent, vgS)
		if len(subj) == 0 && vgS > sent.FirstToken {
			if p := ci.tok(vgS - 1); p == "," || p == "and" || p == "but" || p == "or" {
				// A verb coordinated with an earlier one shares its
				// subject: "the regime that blocks the routes, refuses to
				// accept cargo".
				subj = ci.sharedSubject(sent, vgS)
			}
			if len(subj) == 0 && lastSubjects != nil && lastVerbEnd >= 0 {
				subj = lastSubjects
			}
		}
		obj := s.recipientsOf(sent, m, tr)
		// "is committed to", "is prepared to": a participle that takes
		// an infinitive or a to-phrase is an adjective, not a passive.
		if ci.isPassive(vgS, t) && tr.Words[len(tr.Words)-1] != "to" {
			if len(subj) == 0 {
				subj = ci.passiveSubject(sent, vgS)
			}
			actors, recipients = ci.byAgent(sent, m.last+1), subj
			ev.Rule += " +passive"
		} else {
			actors, recipients = subj, obj
			if frame.Actor.Kind == lexicon.SlotNone {
				actors = nil
			}
		}
		if ci.negatedVG(vgS, t) {
			switch {
			case tr.DropNegated:
				return ev, nil, false
			case tr.NegatedType != "":
				ev.Type = string(tr.NegatedType)
				ev.Mode = tr.NegatedMode
				ev.Rule += " +negation_recoded"
			default:
				ev.Negated = true
			}
		}
		ev.Aux = ci.auxOf(sent, vgS, t)
		if complement {
			ev.Aux = appendOnce(ev.Aux, "complement")
			ev.Confidence *= 0.6
		} else {
			s.intent(sent, vgS, &ev)
		}
	} else {
		switch frame.Actor.Kind {
		case lexicon.SlotPrep:
			actors = ci.objects(sent, m.last+1, frame.Actor.Prep)
		case lexicon.SlotNone:
		default:
			actors = s.nominalActor(sent, m.first)
			if len(actors) == 0 {
				actors = ci.supportSubject(sent, m.first)
			}
		}
		recipients = s.recipientsOf(sent, m, tr)
		if len(actors) == 0 && frame.Actor.Kind != lexicon.SlotNone {
			actors = ci.byAgent(sent, m.last+1)
		}
	}
	actors, recipients = dropSame(d, actors, recipients)
	if !verb && len(actors) == 0 && len(recipients) == 0 {
		// A bare nominal ("the riots", "a peace deal") names an event
		// without saying who did it to whom; PLOVER needs an actor.
		return ev, nil, false
	}
	if len(recipients) == 0 && tr.Kind == lexicon.KindMWE && strings.HasPrefix(d.Tokens[m.last].Tag, "NN") {
		// "expelled inspectors of the IAEA", "rejected calls by the
		// UN chief", "rejected the Australian ultimatum": the trigger
		// holds its object, and the object's owner is the recipient.
		recipients = ci.objectOwner(sent, m.first, m.last)
		actors, recipients = dropSame(d, actors, recipients)
	}
	ev.Actors = eventActors(d, actors)
	ev.Recipients = eventActors(d, recipients)
	if len(ev.Recipients) == 0 && takesRecipient(tr) {
		// A protest is aimed at the authorities of the place it is held
		// in, the protesters' own state included; other events in the
		// actor's own country are not acts on it ("Serbia lifted a
		// curfew in Montenegro").
		own := ev.Actors
		if ev.Type == "PROTEST" {
			own = nil
		}
		if r, ok := s.placeRecipient(sent, m, own); ok {
			ev.Recipients = append(ev.Recipients, r)
			ev.Rule += " +place_recipient"
		}
	}

	// A statement's speaker claims the events inside it, unless the
	// speaker is the event's own actor.
	if qi := s.quoteA[t]; qi >= 0 {
		if sp := d.Quotes[qi].Speaker; sp >= 0 && !containsRoot(d, actors, sp) {
			ev.ClaimedBy = sp
		}
	}
	s.date(d, sent, &ev)
	ev.Location = placeIn(d, sent, ev.Evidence.Trigger)
	ev.Quad = s.c.onto.Quad(ev.Type)
	ev.CameoRoot = s.c.onto.CameoRoot(ev.Type, ev.Mode)
	ev.Intensity = s.c.onto.Intensity(ev.Type, ev.Mode)
	switch {
	case len(ev.Actors) > 0 && len(ev.Recipients) > 0:
	case len(ev.Actors) > 0 || len(ev.Recipients) > 0:
		ev.Confidence *= 0.8
	default:
		ev.Confidence *= 0.5
	}
	return ev, actors, true
}

var gerundPreps = map[string]bool{"of": true, "for": true, "about": true, "against": true, "from": true, "over": true}

// recipientsOf tries the trigger's frames in order of preference and
// keeps the first whose recipient slot finds an actor with a country,
// else the first that finds any; a trigger that takes a recipient but
// finds none in its slots takes the first actor with a country later in
// the clause ("offered to negotiate with the president of Armenia").
func (s *Stage) recipientsOf(sent doc.Sentence, m match, tr *lexicon.Trigger) []int {
	var any []int
	// "threatened to", "offered to": the recipient sits in the
	// infinitive that completes the trigger.
	takes := tr.Words[len(tr.Words)-1] == "to"
	for _, f := range tr.Frames {
		if f.Recipient.Kind == lexicon.SlotNone {
			continue
		}
		takes = true
		r := s.slot(sent, m, f.Recipient)
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
		// An object with no country ("mobilised reservists") gives way
		// to a state the clause aims the act against.
		if r := s.ci.against(sent, m.last+1); r != nil {
			return r
		}
		return any
	}
	if !takes {
		return nil
	}
	limit := min(sent.EndToken, m.last+12)
	for j := m.last + 1; j < limit; j++ {
		if (isFinite(s.ci.tag(j)) || relativeBreaks[s.ci.tok(j)]) && s.ci.entStart[j] < 0 {
			break
		}
		if e := s.ci.entStart[j]; e >= 0 && s.ci.d.Entities[e].CountryCode != "" {
			return []int{e}
		}
	}
	return nil
}

// relativeBreaks open a clause about something else ("lifted a curfew in
// the province, where 28 people died", "warning that refugees may
// leave"), which the recipient search does not enter.
var relativeBreaks = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "where": true, "when": true, ";": true, ":": true}

// takesRecipient reports whether a trigger's frames or its final "to"
// call for a recipient.
func takesRecipient(tr *lexicon.Trigger) bool {
	if tr.Words[len(tr.Words)-1] == "to" {
		return true
	}
	for _, f := range tr.Frames {
		if f.Recipient.Kind != lexicon.SlotNone {
			return true
		}
	}
	return false
}

// placeRecipient is the last resort for a trigger that takes a recipient
// but names no actor for it: the first country the clause after the
// trigger places the event in or attributes its object to ("lifted a
// curfew in Montenegro", "rejected an Australian ultimatum"), other than
// the actor's own. It returns a recipient with no entity behind it.
func (s *Stage) placeRecipient(sent doc.Sentence, m match, actors []doc.EventActor) (doc.EventActor, bool) {
	d := s.ci.d
	own := map[string]bool{}
	for _, a := range actors {
		own[a.CountryCode] = true
	}
	limit := min(sent.EndToken, m.last+14)
	for j := m.last + 1; j < limit; j++ {
		t := d.Tokens[j]
		if isFinite(s.ci.tag(j)) || clauseBreaks[s.ci.tok(j)] {
			break
		}
		for _, p := range d.Places {
			if p.Start == t.Start && p.CountryCode != "" && !own[p.CountryCode] {
				return doc.EventActor{Span: p.Span, RawText: d.SpanText(p.Span),
					Actor: doc.Actor{Name: p.Name, CountryCode: p.CountryCode}, Entity: -1}, true
			}
		}
	}
	return doc.EventActor{}, false
}

// intentCues before an infinitive state an intention: "is ready to send
// troops", "offered to release".
var intentCues = map[string]bool{"willing": true, "ready": true, "prepared": true, "offered": true, "offers": true,
	"offer": true, "pledged": true, "pledges": true, "promised": true, "promises": true, "plans": true, "planned": true,
	"intends": true, "agreed": true, "vowed": true, "committed": true}

// intent recodes events that are only intended or threatened, as PLOVER
// does: a stated intention to cooperate materially (send aid, withdraw
// troops) is AGREE; a possible or announced material conflict (could
// impose sanctions, will strike) is THREATEN. Negated events keep their
// coding.
func (s *Stage) intent(sent doc.Sentence, vgS int, ev *doc.Event) {
	if ev.Negated {
		return
	}
	ci := &s.ci
	intended := false
	for _, a := range ev.Aux {
		if a == "future" || a == "hypothetical" || a == "conditional" {
			intended = true
		}
	}
	cue := ""
	if k := vgS; k > sent.FirstToken+1 && ci.tok(k) == "to" {
		cue = ci.tok(k - 1)
	} else if k > sent.FirstToken && ci.tok(k-1) == "to" && k > sent.FirstToken+1 {
		cue = ci.tok(k - 2)
	}
	if intentCues[cue] {
		intended = true
	}
	if !intended {
		return
	}
	switch s.c.onto.Quad(ev.Type) {
	case "material cooperation":
		ev.Rule += " +intent:" + ev.Type
		ev.IntendedType = ev.Type
		ev.Type, ev.Mode = "AGREE", ""
	case "material conflict":
		if ev.Type == "PROTEST" {
			return
		}
		ev.Rule += " +threat:" + ev.Type
		ev.IntendedType = ev.Type
		ev.Type, ev.Mode = "THREATEN", ""
	}
}

// slot finds the entities of a frame slot after the matched pattern.
func (s *Stage) slot(sent doc.Sentence, m match, sl lexicon.Slot) []int {
	switch sl.Kind {
	case lexicon.SlotNone:
		return nil
	case lexicon.SlotPrep:
		return s.ci.objects(sent, m.last+1, sl.Prep)
	case lexicon.SlotPoss:
		return s.nominalActor(sent, m.first)
	default:
		return s.ci.objects(sent, m.last+1, "")
	}
}

// nominalActor finds the possessor of a nominal trigger: "Armenia's
// attempts", "the army's withdrawal".
func (s *Stage) nominalActor(sent doc.Sentence, first int) []int {
	ci := &s.ci
	for k := first - 1; k >= sent.FirstToken && k >= first-4; k-- {
		t := ci.tok(k)
		if t == "'s" || t == "’s" {
			for j := k - 1; j >= sent.FirstToken && j >= k-6; j-- {
				if e := ci.entStart[j]; e >= 0 && ci.entEnd[e] == k {
					return []int{e}
				}
			}
			return nil
		}
		if !(ci.tag(k) == "JJ" || strings.HasPrefix(ci.tag(k), "NN") || ci.tag(k) == "VBN") {
			return nil
		}
	}
	return nil
}

// dropSame removes recipients that are the actor itself.
func dropSame(d *doc.Doc, actors, recipients []int) ([]int, []int) {
	out := recipients[:0:0]
	for _, r := range recipients {
		if !containsRoot(d, actors, rootOf(d, r)) {
			out = append(out, r)
		}
	}
	return actors, out
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

// date sets the event's date from a time expression in its clause, else
// from the dateline or publication date.
func (s *Stage) date(d *doc.Doc, sent doc.Sentence, ev *doc.Event) {
	if s.c.dateFor != nil {
		if te, ok := s.c.dateFor(d, sent.Span, ev.Evidence.Trigger); ok && te.Precision != doc.PrecisionDuration && !te.Value.IsZero() {
			ev.Date, ev.DatePrecision = te.Value, te.Precision
			return
		}
	}
	if t, ok := d.AnchorDate(); ok {
		ev.Date, ev.DatePrecision = t, doc.PrecisionPublished
		return
	}
	ev.Date, ev.DatePrecision = time.Time{}, ""
}

// placeIn returns the event's place: one named inside the trigger ("the
// opening of the Aghdam road"), else the first one in the sentence after a
// locative preposition; -1 when there is none.
func placeIn(d *doc.Doc, sent doc.Sentence, trigger doc.Span) int {
	for i, p := range d.Places {
		if trigger.Contains(p.Span) {
			return i
		}
	}
	for i, p := range d.Places {
		if p.Start >= sent.Start && p.End <= sent.End {
			k := tokenAtOrAfter(d, p.Start, sent.FirstToken)
			if k > sent.FirstToken {
				switch strings.ToLower(d.SpanText(d.Tokens[k-1].Span)) {
				case "in", "at", "near", "outside", "inside", "from", "into", "across":
					return i
				}
			}
		}
	}
	return -1
}
