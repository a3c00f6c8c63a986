package event

import (
	"slices"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/event/lexicon"
	"github.com/dateline-project/dateline/internal/lang/en"
	"github.com/dateline-project/dateline/internal/plover"
)

// A noun that is a trigger on its own is often ambiguous between event
// types: "the strike" is an air raid (ASSAULT) or a walkout (PROTEST),
// and the trigger lexicon gives the bare noun one type with a low
// confidence, leaving the other sense to longer patterns ("went on
// strike", "a general strike", "missile strike"). A news story rarely
// uses such a noun in two senses: "one sense per discourse" (Gale, Church
// and Yarowsky 1992, "One sense per discourse", HLT) holds for about 98%
// of ambiguous nouns in their study. So when the same document codes the
// noun inside a longer, surer pattern of exactly one other type, every
// bare use of it takes that pattern's type, mode and contexts.
//
// The mechanism is the lexicon's own: which nouns are ambiguous and what
// their senses are follows from the trigger files, not from a list kept
// here. A longer pattern settles the noun's sense when the noun ends it and
// its type is one the noun can name: a type of a nominal pattern headed by
// the noun ("general strike" makes PROTEST a sense of "strike", so "went
// on strike" settles it; CONCEDE has none, so "suspend the strike", whose
// noun is only its object, does not).

// codedMatch records the trigger behind an event coded from a lexicon
// match, for the discourse pass.
type codedMatch struct {
	event int // index in Doc.Events, stable until the events are sorted
	trig  *lexicon.Trigger
	last  int // token of the pattern's last word
}

// nounSenser is implemented by *lexicon.Lexicon: the types of the nominal
// patterns a noun heads.
type nounSenser interface {
	NounSenses(noun string) []plover.EventType
}

// discourseSense is a noun's sense as a document's longer patterns settle
// it: the surest such pattern, and whether patterns of other types also
// end in the noun (then the story uses both senses and nothing is
// settled).
type discourseSense struct {
	trig  *lexicon.Trigger
	mixed bool
}

// oneSensePerDiscourse gives bare ambiguous noun triggers the sense that
// the document's longer patterns settle (see above). It runs after every
// sentence is matched and before any rule recodes types.
func (s *Stage) oneSensePerDiscourse(d *doc.Doc) {
	ns, _ := s.c.lex.(nounSenser)
	if ns == nil || !slices.ContainsFunc(s.coded, func(c codedMatch) bool { return bareNoun(d, c) }) {
		return
	}
	clear(s.senses)
	for _, c := range s.coded {
		if c.trig.Len() < 2 || !en.IsNounTag(d.Tokens[c.last].Tag) {
			continue
		}
		key := lexicon.NounKey(s.ci.tok(c.last))
		if !slices.Contains(ns.NounSenses(key), c.trig.Type) {
			continue
		}
		if s.senses == nil {
			s.senses = make(map[string]discourseSense)
		}
		cur, ok := s.senses[key]
		switch {
		case !ok:
			s.senses[key] = discourseSense{trig: c.trig}
		case cur.trig.Type != c.trig.Type:
			cur.mixed = true
			s.senses[key] = cur
		case c.trig.Confidence > cur.trig.Confidence:
			cur.trig = c.trig
			s.senses[key] = cur
		}
	}
	for _, c := range s.coded {
		if !bareNoun(d, c) {
			continue
		}
		sense, ok := s.senses[lexicon.NounKey(s.ci.tok(c.last))]
		if !ok || sense.mixed || sense.trig.Type == c.trig.Type || sense.trig.Confidence <= c.trig.Confidence {
			continue
		}
		ev := &d.Events[c.event]
		if ev.Type != c.trig.Type || ev.Mode != c.trig.Mode {
			// Negation or another rule already recoded it.
			continue
		}
		ev.Type, ev.Mode, ev.Context = sense.trig.Type, sense.trig.Mode, sense.trig.Contexts
		ev.Rule += " +one_sense_per_discourse " + sense.trig.Rule
	}
}

// bareNoun reports whether c is a one-word trigger used as a noun.
func bareNoun(d *doc.Doc, c codedMatch) bool {
	return c.trig.Len() == 1 && en.IsNounTag(d.Tokens[c.last].Tag)
}
