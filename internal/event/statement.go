package event

import (
	"fmt"
	"io/fs"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lang/en"
	"github.com/dateline-project/dateline/internal/lexicon"
	"github.com/dateline-project/dateline/internal/plover"
	"github.com/dateline-project/dateline/internal/text"
)

// Disapproval is the list of negative-evaluation words
// (data/cues/disapproval.tsv) that make a statement an accusation.
type Disapproval struct {
	words map[string]disapprovalWord
}

type disapprovalWord struct {
	mode string
	rule string
}

// LoadDisapproval reads the word list from fsys.
func LoadDisapproval(fsys fs.FS, path string) (*Disapproval, error) {
	d := &Disapproval{words: map[string]disapprovalWord{}}
	err := lexicon.ReadFile(fsys, path, []string{"word", "mode"}, func(r lexicon.Record) error {
		w, m := r.Get("word"), r.Get("mode")
		if m != "disapprove" && m != "allege" {
			return r.Errorf("mode must be disapprove or allege, not %q", m)
		}
		d.words[w] = disapprovalWord{mode: m, rule: fmt.Sprintf("%s:%d", path, r.Line)}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load disapproval words: %w", err)
	}
	return d, nil
}

// WithStatements returns a copy of c that also codes accusations carried
// by a statement's wording.
func (c *Coder) WithStatements(d *Disapproval) *Coder {
	cc := *c
	cc.disapproval = d
	return &cc
}

// statements codes ACCUSE events from statements whose words disapprove
// of a named actor: "the insincere position of the Armenian leadership",
// said by a resolved speaker, is that speaker accusing the leadership. The
// actor is the speaker; the recipients are the government-like actors the
// statement's sentence names, other than the speaker and the speaker's own
// government; one event per statement sentence and word.
func (s *Stage) statements(d *doc.Doc) {
	if s.c.disapproval == nil {
		return
	}
	accused := map[[2]int]bool{} // (sentence, target root) already coded
	for qi := range d.Quotes {
		q := d.Quotes[qi]
		if !q.Kind.Statement() || q.Speaker < 0 {
			continue
		}
		speaker := d.Entities[q.Speaker]
		first := s.ci.tokenAt(q.Start, 0)
		for t := first; t < len(d.Tokens) && d.Tokens[t].End <= q.End; t++ {
			if s.scare[t] {
				continue
			}
			w, ok := s.c.disapproval.words[s.ci.tok(t)]
			if !ok {
				continue
			}
			si := text.SentenceOf(d, t)
			if si < 0 {
				continue
			}
			sent := d.Sentences[si]
			var targets []int
			seen := map[int]bool{}
			for k := max(sent.FirstToken, first); k < sent.EndToken && d.Tokens[k].End <= q.End; k++ {
				e := s.ci.entStart[k]
				if e < 0 {
					continue
				}
				r := rootOf(d, e)
				en := d.Entities[r]
				if seen[r] || accused[[2]int{si, r}] || r == q.Speaker || en.CountryCode == "" || !accusable(en.SectorCode) ||
					ownSide(speaker, en) {
					continue
				}
				seen[r] = true
				accused[[2]int{si, r}] = true
				targets = append(targets, e)
				// Whoever the statement joins to a target shares the
				// blame: "coordinated by Yerevan and the Armenian
				// Diaspora".
				for _, c := range s.coordinatedWith(e) {
					if rc := rootOf(d, c); !seen[rc] && rc != q.Speaker {
						seen[rc] = true
						accused[[2]int{si, rc}] = true
						targets = append(targets, c)
					}
				}
			}
			if len(targets) == 0 {
				continue
			}
			s.used[t] = true
			s.speakerEvent(d, q, si, t, plover.Accuse, w.mode, targets, "statement_disapproval "+w.rule, 0.5)
		}
	}
}

// obligationModals in a statement put a demand on the clause's subject:
// "X said that Y must hand over the suspects" is X asking Y to act.
// demands codes REQUEST events from statements that say what another
// actor must or should do. The actor is the speaker, the recipient the
// subject of the obliged clause, the trigger the modal. Events coded from
// the obliged verb itself are marked "complement": they are what is
// demanded, not what happened.
func (s *Stage) demands(d *doc.Doc) {
	// The events coded before the statements'; the REQUESTs appended
	// here are not what is demanded.
	coded := d.Events[:len(d.Events):len(d.Events)]
	var obliged []obligation
	for qi := range d.Quotes {
		q := d.Quotes[qi]
		if !q.Kind.Statement() || q.Speaker < 0 {
			continue
		}
		speaker := d.Entities[q.Speaker]
		first := s.ci.tokenAt(q.Start, 0)
		for t := first; t < len(d.Tokens) && d.Tokens[t].End <= q.End; t++ {
			if en.ModalOf(s.ci.tok(t)) != en.ModalObligation || s.scare[t] {
				continue
			}
			si := text.SentenceOf(d, t)
			if si < 0 {
				continue
			}
			v := s.tr.Head(t)
			if v < 0 || s.tr.Rel(t) != doc.DepAux || s.epistemic(t, v) {
				continue
			}
			subj, undergoer := s.subjectOf(v)
			if undergoer {
				continue
			}
			var targets []int
			for _, e := range s.argument(subj) {
				r := rootOf(d, e)
				if r != q.Speaker && d.Entities[r].CountryCode != "" && !ownSide(speaker, d.Entities[r]) {
					targets = append(targets, e)
				}
			}
			if len(targets) == 0 {
				continue
			}
			obliged = append(obliged, obligation{sentence: si, verb: v})
			s.speakerEvent(d, q, si, t, plover.Request, "", targets, "statement_obligation", 0.55)
		}
	}
	if len(obliged) == 0 {
		return
	}
	// The events of an obliged clause are what is demanded. One pass
	// over the events, each checked against its own sentence's
	// obligations, keeps this linear in a long document.
	bySentence := map[int][]int{}
	for _, o := range obliged {
		bySentence[o.sentence] = append(bySentence[o.sentence], o.verb)
	}
	for i := range coded {
		k := s.ci.tokenAt(d.Events[i].Evidence.Trigger.Start, 0)
		si := text.SentenceOf(d, k)
		for _, v := range bySentence[si] {
			if s.tr.Dominates(v, k) {
				d.Events[i].Aux |= doc.AuxComplement
				break
			}
		}
	}
}

// epistemic reports a modal at t on predicate v that infers rather than
// obliges: with the perfect ("must have known") or with a copula before
// a noun phrase ("he must be the killer"), "must" says what the speaker
// concludes, and no one is asked to do anything. A copula before an
// adjective is left to the obligation ("must be more careful").
func (s *Stage) epistemic(t, v int) bool {
	for c := s.tr.First(v); c >= 0; c = s.tr.Next(c) {
		if c <= t {
			continue
		}
		switch s.tr.Rel(c) {
		case doc.DepAux:
			if en.IsPerfectAuxiliary(s.ci.tok(c)) {
				return true
			}
		case doc.DepCop:
			return en.IsNounTag(s.ci.tag(v)) || s.ci.tag(v) == "PRP"
		}
	}
	return false
}

// obligation is a verb that a statement says its subject must carry out.
type obligation struct{ sentence, verb int }

// coordinatedWith returns the mentions joined to mention e by conj:
// "coordinated by Yerevan and the diaspora".
func (s *Stage) coordinatedWith(e int) []int {
	d := s.ci.d
	k := s.ci.tokenAt(d.Entities[e].Start, 0)
	end := s.ci.entEnd[e]
	if k >= end {
		return nil
	}
	head := s.tr.Top(k, end-1)
	var out []int
	for c := s.tr.First(head); c >= 0; c = s.tr.Next(c) {
		if s.tr.Rel(c) == doc.DepConj {
			if ce := s.entityOfHead(c); ce >= 0 && ce != e {
				out = append(out, ce)
			}
		}
	}
	return out
}

// speakerEvent appends an event whose actor is the speaker of quote q and
// whose trigger is token t of sentence si. Its ID is set when the stage
// numbers the document's events.
func (s *Stage) speakerEvent(d *doc.Doc, q doc.Quote, si, t int, typ plover.EventType, mode string, recipients []int, rule string, conf float64) {
	sent := d.Sentences[si]
	speaker := d.Entities[q.Speaker]
	mention := q.SpeakerMention
	if mention.End <= mention.Start {
		mention = speaker.Span
	}
	ev := doc.Event{
		Type: typ, Mode: mode, Location: -1, ClaimedBy: -1, Quote: s.quoteA[t],
		Actors:     []doc.EventActor{{Span: mention, RawText: d.SpanText(mention), Actor: speaker.Actor, Entity: q.Speaker}},
		Recipients: eventActors(d, recipients),
		Evidence:   doc.Evidence{Sentence: sent.Span, Trigger: d.Tokens[t].Span},
		Rule:       rule, Confidence: conf,
	}
	s.date(d, sent, &ev)
	s.locate(d, si, t, &ev)
	d.Events = append(d.Events, ev)
}

// ownSide reports a mention of the speaker's own side: the same country
// and sector, or, for a government speaker, its country named bare ("a
// violation of Kenyan sovereignty", said by Kenya's foreign ministry,
// accuses someone else).
func ownSide(speaker, other doc.Entity) bool {
	if other.CountryCode != speaker.CountryCode {
		return false
	}
	return other.SectorCode == speaker.SectorCode || other.SectorCode == "" && speaker.SectorCode == "GOV"
}

// accusable sectors are actors a statement can accuse: states, their
// organs, armed and political groups, not bystanders.
func accusable(sector string) bool {
	return sector == "" || plover.PoliticalSector(sector)
}
