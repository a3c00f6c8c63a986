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
// quotes triggers nothing.
//
// Each sentence's principal event, the one the sentence reports rather
// than mentions as background, is marked from the clause structure; see
// principal.go for the rule.
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
	timeEnd   []int  // token -> token after the time expression starting there, or -1
	// Scratch for markPrincipal.
	inTrigger []bool
	heads     []int
	levels    []int
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
	s.indexTimes(d)
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
	s.cyberAttacks(d)
	s.policeRaids(d)
	sort.SliceStable(d.Events, func(i, j int) bool { return d.Events[i].Evidence.Trigger.Start < d.Events[j].Evidence.Trigger.Start })
	// IDs follow text order, so they are given once every rule has
	// added its events.
	for i := range d.Events {
		d.Events[i].ID = fmt.Sprintf("%s-e%d", d.ID, i+1)
	}
	s.markPrincipal(d)
	return nil
}

// indexTimes marks where each time expression starts and ends, so that a
// multi-word trigger can step over one: "called Thursday on", "opened a
// hearing on Wednesday into".
func (s *Stage) indexTimes(d *doc.Doc) {
	s.timeEnd = grow(s.timeEnd, len(d.Tokens))
	for i := range s.timeEnd {
		s.timeEnd[i] = -1
	}
	for _, te := range d.TimeExprs {
		k := tokenAtOrAfter(d, te.Start, 0)
		if k < len(d.Tokens) {
			s.timeEnd[k] = tokenAtOrAfter(d, te.End, k)
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

// triggerTag reports whether a token's tag can start a trigger: verbs,
// common nouns, adjectives (for adjective triggers only) and adverbs (for
// multi-word expressions only: "sexually abused", "forcibly displaced").
func triggerTag(tag string) bool {
	return strings.HasPrefix(tag, "VB") || tag == "NN" || tag == "NNS" || tag == "JJ" || tag == "RB"
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
			if !kindFits(tr.Kind, s.ci.triggerTagAt(sent, t)) || (d.Tokens[t].Tag == "RB" && tr.Kind != lexicon.KindMWE) {
				continue
			}
			if !found || tr.Len() > best.trig.Len() || (tr.Len() == best.trig.Len() && tr.Confidence > best.trig.Confidence) {
				best = match{trig: tr, first: t, last: last, headToken: t}
				found = true
				if d.Tokens[t].Tag == "RB" && last > t {
					// An adverb modifies the verb after it, which heads the
					// expression even when tagged as an adjective
					// ("sexually abused").
					best.headToken = t + 1
				}
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
		// A time adverbial may sit anywhere inside an expression, with
		// its preposition ("refused on Monday to").
		t := k
		if p := s.ci.tok(k); (p == "on" || p == "in" || p == "at" || p == "late" || p == "early") && k+1 < sent.EndToken {
			t = k + 1
		}
		if e := s.timeEnd[t]; e > t && e <= sent.EndToken {
			return s.matchFrom(sent, words, e, last)
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
	// A nominal pattern ("tank fire on the city") that runs from the
	// head of an actor's mention into a verb ("Israeli tanks fired") is
	// that actor and its verb: the mention is the actor, when its own
	// words code it ("The drone struck" in a Baghdad dispatch is no
	// Iraqi act). Patterns that end in a verb by design ("riots broke
	// out") start outside any mention.
	subjectMention := -1
	if tr.Kind == lexicon.KindMWE && frame.Actor.Kind == lexicon.SlotPoss && m.last > m.first {
		if tag := d.Tokens[m.last].Tag; strings.HasPrefix(tag, "VB") && tag != "VBG" {
			if e := ci.entityAt(m.first); e >= 0 && !strings.Contains(d.Entities[e].Rule, "+dateline_country") {
				subjectMention = e
			}
		}
	}
	verb := (strings.HasPrefix(d.Tokens[t].Tag, "VB") || ci.tag(m.first) == "RB") && !tr.Noun()
	if !verb && tr.Kind == lexicon.KindVerb && t > sent.FirstToken {
		// The tagger sometimes calls a coordinated or modified verb a
		// noun ("fully share and support this position").
		switch p := ci.tag(t - 1); {
		case p == "RB" || p == "MD" || p == "TO" || p == "PRP" || ci.tok(t-1) == "and" || ci.tok(t-1) == "or":
			verb = true
		}
	}
	if !verb && (tr.Kind == lexicon.KindVerb || tr.Kind == lexicon.KindMWE) && ci.headlineVerb(sent, t) {
		verb = true
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
		// When the outer trigger ends in "to" ("agree to", "decline to"),
		// the infinitive's verb group starts right after it.
		complement := vgS > 0 && lastVerbEnd >= 0 &&
			((ci.tok(vgS) == "to" && vgS-lastVerbEnd <= 2) || (ci.tok(vgS-1) == "to" && lastVerbEnd == vgS-1))
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
		if ok, comma := s.reportingUse(sent, vgS, m.last); ok && ev.Type == "PROTEST" {
			// "X protested that ...", "..., a rights group protested on
			// Monday": a protest that reports a statement is verbal
			// disapproval, not a demonstration. A closing report's
			// subject follows the comma, and what it disapproves of is
			// the clause before, whose subject is the recipient.
			ev.Type, ev.Mode = "ACCUSE", "disapprove"
			ev.Rule += " +reporting_verb"
			if comma >= 0 {
				var own []int
				for k := comma + 1; k < vgS; k++ {
					if e := ci.entStart[k]; e >= 0 {
						own = append(own, e)
						break
					}
				}
				if len(own) > 0 {
					actors, recipients = own, ci.subjects(sent, ci.firstVerbGroup(sent, comma))
				}
			} else if len(recipients) == 0 {
				// "X protested that Y had closed the border": the
				// reported clause's subject is what X disapproves of.
				recipients = ci.reportedSubject(sent, m.last+1)
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
		// A noun that modifies the noun after it is not the event: "a
		// press release", "border patrol agents", "an attack helicopter";
		// unless that noun only names an undertaking ("a mediation
		// mission", "the relief effort").
		if m.last+1 < sent.EndToken && strings.HasPrefix(ci.tag(m.last+1), "NN") && !strings.HasPrefix(ci.tag(m.last+1), "NNP") &&
			ci.chunkOf[m.last] >= 0 && ci.chunkOf[m.last+1] == ci.chunkOf[m.last] && !undertakings[ci.tok(m.last+1)] {
			return ev, nil, false
		}
		switch frame.Actor.Kind {
		case lexicon.SlotPrep:
			actors = ci.objects(sent, m.last+1, frame.Actor.Prep)
		case lexicon.SlotNone:
		default:
			actors = s.nominalActor(sent, m.first)
			if len(actors) == 0 && subjectMention >= 0 {
				actors = []int{subjectMention}
			}
			if len(actors) == 0 {
				actors = ci.supportSubject(sent, m.first, s.isSupportVerb)
			}
		}
		recipients = s.recipientsOf(sent, m, tr)
		if len(actors) == 0 && frame.Actor.Kind != lexicon.SlotNone {
			actors = ci.byAgent(sent, m.last+1)
		}
		if vgS, head, ok := s.supportVerb(sent, m.first); ok {
			// "The rebels launched an attack", "will hold talks": the
			// support verb's subject is the nominal's actor, and its
			// negation and modality are the event's.
			if len(actors) == 0 && frame.Actor.Kind != lexicon.SlotNone && !ci.isPassive(vgS, head) {
				actors = ci.subjects(sent, vgS)
			}
			if ci.negatedVG(vgS, head) {
				ev.Negated = true
			}
			ev.Aux = ci.auxOf(sent, vgS, head)
			ev.Rule += " +support_verb"
			if s.used[head] {
				// The verb belongs to an outer trigger ("threatened to
				// impose restrictions"): the nominal is its content.
				ev.Aux = appendOnce(ev.Aux, "complement")
			} else {
				s.intent(sent, vgS, &ev)
			}
		}
	}
	actors, recipients = dropSame(d, actors, recipients)
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
	if ev.Type == "ASSAULT" || ev.Type == "COERCE" {
		// Unnamed people attacked or detained somewhere ("fired shells
		// at targets in Jericho", "detained 27 people in Kharkiv") are
		// coded to the country of the place, as PLOVER codes victims.
		place, looked := doc.EventActor{}, false
		for i := range ev.Recipients {
			r := &ev.Recipients[i]
			if r.CountryCode != "" || (r.SectorCode != "CVL" && r.SectorCode != "") || r.Entity < 0 {
				continue
			}
			if !looked {
				// One place serves every victim of the clause.
				var ok bool
				if place, ok = s.placeRecipient(sent, m, ev.Actors); !ok {
					break
				}
				looked = true
				ev.Rule += " +place_country"
			}
			r.CountryCode = place.CountryCode
		}
	}
	if !verb && len(actors) == 0 && len(recipients) == 0 && (tr.Kind != lexicon.KindMWE || len(ev.Recipients) == 0) && !d.Headline {
		// A bare nominal ("the riots", "a peace deal") names an event
		// without saying who did it to whom; PLOVER needs a participant.
		// A multi-word pattern that states the event happened ("riots
		// broke out across Norway") may take the country it happened
		// in; a single noun is too often a mention of an event told
		// elsewhere. A headline names its event by a noun and leaves the
		// participants to the story, so there the event is kept.
		return ev, nil, false
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

// undertakings are head nouns that name the event their modifier
// describes.
var undertakings = map[string]bool{
	"mission": true, "missions": true, "effort": true, "efforts": true, "operation": true, "operations": true,
	"campaign": true, "campaigns": true, "process": true, "drive": true, "bid": true, "attempt": true,
	"attempts": true, "programme": true, "program": true, "initiative": true,
}

// supportVerbs carry a nominal event without adding a meaning of their
// own (light and aspectual verbs): "held talks", "launched an offensive",
// "will provide aid", "stepped up the blockade". Other verbs that take an
// event as object ("condemned the attack") have an actor of their own.
var supportVerbs = map[string]bool{
	"hold": true, "launch": true, "stage": true, "begin": true, "start": true, "conduct": true,
	"continue": true, "resume": true, "wage": true, "mount": true, "make": true, "give": true, "issue": true,
	"provide": true, "impose": true, "declare": true, "intensify": true, "tighten": true,
	"expand": true, "undertake": true, "extend": true, "renew": true, "announce": true, "open": true,
}

// weaponVerbs hand their subject to the attack they carry ("fired
// shells", "dropped bombs") but, unlike support verbs, are events of their
// own, whose modality is theirs.
var weaponVerbs = map[string]bool{"fire": true, "drop": true, "hurl": true, "lob": true}

// supportParticles are verbs that support a nominal only with their
// particle: "carry out a raid" but not "carry fines", "step up patrols".
var supportParticles = map[string]string{"carry": "out", "step": "up"}

// isSupportVerb reports a verb at token k, by its lemma, whose subject
// is the actor of a nominal event in its object: a support verb, a verb
// that supports with a particle ("carry", whose "out" supportSubject
// walks past), or a weapon verb.
func (s *Stage) isSupportVerb(k int) bool {
	for _, l := range s.lemmas(k) {
		if supportVerbs[l] || supportParticles[l] != "" || weaponVerbs[l] {
			return true
		}
	}
	return false
}

// supportVerb finds the verb group whose object a nominal trigger at
// token first is, when its verb is a support verb: the verb group, then
// the noun phrase or a quantity ("25,000 tons of"), then the trigger. It
// returns the verb group's first token and its verb.
func (s *Stage) supportVerb(sent doc.Sentence, first int) (int, int, bool) {
	ci := &s.ci
	for k := first - 1; k >= sent.FirstToken && k >= first-8; k-- {
		if c := ci.chunkOf[k]; c >= 0 && ci.d.Chunks[c].Kind == doc.VerbGroup {
			vgS, vgE := ci.vgBounds(k)
			head := vgE - 1
			particle := ""
			if w := ci.tok(head); (w == "up" || w == "out") && head > vgS {
				particle = w
				head--
			} else if w := ci.tok(k + 1); k == vgE-1 && (w == "up" || w == "out") {
				particle = w // the chunker left the particle out
			}
			for _, l := range s.lemmas(head) {
				if supportVerbs[l] || (particle != "" && supportParticles[l] == particle) {
					return vgS, head, true
				}
			}
			return 0, 0, false
		}
		if w := ci.tok(k); clauseBreaks[w] || (prepositions[w] && w != "of") || w == "," {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// timeWords may close a reporting clause: "..., the group protested here
// on Wednesday."
var timeWords = map[string]bool{
	"on": true, "here": true, "today": true, "yesterday": true, "tonight": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, ".": true, "late": true,
	"early": true, "also": true, "again": true,
}

// reportingUse reports a verb that introduces or closes reported speech:
// followed by a "that" clause, or ending the sentence after a comma that
// closes a clause of its own, with nothing after it but a time ("Talks
// failed, the union protested on Monday").
// It also returns the comma before the subject of a closing report, or
// -1.
func (s *Stage) reportingUse(sent doc.Sentence, vgS, last int) (bool, int) {
	ci := &s.ci
	if last+1 < sent.EndToken && ci.tok(last+1) == "that" {
		return true, -1
	}
	for k := last + 1; k < sent.EndToken; k++ {
		if !timeWords[ci.tok(k)] {
			return false, -1
		}
	}
	k := vgS - 1
	for k > sent.FirstToken && ci.tok(k) != "," {
		switch tag := ci.tag(k); {
		case tag == "DT" || tag == "JJ" || strings.HasPrefix(tag, "NN") || tag == "CD" || tag == "POS" || tag == "PRP$" || tag == "PRP":
		default:
			return false, -1
		}
		k--
	}
	if k <= sent.FirstToken || k == vgS-1 {
		return false, -1
	}
	if ci.firstVerbGroup(sent, k) < 0 {
		return false, -1
	}
	return true, k
}

// firstVerbGroup returns the first token of the sentence's first finite
// verb group before token limit, or -1.
func (ci *clauseIndex) firstVerbGroup(sent doc.Sentence, limit int) int {
	for j := sent.FirstToken; j < limit; j++ {
		if isFinite(ci.tag(j)) {
			s, _ := ci.vgBounds(j)
			return s
		}
	}
	return -1
}

var gerundPreps = map[string]bool{"of": true, "for": true, "about": true, "against": true, "from": true, "over": true}

// recipientsOf tries the trigger's frames in order of preference and
// keeps the first whose recipient slot finds an actor with a country,
// else the first that finds any; a trigger that takes a recipient but
// finds none in its slots takes the first actor with a country later in
// the clause ("proposed talks with the prime minister of Nepal").
func (s *Stage) recipientsOf(sent doc.Sentence, m match, tr *lexicon.Trigger) []int {
	var any []int
	// "threatened to", "offered to": the recipient sits in the
	// infinitive that completes the trigger.
	takes := infinitival(tr)
	for _, f := range tr.Frames {
		if f.Recipient.Kind == lexicon.SlotNone {
			continue
		}
		takes = true
		r := s.dropSpeaker(s.slot(sent, m, f.Recipient), m.first)
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
		if e := s.ci.entStart[j]; e >= 0 && s.ci.d.Entities[e].CountryCode != "" && !s.speakerOf(e, m.first) {
			return []int{e}
		}
	}
	return nil
}

// speakerOf reports whether entity e is the speaker of the statement that
// token t is in, or, outside statements, the subject of a clause the
// sentence ends with: the source of the event ("..., the World Food
// Program said"), not a participant in it.
func (s *Stage) speakerOf(e, t int) bool {
	if s.ci.trailingSubject(e) {
		return true
	}
	qi := s.quoteA[t]
	if qi < 0 {
		return false
	}
	q := s.ci.d.Quotes[qi]
	return q.Speaker == e || (q.SpeakerMention.End > q.SpeakerMention.Start && q.SpeakerMention.Start == s.ci.d.Entities[e].Start)
}

// trailingSubject reports an entity after a comma and right before a
// finite verb, after an optional parenthesised acronym: the subject of a
// new clause (", the agency (WFP) said on Monday"), not an object of the
// clause before.
func (ci *clauseIndex) trailingSubject(e int) bool {
	k := tokenAtOrAfter(ci.d, ci.d.Entities[e].Start, 0)
	if k > 0 && ci.tag(k-1) == "DT" {
		k--
	}
	if k == 0 || ci.tok(k-1) != "," {
		return false
	}
	j := ci.entEnd[e]
	if j < len(ci.d.Tokens) && ci.tok(j) == "(" {
		for j < len(ci.d.Tokens) && ci.tok(j) != ")" {
			j++
		}
		j++
	}
	if j >= len(ci.d.Tokens) {
		return false
	}
	if isFinite(ci.tag(j)) {
		return true
	}
	// A closing report whose verb the tagger took for a participle:
	// "..., a rights group charged on Saturday."
	if ci.tag(j) != "VBN" {
		return false
	}
	for k := j + 1; k < len(ci.d.Tokens) && ci.tok(k) != "."; k++ {
		if !timeWords[ci.tok(k)] {
			return false
		}
	}
	return true
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

// reportedSubject returns the subject of the clause reported after token
// from, past an optional "that": the first entity before its verb.
func (ci *clauseIndex) reportedSubject(sent doc.Sentence, from int) []int {
	k := from
	if k < sent.EndToken && ci.tok(k) == "that" {
		k++
	}
	for ; k < sent.EndToken && k < from+8; k++ {
		if e := ci.entStart[k]; e >= 0 {
			return []int{e}
		}
		if isFinite(ci.tag(k)) {
			return nil
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
// troops) is AGREE, or THREATEN when made conditional with "unless"; a
// stated readiness to cooperate verbally ("is ready to host talks") is
// AGREE too; a possible or announced material conflict (could
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
	case "verbal cooperation":
		// A stated readiness to meet, support or yield is an AGREE
		// (CAMEO's "express intent to"); a bare future ("will meet")
		// stays the event it announces.
		if ev.Type == "AGREE" || !intentCues[cue] {
			return
		}
		ev.Rule += " +intent:" + ev.Type
		ev.IntendedType = ev.Type
		ev.Type, ev.Mode = "AGREE", ""
	case "material cooperation":
		ev.IntendedType = ev.Type
		if s.hasWord(sent, "unless") {
			// "will withdraw its force unless the rebels ...": a
			// cooperation made conditional on the other side's conduct
			// is leverage, a threat to stop cooperating.
			ev.Rule += " +ultimatum:" + ev.Type
			ev.Type, ev.Mode = "THREATEN", ""
			return
		}
		ev.Rule += " +intent:" + ev.Type
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

// hasWord reports whether the sentence contains the word w.
func (s *Stage) hasWord(sent doc.Sentence, w string) bool {
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		if s.ci.tok(k) == w {
			return true
		}
	}
	return false
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
	case lexicon.SlotIObj:
		// "offered Kenya talks": the first object is the indirect one
		// only when no "to" phrase follows it; in "offered its troops
		// to Somalia" it is what is offered.
		r := s.ci.objects(sent, m.last+1, "")
		if len(r) > 0 {
			if j := s.ci.entEnd[r[len(r)-1]]; j < sent.EndToken && s.ci.tok(j) == "to" {
				return nil
			}
		}
		return r
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
